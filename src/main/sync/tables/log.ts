import type { SyncLogEntry } from '../../../shared/contract/sync';
import { type Db, nowIso } from '../../store';
import { prepareCached } from '../../../node/db/statement-cache';

/** sync_log: what the "Sinkronisasi" log shows the writer. */
export type LogLevel = SyncLogEntry['level'];

export function addLog(db: Db, level: LogLevel, message: string, releaseId: string | null = null): void {
  prepareCached(db, 'INSERT INTO sync_log (at, level, message, release_id) VALUES (?, ?, ?, ?)').run(
    nowIso(),
    level,
    message,
    releaseId,
  );
  // Keep the log readable and bounded: the newest 5,000 lines.
  prepareCached(db, 'DELETE FROM sync_log WHERE id <= (SELECT MAX(id) - 5000 FROM sync_log)').run();
}

export function listLog(db: Db, limit: number): SyncLogEntry[] {
  return prepareCached<[number], { id: number; at: string; level: string; message: string; release_id: string | null }>(
    db,
    'SELECT id, at, level, message, release_id FROM sync_log ORDER BY id DESC LIMIT ?',
  )
    .all(limit)
    .map((r) => ({
      id: r.id,
      at: r.at,
      level: r.level as LogLevel,
      message: r.message,
      releaseId: r.release_id,
    }));
}
