import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const LOCK_FILE = 'hq.lock';

/** Another process (a running HQ, or a restore in progress) holds the data dir. */
class DataDirBusy extends Error {}

/**
 * The running HQ holds this lock for its lifetime, so `restore` can tell that the file it
 * would replace is in use. An OS file lock held through SQLite (`locking_mode = EXCLUSIVE`
 * and an open exclusive transaction on an empty side file): the OS drops it when the process
 * dies, so a crashed HQ never leaves a stale lock. Admin commands (enroll, revoke, backup)
 * don't take it: SQLite lets them share the database with the server.
 */
export function lockHqDataDir(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
      throw new DataDirBusy(`the data dir ${dataDir} is in use by a running HQ (or a restore); stop it first`);
    throw error;
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}
