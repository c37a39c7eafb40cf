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
import { openStore, readAttachment } from '../store';
import { createSyncHandlers } from '../sync';
import { createAppHandlers } from './app';
import { lockDataDir } from './data-dir-lock';
import { createReleaseHandlers } from './releases';
import type { Services, ServicesOptions } from './types';

export type { Services, ServicesOptions } from './types';
export { createFileSecretStore, type SecretStore } from './secrets';
export { defaultDataDir } from './paths';
export { cspForPage, SECURITY_HEADERS } from './security';
export { mimeFor, resolveStatic } from './page';

/**
 * The composition root: one set of services per data dir, shared by both transports
 * (Electron IPC in the desktop shell, HTTP in the web host). Plain Node, no electron.
 */
export async function createServices(opts: ServicesOptions): Promise<Services> {
  const lock = lockDataDir(opts.dataDir, opts.nativeBinding);
  let store: ReturnType<typeof openStore>;
  try {
    store = openStore({
      dataDir: opts.dataDir,
      log: opts.log,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  // The sync client: its scheduler runs while the app runs (it idles until enrolled).
  // Review records pulled from HQ (comments, and the transitions HQ accepted) are stored by the review area's hooks.
  const sync = createSyncHandlers({
    db: store.db,
    dataDir: store.dataDir,
    secrets: opts.secrets,
    log: opts.log,
    autoStart: true,
    onAnnotation: applyAnnotation,
    onReleaseChange: applyTransitionFromHq,
    extensions: [reviewPushExtension],
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

  const handlers: Handlers = {
    ...app,
    ...releases,
    ...sync.handlers,
    syncNow: async (input) => {
      const result = await sync.handlers.syncNow(input);
      if (countReviewOutbox(store.db) > 0) reviewSync.kick();
      return result;
    },
    ...review,
  };

  let closed = false;
  return {
    handlers,
    mediaLookup: (sha256) => readAttachment(store, sha256),
    close: async () => {
      if (closed) return;
      closed = true;
      // Stop syncing (and let a running batch finish) before the database goes away.
      await reviewSync.close().catch((error: unknown) => opts.log.error({ err: error }, 'stopping review sync failed'));
      await sync.close().catch((error: unknown) => opts.log.error({ err: error }, 'stopping sync failed'));
      store.close();
      lock.release();
    },
  };
}
