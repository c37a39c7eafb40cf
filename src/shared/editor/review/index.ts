/**
 * Review in the editor: suggested edits and comment highlights.
 *
 * MARKS IN THE DOCUMENT (names other code relies on — the publishing gate drops them):
 *   - `suggestionInsert` — text a reviewer proposes to add. Attrs: id, author, at.
 *     Unaccepted, it is NOT part of the release: publishing leaves it out.
 *   - `suggestionDelete` — text a reviewer proposes to remove. Attrs: id, author, at.
 *     Unaccepted, the text IS part of the release: publishing keeps it, unmarked.
 * Comments are NOT marks: a comment must not change the release text (that would invalidate
 * approvals and clash with the writer's edits). Their passages are highlighted with
 * decorations (`commentHighlights`, CSS class `warta-comment`) placed from stored anchors.
 */
export * from './names';
export * from './suggestion-marks';
export * from './suggest-mode-plugin';
export * from './decide-suggestions';
export * from './comment-highlights';
export * from './review-tools';
