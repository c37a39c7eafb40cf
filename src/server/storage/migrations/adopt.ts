import type Database from 'better-sqlite3';

/**
 * Until one list numbered every step of hq.sqlite, the public site created its `pub_*` tables
 * under a counter of its own (table `pub_schema`), so an upgraded database may already hold a
 * step's tables. Each old step ran in one transaction, so its first table standing for all of
 * them is enough: the step keeps the tables and their rows as they are.
 */
export function createUnlessAdopted(db: Database.Database, firstTable: string, sql: string): void {
  const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(firstTable);
  if (!exists) db.exec(sql);
}
