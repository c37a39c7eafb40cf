import { nowIso } from './clock';
import { prepareCached } from '../../node/db/statement-cache';
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
  const { lastInsertRowid } = prepareCached(
    db,
    'INSERT INTO outbox (release_id, kind, local_rev, created_at) VALUES (?, ?, ?, ?)',
  ).run(releaseId, kind, localRev, nowIso());
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

/** The newest outbox seq of a release: local work HQ has not seen yet, or null. */
export function outboxUpto(db: Db, releaseId: string): number | null {
  const row = prepareCached<[string], { m: number | null }>(
    db,
    'SELECT MAX(seq) AS m FROM outbox WHERE release_id = ?',
  ).get(releaseId);
  return row?.m ?? null;
}

/** Releases with waiting outbox rows, oldest first, each with its newest seq. */
export function releasesInOutbox(db: Db): { releaseId: string; upto: number }[] {
  return prepareCached<[], { releaseId: string; upto: number }>(
    db,
    'SELECT release_id AS releaseId, MAX(seq) AS upto FROM outbox GROUP BY release_id ORDER BY MIN(seq)',
  ).all();
}

/** Removes a release's rows HQ has answered: up to `uptoSeq`, or all of them. */
export function trimReleaseOutbox(db: Db, releaseId: string, uptoSeq: number = Number.MAX_SAFE_INTEGER): void {
  prepareCached(db, 'DELETE FROM outbox WHERE release_id = ? AND seq <= ?').run(releaseId, uptoSeq);
}

export function countReleasesInOutbox(db: Db): number {
  return prepareCached<[], { n: number }>(db, 'SELECT COUNT(DISTINCT release_id) AS n FROM outbox').get()!.n;
}
