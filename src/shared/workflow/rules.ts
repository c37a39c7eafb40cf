import type { Role } from '../domain/role';
import type { Status } from '../domain/release';

/**
 * The editorial workflow of a release, as pure rules. The workstation checks them before
 * it records a transition (so the UI only offers what a person may do) and HQ checks them
 * again, authoritatively, when the transition arrives in a sync batch.
 *
 *   draf ──submit──▶ diajukan ──approve──▶ disetujui ──publish──▶ terbit ──correct──▶ dikoreksi
 *                      │  ▲                   │                    │                    │
 *      request_changes ▼  │ submit            │ request_changes    └──withdraw──▶ ditarik ◀┘
 *                  perlu_revisi ◀─────────────┘
 */

export type Action =
  'submit' | 'retract' | 'request_changes' | 'approve' | 'publish' | 'withdraw' | 'correct' | 'reopen';

export interface TransitionRule {
  action: Action;
  from: readonly Status[];
  to: Status;
  roles: readonly Role[];
}

const WRITERS: readonly Role[] = ['penulis', 'admin'];
const REVIEWERS: readonly Role[] = ['peninjau', 'admin'];

/** Every allowed transition. Anything not listed here is refused. */
const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'submit', from: ['draf', 'perlu_revisi'], to: 'diajukan', roles: WRITERS },
  // The writer takes a submission back to keep working on it before anyone reviewed it.
  { action: 'retract', from: ['diajukan'], to: 'draf', roles: WRITERS },
  { action: 'request_changes', from: ['diajukan', 'disetujui'], to: 'perlu_revisi', roles: REVIEWERS },
  { action: 'approve', from: ['diajukan'], to: 'disetujui', roles: REVIEWERS },
  { action: 'publish', from: ['disetujui'], to: 'terbit', roles: REVIEWERS },
  // A correction republishes the edited text of a published release, marked as corrected.
  { action: 'correct', from: ['terbit', 'dikoreksi'], to: 'dikoreksi', roles: REVIEWERS },
  { action: 'withdraw', from: ['terbit', 'dikoreksi'], to: 'ditarik', roles: REVIEWERS },
  // A withdrawn release can be reworked from the start.
  { action: 'reopen', from: ['ditarik'], to: 'draf', roles: REVIEWERS },
];

/** The action that moves `from` to `to`, or null if no rule allows that move at all. */
export function ruleFor(from: Status, to: Status): TransitionRule | null {
  return TRANSITIONS.find((r) => r.to === to && r.from.includes(from)) ?? null;
}

const VOUCHING: readonly Action[] = ['approve', 'publish', 'correct'];

/**
 * Whether moving a release into `to` vouches for its exact text (approving, publishing,
 * publishing a correction). Such a move is refused while suggested edits are open: unaccepted
 * proposals are dropped from the public page, so the approver would vouch for a text nobody
 * read as such. The workstation and HQ both ask this one question.
 */
export function vouchesForText(to: Status): boolean {
  return TRANSITIONS.some((r) => r.to === to && VOUCHING.includes(r.action));
}

/** The statuses a person with `role` may move a release in `from` to (for the buttons shown). */
export function allowedTargets(from: Status, role: Role): Status[] {
  return TRANSITIONS.filter((r) => r.from.includes(from) && r.roles.includes(role)).map((r) => r.to);
}
