import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { keepSelection, MOD } from './ToolButton';

/** A non-empty selection inside one text block that has an id: what a comment can anchor to. */
export function isCommentable(editor: Editor): boolean {
  const { from, to, $from, $to } = editor.state.selection;
  if (from === to || !$from.sameParent($to) || !$from.parent.isTextblock) return false;
  const id: unknown = $from.parent.attrs['id'];
  return typeof id === 'string' && id.length > 0 && /[\p{L}\p{N}]/u.test(editor.state.doc.textBetween(from, to));
}

/** Review controls: comment on the selection, suggest mode. */
export interface ToolbarReview {
  onComment: () => void;
  /** A highlighted passage was clicked: show its thread. */
  onThreadClick: (threadId: string) => void;
  /** Name written into suggestions made in suggest mode. */
  author: string;
}

/** "Komentar" on the selection and the suggest-mode toggle. */
export function ReviewTools({
  review,
  commentable,
  suggesting,
  onSuggestMode,
}: {
  review: ToolbarReview;
  commentable: boolean;
  suggesting: boolean;
  onSuggestMode: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="tool-group review-tools">
      <button
        type="button"
        className="tool tool-text"
        disabled={!commentable}
        title={commentable ? `${t('review.comment')} (${MOD}+Alt+M)` : t('review.commentHint')}
        onMouseDown={keepSelection}
        onClick={review.onComment}
      >
        {t('review.comment')}
      </button>
      <button
        type="button"
        className={`tool tool-text${suggesting ? ' is-active' : ''}`}
        aria-pressed={suggesting}
        onMouseDown={keepSelection}
        onClick={() => onSuggestMode(!suggesting)}
      >
        {t('review.suggestMode')}
      </button>
    </div>
  );
}
