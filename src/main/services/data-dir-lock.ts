import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from '../../node/fs/private-dir';
import { WartaError } from '../../shared/contract/define';

const LOCK_FILE = 'warta.lock';

/**
 * One process per data dir. Two workstations on the same files (the desktop app and
 * `npm run web`, or two web hosts) would each run a sync schedule over one push queue and
 * one pull cursor. The lock is an OS file lock held through SQLite on a separate empty file
 * (`locking_mode = EXCLUSIVE` + an open exclusive transaction): the OS drops it when the
 * process dies, so a crash or SIGKILL never leaves a stale lock behind (unlike a pid file).
 * Errors other than "held elsewhere" (e.g. an unwritable folder) are left to the store,
 * which reports them with the folder named.
 */
export function lockDataDir(dataDir: string, nativeBinding?: string): { release(): void } {
  let db: Database.Database;
  try {
    ensurePrivateDir(dataDir);
    ensurePrivateFile(join(dataDir, LOCK_FILE));
    db = new Database(join(dataDir, LOCK_FILE), { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return { release: () => undefined };
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      throw new WartaError('storage', 'dataDir.inUse', { dataDir });
    }
    return { release: () => undefined };
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}
