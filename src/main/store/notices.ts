import { formatReason } from '../../shared/errors/format';
import { ErrorParamsSchema, isErrorReason, type ErrorParams, type ErrorReason } from '../../shared/errors/reasons';
import { nowIso } from './clock';
import type { Db } from './types';

export interface Notice {
  id: number;
  code: string;
  /** Indonesian wording, kept for callers that know no reasons. */
  message: string;
  /** Absent on notices stored before reasons existed. */
  reason?: ErrorReason;
  params?: ErrorParams;
  at: string;
}

interface NoticeRow {
  id: number;
  code: string;
  message: string;
  reason: string | null;
  params: string | null;
  at: string;
}

const fromRow = ({ reason, params, ...rest }: NoticeRow): Notice => {
  if (!reason || !isErrorReason(reason)) return rest;
  const parsed = ErrorParamsSchema.safeParse(params ? JSON.parse(params) : {});
  return { ...rest, reason, params: parsed.success ? parsed.data : {} };
};

/**
 * Things the user must be told once the app is up (e.g. `db_recovered`). Kept in the
 * database so a notice survives a restart until the UI dismisses it.
 */
export function addNotice(db: Db, code: string, reason: ErrorReason, params: ErrorParams = {}): Notice {
  const at = nowIso();
  const message = formatReason('id', reason, params);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO notices (code, message, reason, params, at) VALUES (?, ?, ?, ?, ?)')
    .run(code, message, reason, JSON.stringify(params), at);
  return { id: Number(lastInsertRowid), code, message, reason, params, at };
}

export function listNotices(db: Db): Notice[] {
  return db
    .prepare<[], NoticeRow>(
      'SELECT id, code, message, reason, params, at FROM notices WHERE dismissed_at IS NULL ORDER BY id',
    )
    .all()
    .map(fromRow);
}

export function dismissNotice(db: Db, id: number): void {
  db.prepare('UPDATE notices SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(nowIso(), id);
}
