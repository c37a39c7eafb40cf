import type { EntryResult, PushEntry } from '../../../shared/sync/protocol';
import type { Db } from '../../store';

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
/** A push entry as an extension hands it over: the engine gives it its seq. */
export type QueuedEntry = WithoutSeq<PushEntry>;

/**
 * Lets another feature (review: annotations, workflow transitions) send its own entries in
 * the engine's push queue, so every entry shares the one per-device seq counter and the same
 * durability: seqs are assigned and stored before sending, a resend reuses them, and HQ's
 * stored answer comes back to `onResult`.
 */
export interface PushExtension {
  /** Names this extension's rows in the queue. Not 'release'. */
  owner: string;
  /**
   * Called inside the transaction that assigns seqs, after the release edits of this round
   * were queued (so the queue already shows which releases have an edit in flight).
   * Mark what you return as queued in your own tables in the same call.
   */
  collect(db: Db): { releaseId: string; ref: string; entry: QueuedEntry }[];
  /** HQ's answer for one entry, inside the transaction that applies the batch. */
  onResult(db: Db, ref: string, entry: PushEntry, result: EntryResult): void;
  /** HQ refused the entry as a whole request (400/403): it was never applied and leaves the queue. */
  onRefused(db: Db, ref: string, entry: PushEntry, message: string): void;
}
