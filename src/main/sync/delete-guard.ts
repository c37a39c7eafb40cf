import type { PullResponse, ReleaseChange } from '../../shared/sync/protocol';
import type { Db } from '../store';
import type { HqClient } from './hq-client';
import { hasOutbox, readLocal } from './local-releases';

/** A pull that would delete more than half of the releases (and more than 3) asks first. */
const MASS_DELETE_RATIO = 0.5;
const MASS_DELETE_MIN = 3;

export const releaseChanges = (page: PullResponse): ReleaseChange[] =>
  page.changes.filter((c): c is ReleaseChange => c.type === 'release');

/** Releases a page would delete here: live locally and without local work in the way. */
export function deletesIn(db: Db, changes: ReleaseChange[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) {
    if (!c.deleted) {
      ids.delete(c.releaseId);
      continue;
    }
    const local = readLocal(db, c.releaseId);
    if (local && !local.deleted && !hasOutbox(db, c.releaseId)) ids.add(c.releaseId);
  }
  return ids;
}

/**
 * Counts every delete from `page` to the end of the log, read-only, so the question comes
 * before the first release disappears and states the full size.
 */
export async function countDeletesAhead(db: Db, client: HqClient, page: PullResponse, limit: number): Promise<number> {
  const deleting = deletesIn(db, releaseChanges(page));
  let more = page;
  while (more.hasMore) {
    more = await client.pull(more.nextCursor, limit);
    const next = releaseChanges(more);
    for (const c of next) if (!c.deleted) deleting.delete(c.releaseId);
    for (const id of deletesIn(db, next)) deleting.add(id);
  }
  return deleting.size;
}

export const isMassDelete = (deletes: number, live: number): boolean =>
  deletes > MASS_DELETE_MIN && deletes > live * MASS_DELETE_RATIO;
