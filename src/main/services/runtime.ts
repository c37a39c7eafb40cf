import { join } from 'node:path';
import { z } from 'zod';
import type { Handlers } from '../../shared/contract';
import {
  applyAnnotation,
  applyTransitionFromHq,
  countReviewOutbox,
  createReviewHandlers,
  reviewPushExtension,
  ReviewSync,
} from '../review';
import { createDocumentHandlers } from '../documents';
import { countReleasesInOutbox, openStore, readAttachment, type Store } from '../store';
import { SupportLogs } from '../support';
import { createSyncHandlers, SECRET_DEVICE_TOKEN } from '../sync';
import { createTemplateHandlers, templatePushExtension } from '../templates';
import { createUpdateHandlers, UpdateService } from '../updates';
import { createAppHandlers } from './app';
import { createReleaseHandlers } from './releases';
import type { Services, ServicesOptions } from './types';

/** What the restore handlers add on top of the runtime's own handlers. */
type OwnHandlers = Omit<Handlers, 'listBackups' | 'restoreBackup'>;

/** Everything that holds the database open: rebuilt whole when a backup is restored. */
export interface Runtime {
  store: Store;
  handlers: OwnHandlers;
  mediaLookup: Services['mediaLookup'];
  /** Stops syncing (waiting for a running batch) but keeps the database open. */
  stopSync(): Promise<void>;
  /** stopSync, then closes the database. */
  close(): Promise<void>;
}

export function openRuntime(opts: ServicesOptions): Runtime {
  const store = openStore({
    dataDir: opts.dataDir,
    log: opts.log,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  // The sync client: its scheduler runs while the app runs (it idles until enrolled).
  // Review records pulled from HQ (comments, and the transitions HQ accepted) are stored by
  // the review area's hooks.
  const sync = createSyncHandlers({
    db: store.db,
    dataDir: store.dataDir,
    secrets: opts.secrets,
    log: opts.log,
    autoStart: true,
    onAnnotation: applyAnnotation,
    onReleaseChange: applyTransitionFromHq,
    extensions: [reviewPushExtension, templatePushExtension],
    onSynced: () => {
      void updates.afterSync();
      void support.afterSync();
    },
  });
  // Desktop updates and support logs go through HQ, after a sync (never on a timer of their own).
  const hqAccess = () => {
    const url = sync.hqUrl();
    const token = opts.secrets.get(SECRET_DEVICE_TOKEN);
    return url && token ? { url, token } : null;
  };
  const updates = new UpdateService({
    dir: join(store.dataDir, 'updates'),
    currentVersion: opts.version,
    hq: hqAccess,
    unsynced: () => countReleasesInOutbox(store.db) + countReviewOutbox(store.db),
    installer: opts.updateInstaller ?? null,
    channel: {
      get: () => store.settings.get('updateChannel', z.enum(['stable', 'pilot'])) ?? 'stable',
      set: (channel) => store.settings.set('updateChannel', channel),
    },
    log: opts.log,
  });
  const support = new SupportLogs({
    logDir: join(store.dataDir, 'logs'),
    outboxDir: join(store.dataDir, 'support-outbox'),
    hq: hqAccess,
    log: opts.log,
  });
  // Review changes (comments, status transitions) go to HQ with the next sync run; a local
  // review change or a finished "Sinkronkan" with review work waiting nudges it.
  const reviewSync = new ReviewSync({ db: store.db, sync: sync.service });
  const review = createReviewHandlers({ store, onChange: () => reviewSync.kick() });

  const app = createAppHandlers({
    version: opts.version,
    dataDir: store.dataDir,
    settings: {
      get: (key) => store.settings.get(key, z.string()) ?? null,
      set: (key, value) => store.settings.set(key, value),
    },
    notices: () => store.notices(),
    dismissNotice: (id) => store.dismissNotice(id),
    identity: () => sync.identity(),
    hqUrl: () => sync.hqUrl(),
  });
  const releases = createReleaseHandlers(store);

  let stopped: Promise<void> | null = null;
  const stopSync = (): Promise<void> =>
    (stopped ??= (async () => {
      // Stop syncing (and let a running batch finish) before the database goes away.
      await reviewSync.close().catch((error: unknown) => opts.log.error({ err: error }, 'stopping review sync failed'));
      await sync.close().catch((error: unknown) => opts.log.error({ err: error }, 'stopping sync failed'));
      await updates.close();
      await support.close();
    })());
  return {
    store,
    handlers: {
      ...app,
      ...releases,
      ...sync.handlers,
      syncNow: async (input) => {
        const result = await sync.handlers.syncNow(input);
        if (countReviewOutbox(store.db) > 0) reviewSync.kick();
        return result;
      },
      ...review,
      ...createUpdateHandlers(updates, support),
      ...createDocumentHandlers(store),
      ...createTemplateHandlers(store.db),
    },
    mediaLookup: (sha256) => readAttachment(store, sha256),
    stopSync,
    close: async () => {
      await stopSync();
      store.close();
    },
  };
}
