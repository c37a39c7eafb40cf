import type { PushEntry, WireFields } from '../../../shared/sync/protocol';
import { type Db, nowIso } from '../../store';
import { prepareCached } from '../../../node/db/statement-cache';
import { withFieldDefaults } from '../../../shared/domain/release';

/**
 * sync_push: the durable push queue. A row gets its seq before it is first sent and keeps it
 * until HQ answered, so a resend after any failure reuses the seq and HQ replays its answer.
 */
export interface PushRow {
  seq: number;
  releaseId: string;
  kind: PushEntry['kind'];
  baseRev: number;
  payload: WireFields | null;
  outboxUpto: number;
  /** 'release' for the engine's own entries, else the PushExtension that queued it. */
  owner: string;
  ref: string | null;
  /** Extension entries: the entry as queued, without its seq. */
  entry: Record<string, unknown> | null;
}

export function pendingPushes(db: Db): PushRow[] {
  return prepareCached<
    [],
    {
      seq: number;
      release_id: string;
      kind: string;
      base_rev: number;
      payload: string | null;
      outbox_upto: number;
      owner: string;
      ref: string | null;
      entry: string | null;
    }
  >(db, 'SELECT seq, release_id, kind, base_rev, payload, outbox_upto, owner, ref, entry FROM sync_push ORDER BY seq')
    .all()
    .map((r) => ({
      seq: r.seq,
      releaseId: r.release_id,
      kind: r.kind as PushRow['kind'],
      baseRev: r.base_rev,
      payload: r.payload ? withFieldDefaults(JSON.parse(r.payload) as WireFields) : null,
      outboxUpto: r.outbox_upto,
      owner: r.owner,
      ref: r.ref,
      entry: r.entry ? (JSON.parse(r.entry) as Record<string, unknown>) : null,
    }));
}

/** Releases with an edit of their own in the queue (at most one each). */
export function releasesWithQueuedEdit(db: Db): Set<string> {
  const rows = prepareCached<[], { release_id: string }>(
    db,
    "SELECT release_id FROM sync_push WHERE owner = 'release'",
  ).all();
  return new Set(rows.map((r) => r.release_id));
}

export function hasQueuedEdit(db: Db, releaseId: string): boolean {
  return !!prepareCached<[string], { one: number }>(
    db,
    "SELECT 1 AS one FROM sync_push WHERE release_id = ? AND owner = 'release' LIMIT 1",
  ).get(releaseId);
}

export function queueReleaseEdit(
  db: Db,
  row: {
    seq: number;
    releaseId: string;
    kind: PushRow['kind'];
    baseRev: number;
    payload: WireFields | null;
    outboxUpto: number;
  },
): void {
  prepareCached(
    db,
    'INSERT INTO sync_push (seq, release_id, kind, base_rev, payload, outbox_upto, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    row.seq,
    row.releaseId,
    row.kind,
    row.baseRev,
    row.payload ? JSON.stringify(row.payload) : null,
    row.outboxUpto,
    nowIso(),
  );
}

export function queueExtensionEntry(
  db: Db,
  row: { seq: number; releaseId: string; owner: string; ref: string; entry: Omit<PushEntry, 'seq'> },
): void {
  prepareCached(
    db,
    'INSERT INTO sync_push (seq, release_id, kind, base_rev, payload, outbox_upto, created_at, owner, ref, entry) VALUES (?, ?, ?, ?, NULL, 0, ?, ?, ?, ?)',
  ).run(
    row.seq,
    row.releaseId,
    row.entry.kind,
    row.entry.baseRevision,
    nowIso(),
    row.owner,
    row.ref,
    JSON.stringify(row.entry),
  );
}

export function dequeuePush(db: Db, seq: number): void {
  prepareCached(db, 'DELETE FROM sync_push WHERE seq = ?').run(seq);
}

/** Gives `rows` consecutive seqs from `start`; returns the next free seq. Call inside a transaction. */
export function renumberPushes(db: Db, start: number, rows: readonly PushRow[]): number {
  const move = prepareCached(db, 'UPDATE sync_push SET seq = ? WHERE seq = ?');
  // Through negative seqs first, so no two rows ever share one on the way.
  for (const r of rows) move.run(-r.seq, r.seq);
  let seq = start;
  for (const r of rows) move.run(seq++, -r.seq);
  return seq;
}
