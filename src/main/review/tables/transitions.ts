import type { Role } from '../../../shared/domain/role';
import type { Status } from '../../../shared/domain/release';
import type { Db } from '../../store';

/** review_transitions: workflow moves made here, pending until HQ accepts or rejects them. */
export interface TransitionRow {
  id: string;
  release_id: string;
  from_status: Status;
  to_status: Status;
  author: string;
  role: string;
  publish_at: string | null;
  content_hash: string;
  state: 'pending' | 'accepted' | 'rejected';
  reason: string | null;
  hq_revision: number | null;
}

export function insertTransition(
  db: Db,
  t: {
    id: string;
    releaseId: string;
    from: Status;
    to: Status;
    author: string;
    role: Role;
    at: string;
    publishAt: string | null;
    contentHash: string;
    note: string | null;
  },
): void {
  db.prepare(
    `INSERT INTO review_transitions (id, release_id, from_status, to_status, author, role, created_at, publish_at, content_hash, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(t.id, t.releaseId, t.from, t.to, t.author, t.role, t.at, t.publishAt, t.contentHash, t.note);
}

export function getTransition(db: Db, id: string): TransitionRow | undefined {
  return db.prepare<[string], TransitionRow>('SELECT * FROM review_transitions WHERE id = ?').get(id);
}

/** The newest move of a release, or only the newest not rejected by HQ. */
export function latestTransition(db: Db, releaseId: string, skipRejected = false): TransitionRow | undefined {
  const sql = skipRejected
    ? "SELECT * FROM review_transitions WHERE release_id = ? AND state <> 'rejected' ORDER BY rowid DESC LIMIT 1"
    : 'SELECT * FROM review_transitions WHERE release_id = ? ORDER BY rowid DESC LIMIT 1';
  return db.prepare<[string], TransitionRow>(sql).get(releaseId);
}

/** Moves of the same release made after this one. */
export function countLaterTransitions(db: Db, releaseId: string, id: string): number {
  return db
    .prepare<[string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM review_transitions WHERE release_id = ? AND rowid > (SELECT rowid FROM review_transitions WHERE id = ?)',
    )
    .get(releaseId, id)!.n;
}

export function markTransitionRejected(db: Db, id: string, reason: string): void {
  db.prepare("UPDATE review_transitions SET state = 'rejected', reason = ? WHERE id = ?").run(reason, id);
}

export function markTransitionAccepted(db: Db, id: string, hqRevision: number): void {
  db.prepare("UPDATE review_transitions SET state = 'accepted', hq_revision = ? WHERE id = ?").run(hqRevision, id);
}

/** The move made here that became this HQ revision (its push answer named the revision). */
export function transitionAtHqRevision(db: Db, releaseId: string, hqRevision: number): TransitionRow | undefined {
  return db
    .prepare<[string, number], TransitionRow>(
      "SELECT * FROM review_transitions WHERE release_id = ? AND hq_revision = ? AND state = 'accepted'",
    )
    .get(releaseId, hqRevision);
}
