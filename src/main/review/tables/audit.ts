import type { AuditEntry } from '../../../shared/contract/review';
import type { Status } from '../../../shared/domain/release';
import type { Db } from '../../store';

/** review_audit: the append-only trail of who did what to a release. */
export interface AuditRecord {
  releaseId: string;
  at: string;
  actor: string;
  role: string;
  action: AuditEntry['action'];
  from?: Status | null;
  to?: Status | null;
  detail?: string | null;
  /** Names the record the entry is about (`thread:<id>`…): each is audited once. */
  ref?: string | null;
  hqTime?: string | null;
}

const values = (r: AuditRecord) =>
  [
    r.releaseId,
    r.at,
    r.actor,
    r.role,
    r.action,
    r.from ?? null,
    r.to ?? null,
    r.detail ?? null,
    r.ref ?? null,
    r.hqTime ?? null,
  ] as const;

/** Audit rows are only ever added. */
export function addAuditRecord(db: Db, r: AuditRecord): void {
  db.prepare(
    `INSERT OR IGNORE INTO review_audit (release_id, at, actor, role, action, from_status, to_status, detail, ref, hq_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...values(r));
}

/**
 * A record HQ confirmed: added, or (made here, not yet confirmed) given the person, role and
 * time HQ knows. A record once confirmed keeps its actor and role: nothing pulled later
 * re-attributes it. Returns whether anything changed (false for a record already confirmed).
 */
export function mergeAuditFromHq(db: Db, r: AuditRecord & { ref: string }): boolean {
  const { changes } = db
    .prepare(
      `INSERT INTO review_audit (release_id, at, actor, role, action, from_status, to_status, detail, ref, hq_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (ref) WHERE ref IS NOT NULL DO UPDATE SET hq_time = excluded.hq_time, actor = excluded.actor, role = excluded.role
       WHERE review_audit.hq_time IS NULL`,
    )
    .run(...values(r));
  return changes > 0;
}

export function listAuditRecords(db: Db, releaseId: string): AuditEntry[] {
  return db
    .prepare<[string], AuditEntry>(
      `SELECT at, hq_time AS hqTime, actor, role, action, from_status AS fromStatus, to_status AS toStatus, detail
       FROM review_audit WHERE release_id = ? ORDER BY id`,
    )
    .all(releaseId);
}
