import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection: hot paths run the same few statements
 * for every row of a batch or page, and re-preparing them dominated the cost. Keyed weakly by
 * connection, so a closed database takes its statements with it.
 */
export function prepareCached<P extends unknown[] = unknown[], R = unknown>(
  db: Database.Database,
  sql: string,
): Statement<P, R> {
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

/** Runs `sql` through a statement prepared on first use, for one connection. */
export type Query = (sql: string) => Statement;

/** `prepareCached` bound to one connection, for modules that hold a connection of their own. */
export const statementCache =
  (db: Database.Database): Query =>
  (sql) =>
    prepareCached(db, sql);
