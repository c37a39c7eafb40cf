import { getSchema } from '@tiptap/core';
import { DOMSerializer, Node as PmNode, type Schema } from '@tiptap/pm/model';
import type { DocNode } from '../../shared/domain';
import { editorExtensions, isAllowedLink } from '../../shared/editor';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '../../shared/editor/review/names';
import { docToPlainText } from '../../shared/editor/text';
import { mediaUrl } from '../editor/media';

let schema: Schema | null = null;

/** The text as it stands: an insertion only suggested is not in it yet, a deletion only suggested still is. */
function settled(node: DocNode): DocNode | null {
  if (node.type === 'text' && node.marks?.some((m) => m.type === SUGGESTION_INSERT)) return null;
  const marks = node.marks?.filter((m) => m.type !== SUGGESTION_DELETE);
  const content = node.content?.map(settled).filter((c): c is DocNode => c !== null);
  return { ...node, ...(marks ? { marks } : {}), ...(content ? { content } : {}) };
}

/**
 * A release body as DOM for printing, drawn by the shared schema's own renderHTML (no HTML
 * string is parsed); a link the schema would not allow loses its target. A body this version
 * cannot read (a newer workstation's node) prints as its plain text rather than not at all.
 */
export function renderBody(body: DocNode): DocumentFragment {
  schema ??= getSchema(editorExtensions({ mediaUrl, generateIds: false }));
  try {
    const node = PmNode.fromJSON(schema, settled(body) ?? body);
    const fragment = document.createDocumentFragment();
    DOMSerializer.fromSchema(schema).serializeFragment(node.content, { document }, fragment);
    for (const a of Array.from(fragment.querySelectorAll('a'))) {
      if (!isAllowedLink(a.getAttribute('href') ?? '')) a.removeAttribute('href');
    }
    for (const img of Array.from(fragment.querySelectorAll('img'))) img.removeAttribute('loading');
    return fragment;
  } catch {
    const fragment = document.createDocumentFragment();
    for (const line of docToPlainText(body).split('\n')) {
      const p = document.createElement('p');
      p.textContent = line;
      fragment.appendChild(p);
    }
    return fragment;
  }
}
