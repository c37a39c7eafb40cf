import { prepareCached } from '../../../node/db/statement-cache';
import type { Db } from '../../store';

/** sync_meta: the client's own counters and marks, one value per key. */
export const META = {
  cursor: 'pull_cursor',
  nextSeq: 'next_seq',
  /** The device the seqs belong to: a new enrollment starts again at 1. */
  seqDevice: 'seq_device',
  lastSyncAt: 'last_sync_at',
} as const;

type MetaKey = (typeof META)[keyof typeof META];

export function getMeta(db: Db, key: MetaKey): string | null {
  const row = prepareCached<[string], { value: string }>(db, 'SELECT value FROM sync_meta WHERE key = ?').get(key);
  return row?.value ?? null;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  prepareCached(
    db,
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
