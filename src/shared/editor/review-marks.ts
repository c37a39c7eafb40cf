/**
 * Review in the editor (issue 4): suggested edits and comment highlights.
 *
 * MARKS IN THE DOCUMENT (names other code relies on — the publishing gate drops them):
 *   - `suggestionInsert` — text a reviewer proposes to add. Attrs: id, author, at.
 *     Unaccepted, it is NOT part of the release: publishing leaves it out.
 *   - `suggestionDelete` — text a reviewer proposes to remove. Attrs: id, author, at.
 *     Unaccepted, the text IS part of the release: publishing keeps it, unmarked.
 * Comments are NOT marks: a comment must not change the release text (that would invalidate
 * approvals and clash with the writer's edits). Their passages are highlighted with
 * decorations (`commentHighlights`, CSS class `warta-comment`) placed from stored anchors.
 *
 * Suggest mode: while on, a plugin turns the reviewer's typing, pasting and deleting into these
 * marks instead of changing the text: deleted content is put back, struck out (across blocks
 * too, which undoes the join), inserted text is marked. Splitting a paragraph (Enter) is not a
 * proposal: it loses nothing and passes as an ordinary edit.
 */
import { Extension, Mark, mergeAttributes } from '@tiptap/core';
import { Fragment, Slice, type Mark as PmMark, type MarkType, type Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const REVIEW_MARK_NAMES = [SUGGESTION_INSERT, SUGGESTION_DELETE] as const;
/** Class of the comment-highlight decorations. */
export const COMMENT_CLASS = 'warta-comment';

export interface SuggestionAttrs {
  id: string;
  author: string;
  at: string;
}

/** The DOM element parseHTML receives (typed loosely: src/shared compiles without the DOM lib too). */
type Element = { getAttribute(name: string): string | null };

const suggestionAttributes = () => ({
  id: {
    default: '',
    parseHTML: (el: Element) => el.getAttribute('data-suggestion-id') ?? '',
    renderHTML: (a: Record<string, unknown>) => ({ 'data-suggestion-id': a['id'] }),
  },
  author: {
    default: '',
    parseHTML: (el: Element) => el.getAttribute('data-author') ?? '',
    renderHTML: (a: Record<string, unknown>) => ({ 'data-author': a['author'] }),
  },
  at: {
    default: '',
    parseHTML: (el: Element) => el.getAttribute('data-at') ?? '',
    renderHTML: (a: Record<string, unknown>) => ({ 'data-at': a['at'] }),
  },
});

/** "Budi Peninjau · 2026-11-30 05:24": who proposed it and when, shown on hover. */
const suggestionTitle = (attrs: Record<string, unknown>): string =>
  `${String(attrs['data-author'] ?? '')} · ${String(attrs['data-at'] ?? '')
    .replace('T', ' ')
    .slice(0, 16)}`;

export const SuggestionInsert = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  excludes: SUGGESTION_DELETE,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'ins',
    mergeAttributes(HTMLAttributes, { class: 'warta-suggestion-insert', title: suggestionTitle(HTMLAttributes) }),
    0,
  ],
});

export const SuggestionDelete = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  excludes: SUGGESTION_INSERT,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'del',
    mergeAttributes(HTMLAttributes, { class: 'warta-suggestion-delete', title: suggestionTitle(HTMLAttributes) }),
    0,
  ],
});

// ------------------------------------------------------------------------------------------
// Suggest mode

export interface SuggestModeState {
  enabled: boolean;
  author: string;
}

export const suggestModeKey = new PluginKey<SuggestModeState>('suggestMode');
/** Meta on transactions the review code makes itself (accept/reject, its own marking). */
export const REVIEW_INTERNAL = 'wartaReviewInternal';

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

// ------------------------------------------------------------------------------------------
// Listing, accepting and rejecting suggestions (pure functions of the editor state)

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

// ------------------------------------------------------------------------------------------
// Comment highlights (decorations from anchors; never in the document)

export interface CommentRange {
  threadId: string;
  from: number;
  to: number;
  active?: boolean;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');

const decorate = (doc: PmNode, ranges: readonly CommentRange[]): DecorationSet =>
  DecorationSet.create(
    doc,
    ranges
      .filter((r) => r.from < r.to && r.to <= doc.content.size)
      .map((r) =>
        Decoration.inline(
          r.from,
          r.to,
          {
            class: r.active ? `${COMMENT_CLASS} ${COMMENT_CLASS}-active` : COMMENT_CLASS,
            'data-thread-id': r.threadId,
          },
          { threadId: r.threadId },
        ),
      ),
  );

/** Highlights commented passages; set the ranges with `tr.setMeta(commentHighlightsKey, ranges)`. They follow edits. */
export function commentHighlightsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: commentHighlightsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const ranges = tr.getMeta(commentHighlightsKey) as CommentRange[] | undefined;
        if (ranges) return decorate(tr.doc, ranges);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state),
    },
  });
}

/** Where the highlighted comment passages are now (after the edits since they were set). */
export function commentRanges(state: EditorState): CommentRange[] {
  const set = commentHighlightsKey.getState(state);
  if (!set) return [];
  return set
    .find()
    .map((d) => ({ threadId: String((d.spec as { threadId: string }).threadId), from: d.from, to: d.to }));
}

// ------------------------------------------------------------------------------------------
// The TipTap extension bundling it all

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    review: {
      /** Turns suggest mode on (as `author`) or off. */
      setSuggestMode: (enabled: boolean, author?: string) => ReturnType;
      acceptSuggestion: (id: string) => ReturnType;
      rejectSuggestion: (id: string) => ReturnType;
      acceptAllSuggestions: () => ReturnType;
      rejectAllSuggestions: () => ReturnType;
      setCommentHighlights: (ranges: CommentRange[]) => ReturnType;
    };
  }
}

export const ReviewTools = Extension.create<SuggestModeOptions>({
  name: 'review',
  addOptions: () => ({}),
  addProseMirrorPlugins() {
    return [suggestModePlugin(this.options), commentHighlightsPlugin()];
  },
  addCommands() {
    const decide =
      (ids: string[] | null, accept: boolean) =>
      ({ state, dispatch }: { state: EditorState; dispatch?: ((tr: Transaction) => void) | undefined }) => {
        const tr = decideSuggestions(state, ids, accept);
        if (!tr) return false;
        dispatch?.(tr);
        return true;
      };
    return {
      setSuggestMode:
        (enabled, author = '') =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(suggestModeKey, { enabled, author }));
          return true;
        },
      acceptSuggestion: (id) => decide([id], true),
      rejectSuggestion: (id) => decide([id], false),
      acceptAllSuggestions: () => decide(null, true),
      rejectAllSuggestions: () => decide(null, false),
      setCommentHighlights:
        (ranges) =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(commentHighlightsKey, ranges));
          return true;
        },
    };
  },
});

/** What `editorExtensions` adds for review: the two marks and the review tools. */
export const reviewExtensions = () => [SuggestionInsert, SuggestionDelete, ReviewTools];
