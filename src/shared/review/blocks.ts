import type { DocNode } from '../domain/doc';
import type { TextBlock } from './anchor';

/** Block types whose inline text comments anchor to. */
const TEXTBLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock']);

/** Stands for a non-text inline node (a hard break) so offsets equal ProseMirror positions. */
const INLINE_LEAF = '\uFFFC';

/** The text of a text block as anchors count it. */
function inlineText(node: DocNode): string {
  let out = '';
  for (const child of node.content ?? []) out += child.type === 'text' ? (child.text ?? '') : INLINE_LEAF;
  return out;
}

/** Every text block with an id, in document order (what the side panel orders threads by). */
export function textBlocks(doc: DocNode): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (node: DocNode) => {
    if (TEXTBLOCK_TYPES.has(node.type)) {
      const id = node.attrs?.['id'];
      if (typeof id === 'string' && id) out.push({ id, text: inlineText(node) });
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return out;
}
