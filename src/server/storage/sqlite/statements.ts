import type { Database, Statement } from 'better-sqlite3';

/** Runs `sql` through a statement prepared on first use. */
export type Query = (sql: string) => Statement;

/** Prepared once, reused: preparing dominated the cost of a push before. */
export function statementCache(db: Database): Query {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
}
