import { nowIso } from './clock';
import type { Db } from './types';

export type OutboxKind = 'create' | 'save' | 'delete';

export interface OutboxEntry {
  seq: number;
  releaseId: string;
  kind: OutboxKind;
  localRev: number;
  createdAt: string;
}

/**
 * The contract with the sync client: every local change of a release appends one row,
 * inside the same transaction as the change itself, so a change is never stored without
 * its outbox row (or the other way round). Rows are read in `seq` order; the sync client
 * may coalesce successive saves of one release and deletes rows once HQ has answered.
 */
export function appendOutbox(db: Db, releaseId: string, kind: OutboxKind, localRev: number): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO outbox (release_id, kind, local_rev, created_at) VALUES (?, ?, ?, ?)')
    .run(releaseId, kind, localRev, nowIso());
  return Number(lastInsertRowid);
}

export function readOutbox(db: Db, afterSeq = 0, limit = 500): OutboxEntry[] {
  return db
    .prepare<[number, number], OutboxEntry>(
      `SELECT seq, release_id AS releaseId, kind, local_rev AS localRev, created_at AS createdAt
       FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(afterSeq, limit);
}

/** Removes entries HQ has answered (everything up to and including `seq`). */
export function trimOutbox(db: Db, uptoSeq: number): number {
  return db.prepare('DELETE FROM outbox WHERE seq <= ?').run(uptoSeq).changes;
}
