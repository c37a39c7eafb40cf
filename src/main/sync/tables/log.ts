import type { SyncLogEntry } from '../../../shared/contract/sync';
import { formatReason } from '../../../shared/errors/format';
import { ErrorParamsSchema, isErrorReason, type ErrorParams, type ErrorReason } from '../../../shared/errors/reasons';
import { type Db, nowIso } from '../../store';
import { prepareCached } from '../../../node/db/statement-cache';

/** sync_log: what the "Sinkronisasi" log shows the writer. */
export type LogLevel = SyncLogEntry['level'];

/** Keeps the reason and params for the interface to word, and the Indonesian wording for older readers. */
export function addLog(
  db: Db,
  level: LogLevel,
  reason: ErrorReason,
  params: ErrorParams = {},
  releaseId: string | null = null,
): void {
  prepareCached(
    db,
    'INSERT INTO sync_log (at, level, message, reason, params, release_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(nowIso(), level, formatReason('id', reason, params), reason, JSON.stringify(params), releaseId);
  // Keep the log readable and bounded: the newest 5,000 lines.
  prepareCached(db, 'DELETE FROM sync_log WHERE id <= (SELECT MAX(id) - 5000 FROM sync_log)').run();
}

interface LogRow {
  id: number;
  at: string;
  level: string;
  message: string;
  reason: string | null;
  params: string | null;
  release_id: string | null;
}

function parseParams(raw: string | null): ErrorParams {
  try {
    const parsed = ErrorParamsSchema.safeParse(raw ? JSON.parse(raw) : {});
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Lines written before reasons existed carry only their Indonesian message. */
export function listLog(db: Db, limit: number): SyncLogEntry[] {
  return prepareCached<[number], LogRow>(
    db,
    'SELECT id, at, level, message, reason, params, release_id FROM sync_log ORDER BY id DESC LIMIT ?',
  )
    .all(limit)
    .map((r) => ({
      id: r.id,
      at: r.at,
      level: r.level as LogLevel,
      message: r.message,
      ...(r.reason && isErrorReason(r.reason) ? { reason: r.reason, params: parseParams(r.params) } : {}),
      releaseId: r.release_id,
    }));
}
