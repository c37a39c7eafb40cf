/**
 * Suggest mode: while on, this plugin turns the reviewer's typing, pasting and deleting into
 * suggestion marks instead of changing the text: deleted content is put back, struck out
 * (across blocks too, which undoes the join), inserted text is marked. Splitting a paragraph
 * (Enter) is not a proposal: it loses nothing and passes as an ordinary edit.
 */
import { Fragment, Slice, type Mark as PmMark, type MarkType, type Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Mapping, ReplaceStep } from '@tiptap/pm/transform';
import { REVIEW_INTERNAL, SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs } from './names';

export interface SuggestModeState {
  enabled: boolean;
  author: string;
}

export const suggestModeKey = new PluginKey<SuggestModeState>('suggestMode');

export interface SuggestModeOptions {
  /** Makes suggestion ids; defaults to a random UUID. */
  newId?: () => string;
  /** The time written into suggestions; defaults to now. */
  now?: () => string;
}

const defaultId = (): string => globalThis.crypto.randomUUID();

/** Turns the reviewer's text edits into suggestion marks while suggest mode is on. */
export function suggestModePlugin(options: SuggestModeOptions = {}): Plugin<SuggestModeState> {
  const newId = options.newId ?? defaultId;
  const now = options.now ?? (() => new Date().toISOString());
  return new Plugin<SuggestModeState>({
    key: suggestModeKey,
    state: {
      init: () => ({ enabled: false, author: '' }),
      apply: (tr, value) => (tr.getMeta(suggestModeKey) as SuggestModeState | undefined) ?? value,
    },
    appendTransaction(transactions, oldState, newState) {
      const mode = suggestModeKey.getState(newState);
      if (!mode?.enabled) return null;
      const insType = newState.schema.marks[SUGGESTION_INSERT];
      const delType = newState.schema.marks[SUGGESTION_DELETE];
      if (!insType || !delType) return null;
      const out = newState.tr;
      let changed = false;
      transactions.forEach((tr, t) => {
        if (!tr.docChanged || tr.getMeta(REVIEW_INTERNAL) || tr.getMeta('history$')) return;
        tr.steps.forEach((step, i) => {
          if (!(step instanceof ReplaceStep)) return;
          const before = tr.docs[i]!;
          const { from, to, slice } = step as ReplaceStep & { from: number; to: number };
          // Where this step's positions are now: through the rest of this transaction, the
          // later ones of the batch, and what we appended so far.
          const rest = new Mapping(tr.mapping.maps.slice(i + 1));
          for (const later of transactions.slice(t + 1)) rest.appendMapping(later.mapping);
          const map = (pos: number, assoc: number) => out.mapping.map(rest.map(pos, assoc), assoc);
          const attrs: SuggestionAttrs = { id: '', author: mode.author, at: now() };
          const insStart = map(from, 1);
          const insEnd = slice.size > 0 ? map(from + slice.size, -1) : insStart;
          if (insEnd > insStart) {
            out.removeMark(insStart, insEnd, delType);
            const same = neighbour(out.doc, insStart, insEnd, insType, mode.author);
            out.addMark(insStart, insEnd, insType.create(same ?? { ...attrs, id: newId() }));
            changed = true;
          }
          if (to > from) {
            // Put the deleted content back, struck out. Across blocks this also undoes the
            // join, so a reviewer never merges or removes the writer's paragraphs.
            const deleted = before.slice(from, to);
            const same = neighbour(out.doc, insStart, insStart, delType, mode.author);
            const marked = new Slice(
              markDeleted(deleted.content, insType, delType, mode.author, same ?? { ...attrs, id: newId() }),
              deleted.openStart,
              deleted.openEnd,
            );
            const structural = deleted.openStart > 0 || deleted.openEnd > 0 || !isInline(deleted.content);
            if (marked.content.size > 0 || structural) {
              const sizeBefore = out.doc.content.size;
              try {
                out.replace(insStart, insStart, marked);
              } catch {
                return; // cannot be put back here (unusual schema position): the edit stands as made
              }
              changed = true;
              const restored = out.doc.content.size - sizeBefore;
              const sel = oldState.selection;
              // Backspace leaves the cursor before the struck-out text, so it keeps moving left.
              if (slice.size === 0 && sel.empty && sel.head === to)
                out.setSelection(TextSelection.near(out.doc.resolve(insStart), -1));
              else if (slice.size === 0) out.setSelection(TextSelection.near(out.doc.resolve(insStart + restored), 1));
            }
          }
        });
      });
      if (!changed) return null;
      return out.setMeta(REVIEW_INTERNAL, true);
    },
  });
}

const isInline = (fragment: Fragment): boolean => {
  let inline = true;
  fragment.forEach((n) => {
    if (!n.isInline) inline = false;
  });
  return inline;
};

/**
 * Deleted content as it is put back: text struck out with `suggestionDelete` (text already
 * struck out keeps its mark); the reviewer's own proposed insertions really go.
 */
function markDeleted(
  fragment: Fragment,
  insType: MarkType,
  delType: MarkType,
  author: string,
  attrs: SuggestionAttrs,
): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((n) => {
    if (!n.isText) {
      nodes.push(n.isLeaf ? n : n.copy(markDeleted(n.content, insType, delType, author, attrs)));
      return;
    }
    if (n.marks.some((m) => m.type === insType && m.attrs['author'] === author)) return;
    if (n.marks.some((m) => m.type === delType)) nodes.push(n);
    else nodes.push(n.mark(delType.create(attrs).addToSet(n.marks.filter((m) => m.type !== insType))));
  });
  return Fragment.fromArray(nodes);
}

/**
 * The attributes of an adjacent suggestion of the same kind and author: typing a word adds to
 * one suggestion (same id and time) instead of making one per keystroke.
 */
function neighbour(doc: PmNode, from: number, to: number, type: MarkType, author: string): SuggestionAttrs | null {
  const find = (marks: readonly PmMark[] | undefined) =>
    marks?.find((m) => m.type === type && m.attrs['author'] === author);
  const mark = find(doc.resolve(from).nodeBefore?.marks) ?? find(doc.resolve(to).nodeAfter?.marks);
  return mark ? { id: String(mark.attrs['id']), author, at: String(mark.attrs['at']) } : null;
}
