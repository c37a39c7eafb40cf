import type { Role } from '../domain/role';
import type { Status } from '../domain/release';
import { formatReason } from '../errors/format';
import type { ErrorParams, ErrorReason } from '../errors/reasons';
import { ruleFor, vouchesForText, type Action } from './rules';

/** Where a release stands in the workflow, and what it is pinned to. */
export interface WorkflowState {
  status: Status;
  /**
   * The content hash (see contentHash) the approval or publication was given on. Set by
   * approve/publish/correct, cleared when the release goes back for review.
   */
  approvedHash: string | null;
  /** Embargo: when an approved release goes live (null = immediately when published). */
  publishAt: string | null;
  /** Who made the last transition, with which role, and when. */
  changedBy: string | null;
  changedRole: Role | null;
  changedAt: string | null;
}

export const initialWorkflowState = (): WorkflowState => ({
  status: 'draf',
  approvedHash: null,
  publishAt: null,
  changedBy: null,
  changedRole: null,
  changedAt: null,
});

export type RejectionCode =
  'no_change' | 'not_allowed' | 'forbidden_role' | 'stale' | 'pending_suggestions' | 'bad_schedule' | 'not_approved';

export interface TransitionRequest {
  to: Status;
  actor: { name: string; role: Role };
  /** Content hash of the text the person was looking at when they pressed the button. */
  baseHash: string;
  /** Content hash of the release as it stands where the check runs. */
  currentHash: string;
  /** Suggested edits still open in the body (approving over them would approve unknown text). */
  pendingSuggestions: number;
  /** Publish: when it goes live; absent or not in the future = now. */
  at?: string | null;
  /** The time of the check (the workstation clock locally, HQ's clock at HQ). */
  now: string;
}

/** A refusal names its reason and params for the user's language; `message` is the Indonesian wording. */
interface Rejection {
  ok: false;
  code: RejectionCode;
  reason: ErrorReason;
  params: ErrorParams;
  message: string;
}

export type Decision = { ok: true; action: Action; next: WorkflowState } | Rejection;

const reject = (code: RejectionCode, reason: ErrorReason, params: ErrorParams = {}): Rejection => ({
  ok: false,
  code,
  reason,
  params,
  message: formatReason('id', reason, params),
});

/**
 * Decides one transition on the workstation, before it is recorded and queued for HQ (and to
 * offer only the allowed buttons): role, allowed move, stale text, open suggestions, approval
 * and the embargo time. HQ decides again, authoritatively, from the same rules — the
 * transition table (`ruleFor`) and the open-suggestions rule (`vouchesForText`) — plus the
 * content hash the entry names; it keeps no approval pin of its own, so the approval and
 * schedule checks are this function's alone.
 */
export function decideTransition(state: WorkflowState, req: TransitionRequest): Decision {
  const from = state.status;
  if (from === req.to && from !== 'dikoreksi') return reject('no_change', 'workflow.noChange', { status: from });
  const rule = ruleFor(from, req.to);
  if (!rule) return reject('not_allowed', 'workflow.notAllowed', { from, to: req.to });
  if (!rule.roles.includes(req.actor.role)) {
    return reject('forbidden_role', 'workflow.forbiddenRole', { role: req.actor.role, to: req.to });
  }
  if (req.baseHash !== req.currentHash) return reject('stale', 'workflow.stale');
  if (vouchesForText(rule.to) && req.pendingSuggestions > 0) {
    return reject('pending_suggestions', 'workflow.pendingSuggestions', { count: req.pendingSuggestions });
  }
  if (rule.action === 'publish' && state.approvedHash !== req.currentHash) {
    return reject('not_approved', 'workflow.notApproved');
  }
  let publishAt: string | null = null;
  if (req.at != null) {
    if (rule.action !== 'publish') return reject('bad_schedule', 'workflow.scheduleOnlyOnPublish');
    const at = Date.parse(req.at);
    if (Number.isNaN(at)) return reject('bad_schedule', 'workflow.badSchedule');
    publishAt = at > Date.parse(req.now) ? new Date(at).toISOString() : null;
  }
  const approvedHash =
    rule.action === 'approve' || rule.action === 'correct'
      ? req.currentHash
      : rule.action === 'publish' || rule.action === 'withdraw'
        ? state.approvedHash
        : null;
  return {
    ok: true,
    action: rule.action,
    next: {
      status: rule.to,
      approvedHash,
      publishAt: rule.action === 'publish' ? publishAt : null,
      changedBy: req.actor.name,
      changedRole: req.actor.role,
      changedAt: req.now,
    },
  };
}

export interface ContentChangeOutcome {
  next: WorkflowState;
  /** Set when the edit took an approval away: shown to people as a notice and kept in the audit trail. */
  notice: {
    code: 'approval_invalidated';
    reason: 'workflow.approvalInvalidated' | 'workflow.embargoCancelled';
    message: string;
  } | null;
}

/** True while a published release waits for its embargo time. */
export const isEmbargoed = (state: WorkflowState, now: string): boolean =>
  state.status === 'terbit' && state.publishAt != null && Date.parse(state.publishAt) > Date.parse(now);

/**
 * What an edit does to the workflow. An approval (and a publication still under embargo) is
 * pinned to the exact text approved: any other text sends the release back to Diajukan with a
 * visible notice. A live publication stays live (the public site keeps the published text);
 * publishing the edit is a correction ("Dikoreksi").
 */
export function onContentChanged(state: WorkflowState, newHash: string, now: string): ContentChangeOutcome {
  const pinned = state.status === 'disetujui' || isEmbargoed(state, now);
  if (!pinned || state.approvedHash === newHash) return { next: state, notice: null };
  const reason = state.status === 'disetujui' ? 'workflow.approvalInvalidated' : 'workflow.embargoCancelled';
  return {
    next: { ...state, status: 'diajukan', approvedHash: null, publishAt: null, changedAt: now },
    notice: { code: 'approval_invalidated', reason, message: formatReason('id', reason) },
  };
}
