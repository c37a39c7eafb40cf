import type { Status } from '../../shared/domain/release';
import { contentHash, initialWorkflowState, onContentChanged, type WorkflowState } from '../../shared/workflow';
import { type Db, getRelease, nowIso, requireRow, setStatus } from '../store';
import { latestHqApproval } from '../sync';
import { asRole } from './actor';
import { addAuditRecord } from './tables/audit';
import { latestTransition } from './tables/transitions';
import { getWorkflowRow, saveWorkflowRow, type WorkflowRow } from './tables/workflow';

/**
 * The text the current approval (or publication) was given on: from the newest approving
 * transition, made here (pending or accepted) or pulled from HQ, whichever is newer.
 */
function approvedHash(db: Db, releaseId: string, status: Status, row: WorkflowRow | undefined): string | null {
  if (status !== 'disetujui' && status !== 'terbit' && status !== 'dikoreksi') return null;
  const local = latestTransition(db, releaseId, true);
  if (local?.state === 'pending') return local.to_status === status ? local.content_hash : (row?.approved_hash ?? null);
  const hq = latestHqApproval(db, releaseId);
  if (hq?.fields && (!local || (local.hq_revision ?? 0) < hq.hqRev)) return contentHash(hq.fields);
  return local?.content_hash ?? row?.approved_hash ?? null;
}

export function workflowState(db: Db, releaseId: string): WorkflowState {
  const row = getWorkflowRow(db, releaseId);
  const status = requireRow(db, releaseId).status as Status;
  return {
    ...initialWorkflowState(),
    status,
    approvedHash: approvedHash(db, releaseId, status, row),
    publishAt: row?.publish_at ?? null,
    changedBy: row?.changed_by ?? null,
    changedRole: asRole(row?.changed_role ?? null),
    changedAt: row?.changed_at ?? null,
  };
}

export function saveWorkflow(db: Db, releaseId: string, state: WorkflowState, notice: string | null): void {
  setStatus(db, releaseId, state.status);
  saveWorkflowRow(db, {
    release_id: releaseId,
    approved_hash: state.approvedHash,
    publish_at: state.publishAt,
    changed_by: state.changedBy,
    changed_role: state.changedRole,
    changed_at: state.changedAt,
    notice,
  });
}

/**
 * Applies the approval pin: an edit made after approval (or during an embargo) sends the
 * release back to Diajukan with a notice. Runs whenever review state is read or changed.
 */
export function applyPin(db: Db, releaseId: string): void {
  const state = workflowState(db, releaseId);
  const hash = contentHash(getRelease(db, releaseId));
  const now = nowIso();
  const { next, notice } = onContentChanged(state, hash, now);
  if (!notice) return;
  saveWorkflow(db, releaseId, next, notice.message);
  addAuditRecord(db, {
    releaseId,
    at: nowIso(),
    actor: 'Warta',
    role: 'sistem',
    action: 'notice',
    from: state.status,
    to: next.status,
    detail: notice.message,
  });
}
