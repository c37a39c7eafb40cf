import { STATUS_LABELS_ID } from '../../shared/domain/labels';
import type { Status } from '../../shared/domain/release';
import type { EntryResult, PushEntry } from '../../shared/sync/protocol';
import { contentHash } from '../../shared/workflow';
import { type Db, getRow, nowIso, rowFields, setStatus } from '../store';
import { addLog, getBase, getConflict, hasQueuedEdit, setBase, type PushExtension, type QueuedEntry } from '../sync';
import { addAuditRecord } from './tables/audit';
import { deleteReviewOutbox, markReviewSent, readReviewOutbox, type ReviewOutboxRow } from './tables/outbox';
import {
  countLaterTransitions,
  getTransition,
  markTransitionAccepted,
  markTransitionRejected,
} from './tables/transitions';

/**
 * The review outbox as a push extension of the sync engine: one per-device seq counter and
 * the engine's durability (seqs stored before sending, a resend reuses them and gets HQ's
 * stored answer). Threads, replies and resolve/reopen events are `annotation.put` entries,
 * each its own annotation, so concurrent work merges by union and nothing is overwritten.
 * Transitions are `workflow.transition` entries carrying the contentHash of the text acted
 * on: HQ refuses them when its text differs.
 */

type Readiness = { ready: true; entry: QueuedEntry } | { ready: false };

/** Whether a queued review change can travel in this round, and as which entry. */
function readiness(db: Db, row: ReviewOutboxRow): Readiness {
  const base = getBase(db, row.releaseId);
  // The release must reach HQ first: known there already, or its edit queued ahead in this round.
  if ((!base || base.deleted || base.hqRev < 1) && !hasQueuedEdit(db, row.releaseId)) return { ready: false };
  const baseRevision = base && !base.deleted ? base.hqRev : 0;
  if (row.kind === 'annotation.put') {
    const { annotationType, data } = row.payload as { annotationType: string; data: Record<string, unknown> };
    return {
      ready: true,
      entry: {
        kind: 'annotation.put',
        releaseId: row.releaseId,
        annotationId: row.refId,
        annotationType,
        baseRevision,
        data,
      },
    };
  }
  // An open conflict must be settled before anyone's transition can refer to a text.
  if (getConflict(db, row.releaseId)) return { ready: false };
  const p = row.payload as { to: Status; publishAt: string | null; note: string | null; contentHash: string };
  // The writer's own moves (submit, take back) cover what they went on writing; a reviewer's
  // move is pinned to exactly the text they read.
  const own = p.to === 'diajukan' || p.to === 'draf';
  const local = getRow(db, row.releaseId, true);
  const hash = own && local ? contentHash(rowFields(local)) : p.contentHash;
  return {
    ready: true,
    entry: {
      kind: 'workflow.transition',
      releaseId: row.releaseId,
      baseRevision,
      to: p.to,
      contentHash: hash,
      ...(p.note ? { note: p.note } : {}),
      ...(p.to === 'terbit' ? { publishAt: p.publishAt } : {}),
    },
  };
}

/** A transition HQ refused: the local status goes back, and the audit says why. */
function refuseTransition(db: Db, transitionId: string, reason: string): void {
  const t = getTransition(db, transitionId);
  if (!t) return;
  markTransitionRejected(db, transitionId, reason);
  if (countLaterTransitions(db, t.release_id, transitionId) === 0)
    setStatus(db, t.release_id, t.from_status, t.to_status);
  addAuditRecord(db, {
    releaseId: t.release_id,
    at: nowIso(),
    actor: t.author,
    role: t.role,
    action: 'rejected',
    from: t.from_status,
    to: t.to_status,
    detail: `${STATUS_LABELS_ID[t.from_status]} → ${STATUS_LABELS_ID[t.to_status]} ditolak: ${reason}`,
  });
  addLog(db, 'error', 'syncLog.transitionRejected', { detail: reason }, t.release_id);
}

const outboxRow = (db: Db, ref: string): ReviewOutboxRow | undefined =>
  readReviewOutbox(db).find((r) => String(r.id) === ref);

function applyReviewResult(db: Db, ref: string, entry: PushEntry, result: EntryResult): void {
  const row = outboxRow(db, ref);
  if (!row) return;
  deleteReviewOutbox(db, row.id);
  if (entry.kind !== 'workflow.transition') {
    if (result.status === 'rejected')
      addLog(
        db,
        'error',
        'syncLog.commentRejectedBecause',
        { code: result.reason, detail: result.message },
        row.releaseId,
      );
    return;
  }
  if (result.status !== 'accepted') {
    refuseTransition(
      db,
      row.refId,
      result.status === 'rejected' ? `${result.message} (${result.reason})` : 'jawaban server pusat tidak terduga',
    );
    return;
  }
  markTransitionAccepted(db, row.refId, result.revision);
  const base = getBase(db, row.releaseId);
  // The transition made a new HQ revision with the same text: move the base along so the
  // next edit is sent from it instead of being merged against the previous one.
  if (base && base.hqRev < result.revision)
    setBase(db, row.releaseId, { ...base, hqRev: result.revision, status: entry.to });
  // Everyone's audit record of this move (this workstation's included) comes from HQ's log of
  // accepted transitions with the next pull: the person and role are HQ's, never sent from here.
}

export const reviewPushExtension: PushExtension = {
  owner: 'review',
  collect(db) {
    const out: { releaseId: string; ref: string; entry: QueuedEntry }[] = [];
    const blocked = new Set<string>();
    for (const row of readReviewOutbox(db)) {
      // Already in the engine's queue (with its seq), or behind a change of its release that must go first.
      if (row.sentEntry !== null || blocked.has(row.releaseId)) continue;
      const r = readiness(db, row);
      if (!r.ready) {
        blocked.add(row.releaseId); // keep each release's review changes in order
        continue;
      }
      markReviewSent(db, row.id, r.entry);
      out.push({ releaseId: row.releaseId, ref: String(row.id), entry: r.entry });
    }
    return out;
  },
  onResult: (db, ref, entry, result) => applyReviewResult(db, ref, entry, result),
  onRefused(db, ref, entry, message) {
    const row = outboxRow(db, ref);
    if (!row) return;
    deleteReviewOutbox(db, row.id);
    if (entry.kind === 'workflow.transition') refuseTransition(db, row.refId, message);
    else addLog(db, 'error', 'syncLog.commentRejected', { detail: message }, row.releaseId);
  },
};
