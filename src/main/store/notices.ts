import { nowIso } from './clock';
import type { Db } from './types';

export interface Notice {
  id: number;
  code: string;
  message: string;
  at: string;
}

/**
 * Things the user must be told once the app is up (e.g. `db_recovered`). Kept in the
 * database so a notice survives a restart until the UI dismisses it.
 */
export function addNotice(db: Db, code: string, message: string): Notice {
  const at = nowIso();
  const { lastInsertRowid } = db
    .prepare('INSERT INTO notices (code, message, at) VALUES (?, ?, ?)')
    .run(code, message, at);
  return { id: Number(lastInsertRowid), code, message, at };
}

export function listNotices(db: Db): Notice[] {
  return db
    .prepare<[], Notice>('SELECT id, code, message, at FROM notices WHERE dismissed_at IS NULL ORDER BY id')
    .all();
}

export function dismissNotice(db: Db, id: number): void {
  db.prepare('UPDATE notices SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(nowIso(), id);
}
