import type { QueueItem } from '../../shared/contract/review';
import { type Db, listByStatus } from '../store';
import { countOpenThreads } from './threads';
import { getWorkflowRow } from './tables/workflow';

/** Releases waiting for a reviewer, longest-waiting first. */
export function reviewQueue(db: Db): QueueItem[] {
  const items = listByStatus(db, 'diajukan').map((r) => {
    const w = getWorkflowRow(db, r.id);
    return { ...r, changedBy: w?.changed_by ?? null, changedAt: w?.changed_at ?? null };
  });
  const since = (i: { changedAt: string | null; updatedAt: string }) => i.changedAt ?? i.updatedAt;
  items.sort((a, b) => (since(a) < since(b) ? -1 : since(a) > since(b) ? 1 : 0));
  return items.map((r) => ({
    id: r.id,
    title: r.title,
    office: r.office,
    status: r.status,
    updatedAt: r.updatedAt,
    changedBy: r.changedBy,
    changedAt: r.changedAt,
    openThreads: countOpenThreads(db, r.id),
  }));
}
