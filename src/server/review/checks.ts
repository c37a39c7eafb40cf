import type { Status } from '../../shared/domain/release';
import { pendingSuggestions } from '../../shared/review/suggestions';
import type { WireFields } from '../../shared/sync/protocol';
import { vouchesForText } from '../../shared/workflow/rules';

/**
 * HQ's review check on top of the transition table (`ruleFor`) and the content pin: the
 * workstation's open-suggestions rule (`vouchesForText`), applied to HQ's head text. Returns
 * the refusal message, or null when the move may go ahead. Called by applyTransition in
 * src/server/sync/apply.ts after the rule check.
 */
export function reviewTransitionBlocker(fields: WireFields | null, to: Status): string | null {
  if (!vouchesForText(to) || !fields) return null;
  const open = pendingSuggestions(fields.body).length;
  return open > 0
    ? `${open} suggested edit(s) are still open; accept or reject them before ${to === 'disetujui' ? 'approving' : 'publishing'}`
    : null;
}
