import { v7 as uuidv7 } from 'uuid';
import { WartaError } from '../../shared/contract/define';
import type { WorkflowView } from '../../shared/contract/review';
import { STATUS_LABELS_ID } from '../../shared/domain/labels';
import type { Status } from '../../shared/domain/release';
import { pendingSuggestions } from '../../shared/review/suggestions';
import { allowedTargets, contentHash, decideTransition, type RejectionCode } from '../../shared/workflow';
import { getRelease, nowIso } from '../store';
import { readOfficeProfile } from '../sync';
import { blockingFailures, isCheckedTransition, runChecklist } from '../../shared/checklist';
import type { ReviewContext } from './actor';
import { applyPin, saveWorkflow, workflowState } from './approval';
import { hqReverts } from './audit';
import { countOpenThreads } from './threads';
import { addAuditRecord } from './tables/audit';
import { enqueueReview } from './tables/outbox';
import { insertTransition, latestTransition } from './tables/transitions';
import { getWorkflowRow } from './tables/workflow';

const REJECTION_ERROR: Record<RejectionCode, 'forbidden' | 'conflict' | 'invalid_input'> = {
  no_change: 'conflict',
  not_allowed: 'conflict',
  forbidden_role: 'forbidden',
  stale: 'conflict',
  pending_suggestions: 'conflict',
  bad_schedule: 'invalid_input',
  not_approved: 'conflict',
};

function view(ctx: ReviewContext, releaseId: string): WorkflowView {
  const { db } = ctx;
  const release = getRelease(db, releaseId);
  const state = workflowState(db, releaseId);
  const row = getWorkflowRow(db, releaseId);
  const hash = contentHash(release);
  const { role } = ctx.actor();
  const pending = pendingSuggestions(release.body).length;
  const lastTransition = latestTransition(db, releaseId);
  const allowed = allowedTargets(state.status, role).filter((to) => {
    const d = decideTransition(state, {
      to,
      actor: { name: '', role },
      baseHash: hash,
      currentHash: hash,
      pendingSuggestions: pending,
      now: nowIso(),
    });
    return d.ok || d.code === 'pending_suggestions';
  });
  return {
    releaseId,
    status: state.status,
    allowed,
    role,
    changedBy: state.changedBy,
    changedRole: state.changedRole,
    changedAt: state.changedAt,
    publishAt: state.publishAt,
    notice:
      row?.notice ??
      hqReverts(db, releaseId)
        .filter((r) => r.current)
        .map((r) => r.message)[0] ??
      null,
    pendingSuggestions: pending,
    openThreads: countOpenThreads(db, releaseId),
    contentHash: hash,
    unsynced: lastTransition?.state === 'pending',
    rejected: lastTransition?.state === 'rejected' ? lastTransition.reason : null,
  };
}

export function getWorkflow(ctx: ReviewContext, releaseId: string): WorkflowView {
  return ctx.db.transaction(() => {
    applyPin(ctx.db, releaseId);
    return view(ctx, releaseId);
  })();
}

/** A workflow move, decided here by the shared rules and queued for HQ, which decides again. */
export function transition(
  ctx: ReviewContext,
  input: { releaseId: string; to: Status; baseHash: string; at?: string | null | undefined; note?: string | undefined },
): WorkflowView {
  const { db } = ctx;
  const actor = ctx.actor();
  return db.transaction(() => {
    applyPin(db, input.releaseId);
    const release = getRelease(db, input.releaseId);
    const state = workflowState(db, input.releaseId);
    const hash = contentHash(release);
    const now = nowIso();
    const decision = decideTransition(state, {
      to: input.to,
      actor,
      baseHash: input.baseHash,
      currentHash: hash,
      pendingSuggestions: pendingSuggestions(release.body).length,
      at: input.at ?? null,
      now,
    });
    if (!decision.ok) throw new WartaError(REJECTION_ERROR[decision.code], decision.reason, decision.params);
    if (isCheckedTransition(input.to)) {
      // The office's checklist, as HQ will apply it again: a blocking rule that fails refuses the move.
      const findings = runChecklist(
        { fields: release, openComments: countOpenThreads(db, input.releaseId) },
        readOfficeProfile(db)?.checklist,
      );
      const failing = blockingFailures(findings);
      if (failing.length) throw new WartaError('conflict', 'checklist.blocked', { rules: failing.join(',') });
    }
    saveWorkflow(db, input.releaseId, decision.next, null);
    const id = uuidv7();
    insertTransition(db, {
      id,
      releaseId: input.releaseId,
      from: state.status,
      to: input.to,
      author: actor.name,
      role: actor.role,
      at: now,
      publishAt: decision.next.publishAt,
      contentHash: hash,
      note: input.note ?? null,
    });
    enqueueReview(db, 'workflow.transition', input.releaseId, id, {
      to: input.to,
      publishAt: decision.next.publishAt,
      note: input.note ?? null,
      contentHash: hash,
    });
    const when = decision.next.publishAt ? ` (terbit ${decision.next.publishAt})` : '';
    addAuditRecord(db, {
      releaseId: input.releaseId,
      at: now,
      actor: actor.name,
      role: actor.role,
      action: 'transition',
      from: state.status,
      to: input.to,
      detail: `${STATUS_LABELS_ID[state.status]} → ${STATUS_LABELS_ID[input.to]}${when}`,
      ref: `transition:${id}`,
    });
    return view(ctx, input.releaseId);
  })();
}
