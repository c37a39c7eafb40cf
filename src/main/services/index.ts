import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { METHOD_NAMES, WartaError, type Handlers, type MethodName } from '../../shared/contract';
import { createReviewHandlers } from '../review/handlers';
import { ReviewSync } from '../review/runner';
import { applyAnnotation, reviewPushExtension } from '../review/sync';
import { openStore, readAttachment } from '../store';
import { createSyncHandlers } from '../sync';
import { createAppHandlers } from './app';
import { lockDataDir } from './data-dir-lock';
import { createReleaseHandlers } from './releases';
import type { Services, ServicesOptions } from './types';

export type { MediaFile, Services, ServicesOptions } from './types';
export type { SecretStore } from './secrets';

/**
 * Methods no area implements yet answer with a clear error instead of leaving a hole in
 * the contract (the preload and both transports always carry every method).
 */
function fillMissing(partial: Partial<Handlers>): Handlers {
  const out: Record<string, unknown> = { ...partial };
  for (const name of METHOD_NAMES) {
    if (typeof out[name] === 'function') continue;
    out[name] = () => {
      throw new WartaError(
        'internal',
        `${name as MethodName} belum tersedia di versi ini (not available in this build)`,
      );
    };
  }
  return out as Handlers;
}

function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    return z.object({ version: z.string() }).parse(pkg).version;
  } catch {
    return '0.0.0';
  }
}

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
  // Review records pulled from HQ are stored by the review area's hook.
  const sync = createSyncHandlers({
    db: store.db,
    dataDir: store.dataDir,
    secrets: opts.secrets,
    log: opts.log,
    autoStart: true,
    onAnnotation: applyAnnotation,
    extensions: [reviewPushExtension],
  });
  // Review changes (comments, status transitions) go to HQ after the release sync; a
  // local review change or a finished "Sinkronkan" with review work waiting nudges it.
  const reviewSync = new ReviewSync({ db: store.db, sync: sync.service, secrets: opts.secrets });
  const reviewWaiting = store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM review_outbox');
  const nudgeReview =
    <I, O>(fn: (input: I) => O) =>
    (input: I): O => {
      const out = fn(input);
      reviewSync.kick();
      return out;
    };
  const review = createReviewHandlers({ store });

  const app = createAppHandlers({
    version: opts.version ?? packageVersion(),
    dataDir: store.dataDir,
    settings: {
      get: (key) => store.settings.get(key, z.string()) ?? null,
      set: (key, value) => store.settings.set(key, value),
    },
    notices: () => store.notices().map(({ id, code, message, at }) => ({ id, code, message, at })),
    dismissNotice: (id) => store.dismissNotice(id),
    identity: () => sync.identity(),
    hqUrl: () => sync.hqUrl(),
  });
  const releases = createReleaseHandlers(store);

  let closed = false;
  return {
    handlers: fillMissing({
      ...app,
      ...releases,
      ...sync.handlers,
      syncNow: async (input) => {
        const result = await sync.handlers.syncNow(input);
        if ((reviewWaiting.get()?.n ?? 0) > 0) reviewSync.kick();
        return result;
      },
      ...review,
      addComment: nudgeReview(review.addComment),
      replyToComment: nudgeReview(review.replyToComment),
      resolveThread: nudgeReview(review.resolveThread),
      reopenThread: nudgeReview(review.reopenThread),
      transition: nudgeReview(review.transition),
    }),
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
