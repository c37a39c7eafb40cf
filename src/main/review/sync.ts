import { z } from 'zod';
import { StatusSchema, type Status } from '../../shared/domain/release';
import { AnchorSchema } from '../../shared/review/anchor';
import type { AnnotationChange, EntryResult, PushEntry } from '../../shared/sync/protocol';
import { STATUS_LABELS_ID } from '../../shared/domain/labels';
import { contentHash } from '../../shared/workflow';
import type { Db } from '../store/types';
import type { PushExtension, QueuedEntry } from '../sync/engine';
import { addLog, getBase, setBase } from '../sync/tables';
import { rowFields, type ReleaseRow } from '../store/rows';
import { v7 as uuidv7 } from 'uuid';
import { enqueueReview, readReviewOutbox, type ReviewOutboxRow } from './outbox';

/**
 * Review records travelling to and from HQ.
 *
 * Out: `reviewPushExtension` plugs the review outbox into the sync engine's push queue (one
 * per-device seq counter, the engine's durability: seqs stored before sending, a resend
 * reuses them and gets HQ's stored answer). Threads, replies and resolve/reopen events are
 * `annotation.put` entries, each its own annotation, so concurrent work merges by union and
 * nothing is overwritten. Transitions are `workflow.transition` entries carrying the
 * contentHash of the text acted on: HQ refuses them when its text differs.
 *
 * In: `applyAnnotation` is the sync client's `onAnnotation` hook (pull), storing records
 * made elsewhere with the person, role and time HQ confirmed.
 */

const ThreadData = z.object({
  anchor: AnchorSchema,
  quote: z.string().min(1).max(5000),
  body: z.string().min(1).max(5000),
});
const ReplyData = z.object({ threadId: z.string().min(1).max(64), body: z.string().min(1).max(5000) });
const EventData = z.object({ threadId: z.string().min(1).max(64), action: z.enum(['resolve', 'reopen']) });
const TransitionData = z.object({
  transitionId: z.string().min(1).max(64),
  revision: z.number().int().positive(),
  from: StatusSchema,
  to: StatusSchema,
  publishAt: z.string().nullable().optional(),
});

