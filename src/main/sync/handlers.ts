import type { Handlers } from '../../shared/contract';
import { WartaError } from '../../shared/contract/define';
import { WireFieldsSchema } from '../../shared/sync/protocol';
import { appendOutbox, getRow, rowToRelease, writeFromHq } from '../store';
import { applyResolutions, describeConflict } from './conflicts';
import { readLocal } from './local-releases';
import { readOfficeProfile } from './office-profile';
import { addOfficeWord, officeWords } from './office-words';
import { SyncService, type SyncServiceOptions } from './service';
import { setBase } from './tables/base';
import { deleteConflict, getConflict, listStoredConflicts } from './tables/conflicts';
import { addLog } from './tables/log';
import { markResolved } from './tables/resolved';

type SyncMethodName =
  | 'connectToHq'
  | 'disconnect'
  | 'syncNow'
  | 'getSyncStatus'
  | 'getOfficeProfile'
  | 'listSyncLog'
  | 'listConflicts'
  | 'resolveConflict'
  | 'listOfficeWords'
  | 'addOfficeWord';

type SyncHandlers = Pick<Handlers, SyncMethodName>;

export interface SyncModule {
  /** Spread these into the composition root's handlers. */
  handlers: SyncHandlers;
  service: SyncService;
  /** For getAppInfo. */
  identity: SyncService['identity'];
  hqUrl: SyncService['hqUrl'];
  /** Stops the scheduler and waits for a running sync. */
  close(): Promise<void>;
}

/**
 * The sync area of the contract, for the composition root (src/main/services):
 *
 *   const sync = createSyncHandlers({ db, dataDir, secrets, log, autoStart: true });
 *   handlers = { ...otherHandlers, ...sync.handlers };
 *   createAppHandlers({ ..., identity: sync.identity, hqUrl: sync.hqUrl });
 *   // on shutdown: await sync.close();
 *
 * `db` is the store's open better-sqlite3 connection with its migrations applied; `secrets`
 * holds the device token.
 */
export function createSyncHandlers(options: SyncServiceOptions): SyncModule {
  const service = new SyncService(options);
  const { db } = options;

  const handlers: SyncHandlers = {
    connectToHq: ({ serverUrl, code }) => service.connect(serverUrl, code),
    disconnect: async () => {
      service.disconnect();
      return { disconnected: true as const };
    },
    syncNow: ({ confirmMassDelete }) => service.syncNow({ confirmMassDelete: confirmMassDelete === true }),
    getSyncStatus: async () => service.status(),
    getOfficeProfile: async () => readOfficeProfile(db),
    listOfficeWords: async () => ({ words: officeWords(db) }),
    addOfficeWord: async ({ word }) => ({ words: addOfficeWord(db, word) }),
    listSyncLog: async ({ limit }) => ({ items: service.listLog(limit) }),
    listConflicts: async ({ releaseId }) => {
      const stored = releaseId ? [getConflict(db, releaseId)].filter((c) => c !== null) : listStoredConflicts(db);
      const items = stored.flatMap((c) => {
        const local = readLocal(db, c.releaseId);
        return local ? [describeConflict(c, local.fields)] : [];
      });
      return { items };
    },
    resolveConflict: async ({ releaseId, resolutions, fields }) => {
      const conflict = getConflict(db, releaseId);
      if (!conflict) throw new WartaError('not_found', 'sync.notInConflict');
      const local = readLocal(db, releaseId);
      if (!local) throw new WartaError('not_found', 'sync.releaseNotFound');
      const result = applyResolutions(
        conflict,
        local.fields,
        resolutions.map((r) => ({
          blockId: r.blockId,
          choice: r.choice,
          ...(r.content ? { content: r.content } : {}),
        })),
        fields.map((f) => ({ field: f.field, choice: f.choice, value: f.value })),
      );
      if (result.missing.length) {
        throw new WartaError('invalid_input', 'sync.unresolvedParts', { parts: result.missing.join(', ') });
      }
      const parsed = WireFieldsSchema.safeParse(result.fields);
      if (!parsed.success) throw new WartaError('invalid_input', 'sync.invalidResolution');
      db.transaction(() => {
        writeFromHq(db, releaseId, parsed.data, {
          status: local.status,
          author: 'Penyelesaian konflik',
          syncState: 'belum_terkirim',
        });
        // HQ's side is now the base; the resolution travels as a release.resolve from that head.
        setBase(db, releaseId, {
          hqRev: conflict.theirsRev,
          deleted: false,
          fields: conflict.theirsFields,
          status: conflict.theirsStatus,
        });
        markResolved(db, releaseId, conflict.theirsRev);
        deleteConflict(db, releaseId);
        appendOutbox(db, releaseId, 'save', readLocal(db, releaseId)!.localRev);
        addLog(db, 'info', 'syncLog.conflictResolved', {}, releaseId);
      })();
      return rowToRelease(getRow(db, releaseId, true)!);
    },
  };

  return {
    handlers,
    service,
    identity: () => service.identity(),
    hqUrl: () => service.hqUrl(),
    close: () => service.close(),
  };
}
