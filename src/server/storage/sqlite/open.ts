import Database from 'better-sqlite3';
import { assertNotNewer, migrate } from '../../../node/db/migrate';
import { HQ_MIGRATIONS } from '../migrations';

/** Where migrations are reported (pino and console wrappers both fit). */
export interface MigrationLog {
  info(obj: object, msg: string): void;
}

const silent: MigrationLog = { info: () => {} };

/**
 * Opens an HQ database file and brings its schema up to date. A file from a newer HQ is
 * refused before anything writes to it (switching to WAL rewrites the header).
 */
export function openHqDatabase(file: string, log: MigrationLog = silent): Database.Database {
  const db = new Database(file);
  try {
    assertNotNewer(db, file, HQ_MIGRATIONS);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    migrate(db, HQ_MIGRATIONS, log, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