/** Stores a review annotation pulled from HQ (idempotent: a record arriving twice is kept once). */
export function applyAnnotation(db: Db, change: AnnotationChange): void {
  const { annotationId: id, releaseId, by } = change;
  const known = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM releases WHERE id = ?').get(releaseId);
  if (!known) return;
  const audit = (action: string, detail: string) =>
    db
      .prepare(
        `INSERT INTO review_audit (release_id, at, actor, role, action, detail, ref, hq_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (ref) WHERE ref IS NOT NULL DO UPDATE SET hq_time = excluded.hq_time, actor = excluded.actor, role = excluded.role`,
      )
      .run(
        releaseId,
        by.hqTime,
        by.name,
        by.role,
        action,
        detail,
        `${action === 'comment' ? 'thread' : 'event'}:${id}`,
        by.hqTime,
      );
  switch (change.annotationType) {
    case 'review.thread': {
      const data = ThreadData.safeParse(change.data);
      if (!data.success) return;
      db.prepare(
        `INSERT INTO review_threads (id, release_id, anchor, quote, body, author, role, created_at, hq_time, hq_cursor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
      ).run(
        id,
        releaseId,
        JSON.stringify(data.data.anchor),
        data.data.quote,
        data.data.body,
        by.name,
        by.role,
        by.hqTime,
        by.hqTime,
        change.cursor,
      );
      audit('comment', `“${data.data.quote.slice(0, 80)}”: ${data.data.body.slice(0, 200)}`);
      return;
    }
    case 'review.reply': {
      const data = ReplyData.safeParse(change.data);
      if (!data.success) return;
      db.prepare(
        `INSERT INTO review_replies (id, thread_id, release_id, body, author, role, created_at, hq_time, hq_cursor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
      ).run(id, data.data.threadId, releaseId, data.data.body, by.name, by.role, by.hqTime, by.hqTime, change.cursor);
      return;
    }
    case 'review.event': {
      const data = EventData.safeParse(change.data);
      if (!data.success) return;
      const seq = db
        .prepare<[], { n: number }>('SELECT COALESCE(MAX(local_seq), 0) + 1 AS n FROM review_thread_events')
        .get()!.n;
      db.prepare(
        `INSERT INTO review_thread_events (id, thread_id, release_id, action, author, role, created_at, local_seq, hq_time, hq_cursor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
      ).run(
        id,
        data.data.threadId,
        releaseId,
        data.data.action,
        by.name,
        by.role,
        by.hqTime,
        seq,
        by.hqTime,
        change.cursor,
      );
      const quote =
        db.prepare<[string], { quote: string }>('SELECT quote FROM review_threads WHERE id = ?').get(data.data.threadId)
          ?.quote ?? '';
      audit(data.data.action, `“${quote.slice(0, 80)}”`);
      return;
    }
    case 'review.transition': {
      // The audit record of a transition HQ accepted: who (and in which role, as HQ knows
      // them) moved the release, at the time HQ made the revision.
      const data = TransitionData.safeParse(change.data);
      if (!data.success) return;
      const { transitionId, revision, from, to } = data.data;
      const hqTime =
        db
          .prepare<[string, number], { hq_time: string | null }>(
            'SELECT hq_time FROM sync_hq_revisions WHERE release_id = ? AND hq_rev = ?',
          )
          .get(releaseId, revision)?.hq_time ?? by.hqTime;
      db.prepare(
        `INSERT INTO review_audit (release_id, at, actor, role, action, from_status, to_status, detail, ref, hq_time)
         VALUES (?, ?, ?, ?, 'transition', ?, ?, ?, ?, ?)
         ON CONFLICT (ref) WHERE ref IS NOT NULL DO UPDATE SET hq_time = excluded.hq_time, actor = excluded.actor, role = excluded.role`,
      ).run(
        releaseId,
        hqTime,
        by.name,
        by.role,
        from,
        to,
        `${STATUS_LABELS_ID[from]} → ${STATUS_LABELS_ID[to]}`,
        `transition:${transitionId}`,
        hqTime,
      );
      // Who moved it last (and the embargo, if any), as the workflow bar shows it.
      const publishAt = to === 'terbit' ? (data.data.publishAt ?? null) : null;
      db.prepare(
        `INSERT INTO review_workflow (release_id, changed_by, changed_role, changed_at, publish_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (release_id) DO UPDATE SET changed_by = excluded.changed_by, changed_role = excluded.changed_role,
           changed_at = excluded.changed_at, publish_at = excluded.publish_at
         WHERE review_workflow.changed_at IS NULL OR review_workflow.changed_at <= excluded.changed_at`,
      ).run(releaseId, by.name, by.role, hqTime, publishAt);
      return;
    }
    default:
      return;
  }
}

type ReviewEntry = Extract<PushEntry, { kind: 'annotation.put' | 'workflow.transition' }>;
type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
type Readiness = { ready: true; entry: WithoutSeq<ReviewEntry> } | { ready: false };

/** Whether a queued review change can travel in this round, and as which entry. */
function readiness(db: Db, row: ReviewOutboxRow): Readiness {
  const base = getBase(db, row.releaseId);
  // The release must reach HQ first: known there already, or its edit queued ahead in this round.
  const editQueued = !!db
    .prepare<[string], { one: number }>(
      "SELECT 1 AS one FROM sync_push WHERE release_id = ? AND owner = 'release' LIMIT 1",
    )
    .get(row.releaseId);
  if ((!base || base.deleted || base.hqRev < 1) && !editQueued) return { ready: false };
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
  if (
    db.prepare<[string], { one: number }>('SELECT 1 AS one FROM sync_conflicts WHERE release_id = ?').get(row.releaseId)
  )
    return { ready: false };
  const p = row.payload as { to: Status; publishAt: string | null; note: string | null; contentHash: string };
  // The writer's own moves (submit, take back) cover what they went on writing; a reviewer's
  // move is pinned to exactly the text they read.
  const own = p.to === 'diajukan' || p.to === 'draf';
  const local = db.prepare<[string], ReleaseRow>('SELECT * FROM releases WHERE id = ?').get(row.releaseId);
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
  const t = db
    .prepare<[string], { release_id: string; from_status: Status; to_status: Status; author: string; role: string }>(
      'SELECT release_id, from_status, to_status, author, role FROM review_transitions WHERE id = ?',
    )
    .get(transitionId);
  if (!t) return;
  db.prepare("UPDATE review_transitions SET state = 'rejected', reason = ? WHERE id = ?").run(reason, transitionId);
  const later = db
    .prepare<[string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM review_transitions WHERE release_id = ? AND rowid > (SELECT rowid FROM review_transitions WHERE id = ?)',
    )
    .get(t.release_id, transitionId)!.n;
  if (later === 0)
    db.prepare('UPDATE releases SET status = ? WHERE id = ? AND status = ?').run(
      t.from_status,
      t.release_id,
      t.to_status,
    );
  db.prepare(
    'INSERT INTO review_audit (release_id, at, actor, role, action, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    t.release_id,
    new Date().toISOString(),
    t.author,
    t.role,
    'rejected',
    t.from_status,
    t.to_status,
    `${STATUS_LABELS_ID[t.from_status]} → ${STATUS_LABELS_ID[t.to_status]} ditolak: ${reason}`,
  );
  addLog(db, 'error', `Perubahan status ditolak: ${reason}`, t.release_id);
}

const outboxRow = (db: Db, ref: string): ReviewOutboxRow | undefined =>
  readReviewOutbox(db).find((r) => String(r.id) === ref);

function applyReviewResult(db: Db, ref: string, entry: PushEntry, result: EntryResult): void {
  const row = outboxRow(db, ref);
  if (!row) return;
  db.prepare('DELETE FROM review_outbox WHERE id = ?').run(row.id);
  if (entry.kind !== 'workflow.transition') {
    if (result.status === 'rejected')
      addLog(db, 'error', `Komentar ditolak server pusat (${result.reason}): ${result.message}`, row.releaseId);
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
  db.prepare("UPDATE review_transitions SET state = 'accepted', hq_revision = ? WHERE id = ?").run(
    result.revision,
    row.refId,
  );
  const base = getBase(db, row.releaseId);
  // The transition made a new HQ revision with the same text: move the base along so the
  // next edit is sent from it instead of being merged against the previous one.
  if (base && base.hqRev < result.revision)
    setBase(db, row.releaseId, { ...base, hqRev: result.revision, status: entry.to });
  const t = db
    .prepare<[string], { from_status: Status; publish_at: string | null }>(
      'SELECT from_status, publish_at FROM review_transitions WHERE id = ?',
    )
    .get(row.refId);
  if (t) {
    // The audit record others will see, with the role and time HQ confirms for it.
    enqueueReview(db, 'annotation.put', row.releaseId, uuidv7(), {
      annotationType: 'review.transition',
      data: {
        transitionId: row.refId,
        revision: result.revision,
        from: t.from_status,
        to: entry.to,
        publishAt: t.publish_at,
      },
    });
  }
}

/** The review outbox as a push extension of the sync engine (see src/main/sync/engine.ts). */
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
      db.prepare('UPDATE review_outbox SET sent_entry = ? WHERE id = ?').run(JSON.stringify(r.entry), row.id);
      out.push({ releaseId: row.releaseId, ref: String(row.id), entry: r.entry });
    }
    return out;
  },
  onResult: (db, ref, entry, result) => applyReviewResult(db, ref, entry, result),
  onRefused(db, ref, entry, message) {
    const row = outboxRow(db, ref);
    if (!row) return;
    db.prepare('DELETE FROM review_outbox WHERE id = ?').run(row.id);
    if (entry.kind === 'workflow.transition') refuseTransition(db, row.refId, message);
    else addLog(db, 'error', `Komentar ditolak server pusat: ${message}`, row.releaseId);
  },
};
