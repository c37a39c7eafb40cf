import type { Status } from '../../shared/domain/release';
import { pendingSuggestions } from '../../shared/review/suggestions';
import type { WireFields } from '../../shared/sync/protocol';

/** Transitions that vouch for the exact text: approving, publishing, publishing a correction. */
const PINNING: readonly Status[] = ['disetujui', 'terbit', 'dikoreksi'];

/**
 * HQ's review check on top of the transition table (`ruleFor`) and the content pin: a text
 * with open suggested edits cannot be approved or published — unaccepted proposals would be
 * dropped from the public page, so the approver would have vouched for a text nobody read as
 * such. Returns the refusal message, or null when the move may go ahead. Called by
 * applyTransition in src/server/sync/apply.ts after the rule check.
 */
export function reviewTransitionBlocker(fields: WireFields | null, to: Status): string | null {
  if (!PINNING.includes(to) || !fields) return null;
  const open = pendingSuggestions(fields.body).length;
  return open > 0
    ? `${open} suggested edit(s) are still open; accept or reject them before ${to === 'disetujui' ? 'approving' : 'publishing'}`
    : null;
}
