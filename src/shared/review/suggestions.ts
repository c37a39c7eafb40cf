import type { DocNode } from '../domain/doc';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '../editor/review/names';

export interface PendingSuggestion {
  id: string;
  kind: 'insert' | 'delete';
  author: string;
  at: string;
  text: string;
  /** The text block it is in (null outside a block with an id). */
  blockId: string | null;
}

/** Every open suggestion of a stored body, in document order, adjacent pieces joined. */
export function pendingSuggestions(doc: DocNode): PendingSuggestion[] {
  const out: PendingSuggestion[] = [];
  const walk = (node: DocNode, blockId: string | null, adjacent: { last: PendingSuggestion | null }) => {
    const id = typeof node.attrs?.['id'] === 'string' ? (node.attrs['id'] as string) : blockId;
    if (node.type === 'text') {
      let matched: PendingSuggestion | null = null;
      for (const mark of node.marks ?? []) {
        const kind = mark.type === SUGGESTION_INSERT ? 'insert' : mark.type === SUGGESTION_DELETE ? 'delete' : null;
        if (!kind) continue;
        const sid = String(mark.attrs?.['id'] ?? '');
        const last = adjacent.last;
        if (last && last.id === sid && last.kind === kind && last.blockId === blockId) {
          last.text += node.text ?? '';
          matched = last;
        } else {
          matched = {
            id: sid,
            kind,
            author: String(mark.attrs?.['author'] ?? ''),
            at: String(mark.attrs?.['at'] ?? ''),
            text: node.text ?? '',
            blockId,
          };
          out.push(matched);
        }
      }
      adjacent.last = matched;
      return;
    }
    const inner = { last: null as PendingSuggestion | null };
    for (const child of node.content ?? []) walk(child, id, inner);
  };
  walk(doc, null, { last: null });
  return out;
}

/**
 * The body as it stands without any open suggestion: proposed insertions left out, proposed
 * deletions kept as plain text. What may be published, and what "reject all" gives.
 */
export function withoutSuggestions(doc: DocNode): DocNode {
  const strip = (node: DocNode): DocNode | null => {
    if (node.type === 'text') {
      const marks = node.marks ?? [];
      if (marks.some((m) => m.type === SUGGESTION_INSERT)) return null;
      const kept = marks.filter((m) => m.type !== SUGGESTION_DELETE);
      const { marks: _drop, ...rest } = node;
      return kept.length ? { ...rest, marks: kept } : rest;
    }
    if (!node.content) return node;
    const content: DocNode[] = [];
    for (const child of node.content) {
      const next = strip(child);
      if (!next) continue;
      const prev = content[content.length - 1];
      // Joining neighbours with equal marks keeps the JSON the editor would produce.
      if (
        prev &&
        prev.type === 'text' &&
        next.type === 'text' &&
        JSON.stringify(prev.marks ?? []) === JSON.stringify(next.marks ?? [])
      ) {
        content[content.length - 1] = { ...prev, text: (prev.text ?? '') + (next.text ?? '') };
      } else content.push(next);
    }
    return { ...node, content };
  };
  return strip(doc) ?? { type: 'doc', content: [] };
}
