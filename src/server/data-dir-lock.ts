import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileLockBusy, holdFileLock } from '../node/fs/file-lock';

const LOCK_FILE = 'hq.lock';

/**
 * The running HQ holds this lock for its lifetime, so `restore` can tell that the file it
 * would replace is in use. Admin commands (enroll, revoke, backup) don't take it: SQLite lets
 * them share the database with the server.
 */
export function lockHqDataDir(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return holdFileLock(join(dataDir, LOCK_FILE));
  } catch (error) {
    if (error instanceof FileLockBusy) {
      throw new Error(`the data dir ${dataDir} is in use by a running HQ (or a restore); stop it first`);
    }
    throw error;
  }
}
