import { z } from 'zod';
import { StatusSchema, type Status } from '../../shared/domain/release';
import { AnchorSchema } from '../../shared/review/anchor';
import type { AnnotationChange, EntryResult, PushEntry } from '../../shared/sync/protocol';
import { contentHash, STATUS_LABELS } from '../../shared/workflow';
import type { Db } from '../store/types';
import { HqError, type HqClient } from '../sync/hq-client';
import { META, addLog, getBase, getMeta, pendingPushes, setBase, setMeta } from '../sync/tables';
import { v7 as uuidv7 } from 'uuid';
import { enqueueReview, readReviewOutbox, type ReviewOutboxRow } from './outbox';

/**
 * Review records travelling to and from HQ.
 *
 * Out: the review outbox becomes `annotation.put` entries (a thread, a reply, a resolve/reopen
 * event — each its own annotation, so concurrent work merges by union and nothing is
 * overwritten) and `workflow.transition` entries. A transition is sent only once HQ holds
 * exactly the text it was made on (no unsent edits, base text with the same content hash);
 * its `baseRevision` is then HQ's head, and HQ refuses it if the head moved meanwhile.
 *
 * In: `applyAnnotation` is the sync client's `onAnnotation` hook (pull), storing records
 * made elsewhere with the person, role and time HQ confirmed.
 *
 * The sync engine (src/main/sync) pushes only release edits and offers no hook for other
 * entries yet, so `pushReview` runs right after the engine's own sync, sharing its seq
 * counter (sync_meta `next_seq`); see docs/ARCHITECTURE.md ("Review") for the caveat.
 */

const ThreadData = z.object({ anchor: AnchorSchema, quote: z.string().min(1).max(5000), body: z.string().min(1).max(5000) });
const ReplyData = z.object({ threadId: z.string().min(1).max(64), body: z.string().min(1).max(5000) });
const EventData = z.object({ threadId: z.string().min(1).max(64), action: z.enum(['resolve', 'reopen']) });
const TransitionData = z.object({ transitionId: z.string().min(1).max(64), revision: z.number().int().positive(), from: StatusSchema, to: StatusSchema, publishAt: z.string().nullable().optional() });

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
      .run(releaseId, by.hqTime, by.name, by.role, action, detail, `${action === 'comment' ? 'thread' : 'event'}:${id}`, by.hqTime);
  switch (change.annotationType) {
    case 'review.thread': {
      const data = ThreadData.safeParse(change.data);
      if (!data.success) return;
      db.prepare(
        `INSERT INTO review_threads (id, release_id, anchor, quote, body, author, role, created_at, hq_time, hq_cursor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
      ).run(id, releaseId, JSON.stringify(data.data.anchor), data.data.quote, data.data.body, by.name, by.role, by.hqTime, by.hqTime, change.cursor);
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
      const seq = db.prepare<[], { n: number }>('SELECT COALESCE(MAX(local_seq), 0) + 1 AS n FROM review_thread_events').get()!.n;
      db.prepare(
        `INSERT INTO review_thread_events (id, thread_id, release_id, action, author, role, created_at, local_seq, hq_time, hq_cursor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
      ).run(id, data.data.threadId, releaseId, data.data.action, by.name, by.role, by.hqTime, seq, by.hqTime, change.cursor);
      const quote = db.prepare<[string], { quote: string }>('SELECT quote FROM review_threads WHERE id = ?').get(data.data.threadId)?.quote ?? '';
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
        db.prepare<[string, number], { hq_time: string | null }>('SELECT hq_time FROM sync_hq_revisions WHERE release_id = ? AND hq_rev = ?').get(releaseId, revision)?.hq_time ?? by.hqTime;
      db.prepare(
        `INSERT INTO review_audit (release_id, at, actor, role, action, from_status, to_status, detail, ref, hq_time)
         VALUES (?, ?, ?, ?, 'transition', ?, ?, ?, ?, ?)
         ON CONFLICT (ref) WHERE ref IS NOT NULL DO UPDATE SET hq_time = excluded.hq_time, actor = excluded.actor, role = excluded.role`,
      ).run(releaseId, hqTime, by.name, by.role, from, to, `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`, `transition:${transitionId}`, hqTime);
      // Who moved it last, as the workflow bar shows it.
      db.prepare(
        `INSERT INTO review_workflow (release_id, changed_by, changed_role, changed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (release_id) DO UPDATE SET changed_by = excluded.changed_by, changed_role = excluded.changed_role, changed_at = excluded.changed_at
         WHERE review_workflow.changed_at IS NULL OR review_workflow.changed_at <= excluded.changed_at`,
      ).run(releaseId, by.name, by.role, hqTime);
      return;
    }
    default:
      return;
  }
}

