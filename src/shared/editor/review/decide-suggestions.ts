/** Listing, accepting and rejecting suggestions: pure functions of the editor state. */
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { REVIEW_INTERNAL, SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs } from './names';

export interface SuggestionInfo extends SuggestionAttrs {
  kind: 'insert' | 'delete';
  text: string;
  from: number;
  to: number;
}

/** Every suggestion in document order (adjacent pieces with the same id joined). */
export function listSuggestions(doc: PmNode): SuggestionInfo[] {
  const out: SuggestionInfo[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      const kind =
        mark.type.name === SUGGESTION_INSERT ? 'insert' : mark.type.name === SUGGESTION_DELETE ? 'delete' : null;
      if (!kind) continue;
      const last = out[out.length - 1];
      const id = String(mark.attrs['id']);
      if (last && last.id === id && last.kind === kind && last.to === pos) {
        last.to = pos + node.nodeSize;
        last.text += node.text ?? '';
      } else {
        out.push({
          id,
          kind,
          author: String(mark.attrs['author']),
          at: String(mark.attrs['at']),
          text: node.text ?? '',
          from: pos,
          to: pos + node.nodeSize,
        });
      }
    }
  });
  return out;
}

/**
 * A transaction accepting (or rejecting) the suggestions with the given ids — all when `ids`
 * is null. Accepting an insertion keeps its text; accepting a deletion removes the text.
 * Rejecting does the opposite. Null when there is nothing to do.
 */
export function decideSuggestions(
  state: EditorState,
  ids: readonly string[] | null,
  accept: boolean,
): Transaction | null {
  const insType = state.schema.marks[SUGGESTION_INSERT];
  const delType = state.schema.marks[SUGGESTION_DELETE];
  if (!insType || !delType) return null;
  const chosen = listSuggestions(state.doc).filter((s) => ids === null || ids.includes(s.id));
  if (chosen.length === 0) return null;
  const tr = state.tr;
  // From the end backwards so earlier positions stay valid.
  for (const s of [...chosen].sort((a, b) => b.from - a.from)) {
    const type = s.kind === 'insert' ? insType : delType;
    const removeText = (s.kind === 'insert') !== accept;
    if (removeText) tr.delete(s.from, s.to);
    else tr.removeMark(s.from, s.to, type);
  }
  return tr.setMeta(REVIEW_INTERNAL, true);
}
