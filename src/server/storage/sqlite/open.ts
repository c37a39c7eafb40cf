import Database from 'better-sqlite3';
import { assertNotNewer, migrate } from '../../../node/db/migrate';
import { HQ_MIGRATIONS } from '../migrations';

/** Where migrations are reported (pino and console wrappers both fit). */
export interface MigrationLog {
  info(obj: object, msg: string): void;
}

const silent: MigrationLog = { info: () => {} };

/** The file is not a sound SQLite database; it was left exactly as found. */
class DamagedHqDatabase extends Error {}

/**
 * quick_check before anything writes: HQ must not start on a damaged file (it would serve
 * and extend a history it cannot fully read), and the file stays untouched for a restore.
 */
function assertSound(db: Database.Database, file: string): void {
  let result: string;
  try {
    result = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  }
  if (result !== 'ok')
    throw new DamagedHqDatabase(
      `the HQ database ${file} is damaged (${result.slice(0, 160)}); it was left untouched — restore a backup with \`npm run hq -- restore\``,
    );
}

/**
 * Opens an HQ database file and brings its schema up to date. A file from a newer HQ, or a
 * damaged one, is refused before anything writes to it (switching to WAL rewrites the header).
 */
export function openHqDatabase(file: string, log: MigrationLog = silent): Database.Database {
  const db = new Database(file);
  try {
    assertSound(db, file);
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
