import { basename } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { adoptSyncState } from '../sync';
import { backupDatabase, backupPath, listBackups, prepareRestore, swapIn, toStorageError } from '../store';
import { openRuntime, type Runtime } from './runtime';
import type { ServicesOptions } from './types';

interface RestoreDeps {
  options: ServicesOptions;
  current(): Runtime;
  replace(next: Runtime): void;
  /** Runs `work` with every other contract call held until it is done. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * "Pulihkan dari cadangan". The order is what makes it safe: check the chosen backup (a
 * damaged one changes nothing), keep the current database as a backup (so a restore can be
 * undone the same way), stop syncing, prepare the restored file against the live one's sync
 * state, close, swap the file in, and open everything again over it. If anything fails before
 * the swap, the services reopen over the unchanged file.
 */
export function createBackupHandlers(deps: RestoreDeps): Pick<Handlers, 'listBackups' | 'restoreBackup'> {
  const { options } = deps;
  const dbOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  return {
    listBackups: () => ({ items: listBackups(deps.current().store.backupsDir) }),
    restoreBackup: ({ name }) =>
      deps.exclusive(async () => {
        const runtime = deps.current();
        const { store } = runtime;
        const source = backupPath(store.backupsDir, name);
        await runtime.stopSync();
        let staged: string;
        let kept: string;
        try {
          staged = prepareRestore(
            source,
            name,
            store.dbPath,
            (restored) => adoptSyncState(restored, store.db),
            store.log,
            dbOptions,
          );
          kept = (await backupDatabase(store)).path;
        } catch (error) {
          await reopen(deps, runtime);
          throw toStorageError(error, 'restoreBackup');
        }
        await runtime.close();
        try {
          swapIn(staged, store.dbPath);
        } finally {
          deps.replace(openRuntime(options));
        }
        store.log.info({ restored: name, keptAs: kept }, 'backup restored');
        return { restored: name, keptAs: basename(kept) };
      }),
  };
}

/** A refused restore: the same file, with syncing running again. */
async function reopen(deps: RestoreDeps, runtime: Runtime): Promise<void> {
  await runtime.close();
  deps.replace(openRuntime(deps.options));
}