type ReviewEntry = Extract<PushEntry, { kind: 'annotation.put' | 'workflow.transition' }>;
type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
type Readiness = { ready: true; entry: WithoutSeq<ReviewEntry> } | { ready: false; wait: true } | { ready: false; wait: false; reason: string };

/** Whether a queued review change can travel now, and as which entry. */
function readiness(db: Db, row: ReviewOutboxRow): Readiness {
  const base = getBase(db, row.releaseId);
  if (!base || base.deleted || base.hqRev < 1) return { ready: false, wait: true };
  if (row.kind === 'annotation.put') {
    const { annotationType, data } = row.payload as { annotationType: string; data: Record<string, unknown> };
    return { ready: true, entry: { kind: 'annotation.put', releaseId: row.releaseId, annotationId: row.refId, annotationType, baseRevision: base.hqRev, data } };
  }
  const unsent =
    db.prepare<[string], { one: number }>('SELECT 1 AS one FROM outbox WHERE release_id = ? LIMIT 1').get(row.releaseId) ||
    db.prepare<[string], { one: number }>('SELECT 1 AS one FROM sync_push WHERE release_id = ? LIMIT 1').get(row.releaseId) ||
    db.prepare<[string], { one: number }>('SELECT 1 AS one FROM sync_conflicts WHERE release_id = ? LIMIT 1').get(row.releaseId);
  if (unsent) return { ready: false, wait: true };
  const p = row.payload as { to: Status; publishAt: string | null; note: string | null; contentHash: string };
  if (!base.fields || contentHash(base.fields) !== p.contentHash) {
    return { ready: false, wait: false, reason: 'Teks rilis di server pusat berbeda dari teks saat status diubah; periksa versi terbaru lalu ulangi.' };
  }
  return {
    ready: true,
    entry: {
      kind: 'workflow.transition',
      releaseId: row.releaseId,
      baseRevision: base.hqRev,
      to: p.to,
      // HQ checks the exact text too: a transition never applies to words the person did not see.
      contentHash: p.contentHash,
      ...(p.note ? { note: p.note } : {}),
      ...(p.to === 'terbit' ? { publishAt: p.publishAt } : {}),
    },
  };
}

