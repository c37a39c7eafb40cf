import type { Role } from '../../../shared/domain/role';
import type { Db } from '../../store';

/** review_workflow: per release, who moved it last, the embargo, the approval pin and its notice. */
export interface WorkflowRow {
  release_id: string;
  approved_hash: string | null;
  publish_at: string | null;
  changed_by: string | null;
  changed_role: string | null;
  changed_at: string | null;
  notice: string | null;
}

export function getWorkflowRow(db: Db, releaseId: string): WorkflowRow | undefined {
  return db.prepare<[string], WorkflowRow>('SELECT * FROM review_workflow WHERE release_id = ?').get(releaseId);
}

export function saveWorkflowRow(db: Db, row: WorkflowRow): void {
  db.prepare(
    `INSERT INTO review_workflow (release_id, approved_hash, publish_at, changed_by, changed_role, changed_at, notice)
     VALUES (@release_id, @approved_hash, @publish_at, @changed_by, @changed_role, @changed_at, @notice)
     ON CONFLICT (release_id) DO UPDATE SET approved_hash = excluded.approved_hash, publish_at = excluded.publish_at,
       changed_by = excluded.changed_by, changed_role = excluded.changed_role, changed_at = excluded.changed_at, notice = excluded.notice`,
  ).run(row);
}

/** A move HQ confirmed: kept unless this workstation already knows a later one. */
export function recordMoveFromHq(
  db: Db,
  move: { releaseId: string; by: string; role: Role | string; at: string | null; publishAt: string | null },
): void {
  db.prepare(
    `INSERT INTO review_workflow (release_id, changed_by, changed_role, changed_at, publish_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET changed_by = excluded.changed_by, changed_role = excluded.changed_role,
       changed_at = excluded.changed_at, publish_at = excluded.publish_at
     WHERE review_workflow.changed_at IS NULL OR review_workflow.changed_at <= excluded.changed_at`,
  ).run(move.releaseId, move.by, move.role, move.at, move.publishAt);
}
