import type Database from 'better-sqlite3';
import type { HqStorage } from '../types';
import { annotationRecords } from './annotations';
import { attachmentRecords } from './attachments';
import { changeLog } from './changes';
import { deviceRecords } from './devices';
import { officeRecords } from './offices';
import { openHqDatabase, type MigrationLog } from './open';
import { numberRecords } from './numbers';
import { releaseRecords } from './releases';
import { statementCache } from '../../../node/db/statement-cache';

export type { MigrationLog } from './open';

/** HqStorage on SQLite: one file `hq.sqlite` in WAL mode, its handle shared with the public site. */
export interface SqliteStorage extends HqStorage {
  readonly db: Database.Database;
}

/** Every table, every row, in a stable order. */
function dumpTables(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
  }
  return out;
}

export function openSqliteStorage(file: string, log?: MigrationLog): SqliteStorage {
  const db = openHqDatabase(file, log);
  const q = statementCache(db);
  const offices = officeRecords(q);
  const releases = releaseRecords(q);
  const { getAnnotationVersion, ...annotations } = annotationRecords(q);
  return {
    db,
    transaction<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    close() {
      if (db.open) db.close();
    },
    ...offices,
    ...deviceRecords(q, offices),
    ...releases,
    ...annotations,
    ...changeLog(db, q, releases, { getAnnotationVersion }),
    ...attachmentRecords(q),
    ...numberRecords(q),
    dump: () => dumpTables(db),
  };
}
