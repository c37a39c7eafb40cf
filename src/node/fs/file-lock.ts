import Database from 'better-sqlite3';

/** The lock file is held by another process. */
export class FileLockBusy extends Error {}

/**
 * One process per data dir: an OS file lock held through SQLite on an empty side file
 * (`locking_mode = EXCLUSIVE` and an open exclusive transaction). The OS drops it when the
 * process dies, so a crash or SIGKILL never leaves a stale lock behind (unlike a pid file).
 * Throws FileLockBusy when another process holds it; other errors pass through.
 */
export function holdFileLock(file: string, nativeBinding?: string): { release(): void } {
  const db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw new FileLockBusy(file);
    throw error;
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}
