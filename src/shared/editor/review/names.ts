export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
/** Class of the comment-highlight decorations. */
export const COMMENT_CLASS = 'warta-comment';
/** Meta on transactions the review code makes itself (accept/reject, its own marking). */
export const REVIEW_INTERNAL = 'wartaReviewInternal';

export interface SuggestionAttrs {
  id: string;
  author: string;
  at: string;
}