/** A transition HQ (or this workstation) refused: the local status goes back, and the audit says why. */
function refuseTransition(db: Db, transitionId: string, reason: string): void {
  const t = db
    .prepare<[string], { release_id: string; from_status: Status; to_status: Status; author: string; role: string }>(
      'SELECT release_id, from_status, to_status, author, role FROM review_transitions WHERE id = ?',
    )
    .get(transitionId);
  if (!t) return;
  db.prepare("UPDATE review_transitions SET state = 'rejected', reason = ? WHERE id = ?").run(reason, transitionId);
  const later = db.prepare<[string, string], { n: number }>("SELECT COUNT(*) AS n FROM review_transitions WHERE release_id = ? AND rowid > (SELECT rowid FROM review_transitions WHERE id = ?)").get(t.release_id, transitionId)!.n;
  if (later === 0) db.prepare('UPDATE releases SET status = ? WHERE id = ? AND status = ?').run(t.from_status, t.release_id, t.to_status);
  db.prepare(
    'INSERT INTO review_audit (release_id, at, actor, role, action, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(t.release_id, new Date().toISOString(), t.author, t.role, 'rejected', t.from_status, t.to_status, `${STATUS_LABELS[t.from_status]} → ${STATUS_LABELS[t.to_status]} ditolak: ${reason}`);
  addLog(db, 'error', `Perubahan status ditolak: ${reason}`, t.release_id);
}

function applyReviewResult(db: Db, row: ReviewOutboxRow, entry: PushEntry, result: EntryResult): void {
  db.prepare('DELETE FROM review_outbox WHERE id = ?').run(row.id);
  if (entry.kind !== 'workflow.transition') {
    if (result.status === 'rejected') addLog(db, 'error', `Komentar ditolak server pusat (${result.reason}): ${result.message}`, row.releaseId);
    return;
  }
  if (result.status === 'accepted') {
    db.prepare("UPDATE review_transitions SET state = 'accepted', hq_revision = ? WHERE id = ?").run(result.revision, row.refId);
    const base = getBase(db, row.releaseId);
    // The transition made a new HQ revision with the same text: move the base along so the
    // next edit is sent from it instead of being merged against the previous one.
    if (base) setBase(db, row.releaseId, { ...base, hqRev: result.revision, status: entry.to });
    const t = db.prepare<[string], { from_status: Status; publish_at: string | null }>('SELECT from_status, publish_at FROM review_transitions WHERE id = ?').get(row.refId);
    if (t) {
      enqueueReview(db, 'annotation.put', row.releaseId, uuidv7(), {
        annotationType: 'review.transition',
        data: { transitionId: row.refId, revision: result.revision, from: t.from_status, to: entry.to, publishAt: t.publish_at },
      });
    }
    return;
  }
  const reason = result.status === 'rejected' ? `${result.message} (${result.reason})` : 'jawaban server pusat tidak terduga';
  refuseTransition(db, row.refId, reason);
}

export interface ReviewPushOutcome {
  sent: number;
  waiting: number;
}

/**
 * Sends the review outbox. Call it only when the engine is idle (right after its sync run):
 * it takes seqs from HQ's expectation and moves the shared counter past them.
 */
export async function pushReview(db: Db, client: HqClient, deviceId: string): Promise<ReviewPushOutcome> {
  if (pendingPushes(db).length > 0) return { sent: 0, waiting: readReviewOutbox(db).length };
  const me = await client.me();
  const plan = db.transaction(() => {
    const rows = readReviewOutbox(db);
    const out: { row: ReviewOutboxRow; entry: PushEntry }[] = [];
    // Sent before, answer lost: resend exactly, HQ replays its stored answer. A seq HQ does
    // not know yet is simply sent again as new.
    const resend = rows.filter((r) => r.pushSeq !== null && r.sentEntry !== null && r.pushSeq < me.nextSeq);
    for (const row of resend) out.push({ row, entry: JSON.parse(row.sentEntry!) as PushEntry });
    const blocked = new Set<string>();
    let seq = me.nextSeq;
    for (const row of rows) {
      if (resend.includes(row) || blocked.has(row.releaseId)) continue;
      const r = readiness(db, row);
      if (!r.ready) {
        if (r.wait) blocked.add(row.releaseId);
        else {
          db.prepare('DELETE FROM review_outbox WHERE id = ?').run(row.id);
          refuseTransition(db, row.refId, r.reason);
        }
        continue;
      }
      if (out.length >= 100) break;
      const entry = { ...r.entry, seq } as PushEntry;
      db.prepare('UPDATE review_outbox SET push_seq = NULL WHERE push_seq = ?').run(seq);
      db.prepare('UPDATE review_outbox SET push_seq = ?, sent_entry = ? WHERE id = ?').run(seq, JSON.stringify(entry), row.id);
      out.push({ row, entry });
      seq++;
      // The next transition of this release starts from the revision this one makes.
      if (entry.kind === 'workflow.transition') blocked.add(row.releaseId);
    }
    if (seq > me.nextSeq) setMeta(db, META.nextSeq, String(Math.max(seq, Number(getMeta(db, META.nextSeq) ?? '1'))));
    return out;
  })();
  if (plan.length === 0) return { sent: 0, waiting: readReviewOutbox(db).length };
  try {
    const res = await client.push(deviceId, plan.map((p) => p.entry));
    const bySeq = new Map(res.results.map((r) => [r.seq, r]));
    db.transaction(() => {
      for (const p of plan) {
        const r = bySeq.get(p.entry.seq);
        if (r && r.releaseId === p.row.releaseId) applyReviewResult(db, p.row, p.entry, r);
      }
      setMeta(db, META.nextSeq, String(res.nextSeq));
    })();
  } catch (error) {
    if (error instanceof HqError && error.kind === 'http' && (error.status === 400 || error.status === 403 || error.status === 409)) {
      // A whole-request refusal changed nothing at HQ: free the seqs; a 400/403 names the entry to drop.
      db.transaction(() => {
        db.prepare('UPDATE review_outbox SET push_seq = NULL, sent_entry = NULL WHERE push_seq IS NOT NULL').run();
        if (error.status === 409) return;
        const culprit = plan.find((p) => p.entry.seq === error.body?.seq) ?? plan[0]!;
        db.prepare('DELETE FROM review_outbox WHERE id = ?').run(culprit.row.id);
        if (culprit.entry.kind === 'workflow.transition') refuseTransition(db, culprit.row.refId, error.message);
        else addLog(db, 'error', `Komentar ditolak server pusat: ${error.message}`, culprit.row.releaseId);
      })();
    }
    // Otherwise (link dropped, HQ down) the entries keep their seqs and are resent as they were.
    throw error;
  }
  return { sent: plan.length, waiting: readReviewOutbox(db).length };
}
