import { type Db, nowIso } from '../../store';

export type ReviewEntryKind = 'annotation.put' | 'workflow.transition';

export interface ReviewOutboxRow {
  id: number;
  kind: ReviewEntryKind;
  releaseId: string;
  refId: string;
  payload: Record<string, unknown>;
  createdAt: string;
  /** The entry as handed to the sync engine's queue; null while it waits here. */
  sentEntry: string | null;
}

/**
 * Queues a review change for HQ. Called inside the transaction that stores the change, so a
 * comment, reply, resolution or transition is never stored without its way to HQ.
 * (The store's own `outbox` only takes release edits; review entries have this one.)
 */
export function enqueueReview(
  db: Db,
  kind: ReviewEntryKind,
  releaseId: string,
  refId: string,
  payload: Record<string, unknown>,
): void {
  db.prepare('INSERT INTO review_outbox (kind, release_id, ref_id, payload, created_at) VALUES (?, ?, ?, ?, ?)').run(
    kind,
    releaseId,
    refId,
    JSON.stringify(payload),
    nowIso(),
  );
}

export function readReviewOutbox(db: Db): ReviewOutboxRow[] {
  return db
    .prepare<
      [],
      {
        id: number;
        kind: ReviewEntryKind;
        release_id: string;
        ref_id: string;
        payload: string;
        created_at: string;
        sent_entry: string | null;
      }
    >('SELECT * FROM review_outbox ORDER BY id')
    .all()
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      releaseId: r.release_id,
      refId: r.ref_id,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      createdAt: r.created_at,
      sentEntry: r.sent_entry,
    }));
}

export function countReviewOutbox(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM review_outbox').get()!.n;
}

/** Records the entry handed to the sync queue, so the change is not collected twice. */
export function markReviewSent(db: Db, id: number, entry: unknown): void {
  db.prepare('UPDATE review_outbox SET sent_entry = ? WHERE id = ?').run(JSON.stringify(entry), id);
}

export function deleteReviewOutbox(db: Db, id: number): void {
  db.prepare('DELETE FROM review_outbox WHERE id = ?').run(id);
}
