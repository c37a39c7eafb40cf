import { join } from 'node:path';
import { FileLockBusy, holdFileLock } from '../../node/fs/file-lock';
import { ensurePrivateDir, ensurePrivateFile } from '../../node/fs/private-dir';
import { WartaError } from '../../shared/contract/define';

const LOCK_FILE = 'warta.lock';

/**
 * One process per data dir. Two workstations on the same files (the desktop app and
 * `npm run web`, or two web hosts) would each run a sync schedule over one push queue and
 * one pull cursor. Errors other than "held elsewhere" (e.g. an unwritable folder) are left
 * to the store, which reports them with the folder named.
 */
export function lockDataDir(dataDir: string, nativeBinding?: string): { release(): void } {
  try {
    ensurePrivateDir(dataDir);
    ensurePrivateFile(join(dataDir, LOCK_FILE));
    return holdFileLock(join(dataDir, LOCK_FILE), nativeBinding);
  } catch (error) {
    if (error instanceof FileLockBusy) throw new WartaError('storage', 'dataDir.inUse', { dataDir });
    return { release: () => undefined };
  }
}
