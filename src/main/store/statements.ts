import type { Statement } from 'better-sqlite3';
import type { Db } from './types';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection: sync runs the same few statements for
 * every release of a batch or page, and re-preparing them dominated a pull.
 */
export function prepareCached<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let map = cache.get(db);
  if (!map) {
    map = new Map();
    cache.set(db, map);
  }
  let stmt = map.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    map.set(sql, stmt);
  }
  return stmt as unknown as Statement<P, R>;
}
