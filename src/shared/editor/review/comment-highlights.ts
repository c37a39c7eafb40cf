/** Comment highlights: decorations placed from stored anchors, never marks in the document. */
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { COMMENT_CLASS } from './names';

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
