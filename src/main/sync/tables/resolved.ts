import { prepareCached } from '../../../node/db/statement-cache';
import type { Db } from '../../store';

/** sync_resolved: a settled conflict waiting to travel as a release.resolve from HQ's head. */
export function resolvedHead(db: Db, releaseId: string): number | null {
  return (
    prepareCached<[string], { head_rev: number }>(db, 'SELECT head_rev FROM sync_resolved WHERE release_id = ?').get(
      releaseId,
    )?.head_rev ?? null
  );
}

export function markResolved(db: Db, releaseId: string, headRev: number): void {
  prepareCached(
    db,
    'INSERT INTO sync_resolved (release_id, head_rev) VALUES (?, ?) ON CONFLICT (release_id) DO UPDATE SET head_rev = excluded.head_rev',
  ).run(releaseId, headRev);
}

export function clearResolved(db: Db, releaseId: string): void {
  prepareCached(db, 'DELETE FROM sync_resolved WHERE release_id = ?').run(releaseId);
}
