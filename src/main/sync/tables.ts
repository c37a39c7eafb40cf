import type { Status } from '../../shared/domain/release';
import type { PushEntry, WireFields } from '../../shared/sync/protocol';
import { nowIso } from '../store/clock';
import { migration010 } from '../store/migrations/010_sync';
import { migration011 } from '../store/migrations/011_sync_extensions';
import type { Db } from '../store/types';
import { q } from '../../node/db/statement-cache';

/** Typed access to the sync client's tables (migration 010). */

/**
 * Makes sure the sync tables exist even if the store's migration list does not (yet) include
 * 010: the statements are idempotent, so the runner applying 010 later is harmless.
 */
export function ensureSyncSchema(db: Db): void {
  const exists = q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_log'").get();
  if (!exists) db.transaction(() => migration010.up(db))();
  // 011 may sit below a newer user_version (another feature's migration ran first): check the column.
  const hasOwner = db.prepare("SELECT 1 FROM pragma_table_info('sync_push') WHERE name = 'owner'").get();
  if (!hasOwner) db.transaction(() => migration011.up(db))();
}

export function getMeta(db: Db, key: string): string | null {
  const row = q<[string], { value: string }>(db, 'SELECT value FROM sync_meta WHERE key = ?').get(key);
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  q(db, 'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

export const META = {
  cursor: 'pull_cursor',
  nextSeq: 'next_seq',
  /** The device the seqs belong to: a new enrollment starts again at 1. */
  seqDevice: 'seq_device',
  lastSyncAt: 'last_sync_at',
} as const;

export interface BaseRow {
  hqRev: number;
  deleted: boolean;
  fields: WireFields | null;
  status: Status | null;
}

export function getBase(db: Db, releaseId: string): BaseRow | null {
  const row = q<[string], { hq_rev: number; deleted: number; fields: string | null; status: string | null }>(
    db,
    'SELECT hq_rev, deleted, fields, status FROM sync_base WHERE release_id = ?',
  ).get(releaseId);
  if (!row) return null;
  return {
    hqRev: row.hq_rev,
    deleted: row.deleted === 1,
    fields: row.fields ? (JSON.parse(row.fields) as WireFields) : null,
    status: (row.status as Status | null) ?? null,
  };
}

/** Moves the base forward only: an older revision arriving late (a replay, a reordered page) never rewinds it. */
export function setBase(db: Db, releaseId: string, base: BaseRow): void {
  q(
    db,
    `INSERT INTO sync_base (release_id, hq_rev, deleted, fields, status) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET hq_rev = excluded.hq_rev, deleted = excluded.deleted,
       fields = excluded.fields, status = excluded.status
     WHERE excluded.hq_rev >= sync_base.hq_rev`,
  ).run(releaseId, base.hqRev, base.deleted ? 1 : 0, base.fields ? JSON.stringify(base.fields) : null, base.status);
}

export interface HqRevisionRecord {
  releaseId: string;
  hqRev: number;
  event: string;
  author: string;
  hqTime: string | null;
  deleted: boolean;
  status: Status | null;
  fields: WireFields | null;
}

/** Each HQ revision is kept once, however many times it arrives (push answer, pull, replay). */
export function recordHqRevision(db: Db, r: HqRevisionRecord): void {
  q(
    db,
    `INSERT OR IGNORE INTO sync_hq_revisions (release_id, hq_rev, event, author, hq_time, deleted, status, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.releaseId,
    r.hqRev,
    r.event,
    r.author,
    r.hqTime,
    r.deleted ? 1 : 0,
    r.status,
    r.fields ? JSON.stringify(r.fields) : null,
  );
}

export type LogLevel = 'info' | 'warn' | 'error';

export function addLog(db: Db, level: LogLevel, message: string, releaseId: string | null = null): void {
  q(db, 'INSERT INTO sync_log (at, level, message, release_id) VALUES (?, ?, ?, ?)').run(
    nowIso(),
    level,
    message,
    releaseId,
  );
  // Keep the log readable and bounded: the newest 5,000 lines.
  q(db, 'DELETE FROM sync_log WHERE id <= (SELECT MAX(id) - 5000 FROM sync_log)').run();
}

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
  return q<
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
      payload: r.payload ? (JSON.parse(r.payload) as WireFields) : null,
      outboxUpto: r.outbox_upto,
      owner: r.owner,
      ref: r.ref,
      entry: r.entry ? (JSON.parse(r.entry) as Record<string, unknown>) : null,
    }));
}

/**
 * A local save marks a release `belum_terkirim` (the store does not know about conflicts);
 * while its conflict is open it stays `konflik` so the library keeps showing it.
 */
export function reassertConflictStates(db: Db): void {
  q(
    db,
    `UPDATE releases SET sync_state = 'konflik'
     WHERE id IN (SELECT release_id FROM sync_conflicts) AND sync_state <> 'konflik' AND deleted_at IS NULL`,
  ).run();
}
