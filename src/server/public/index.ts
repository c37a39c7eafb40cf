import { mkdirSync } from 'node:fs';
import { PRIVATE_DIR_MODE } from '../../node/fs/private-dir';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { publicOriginSettings } from './origin';
import { Publisher } from './publisher';
import { registerPublicRoutes } from './http/routes';
import type { PublicSiteDeps } from './http/site';
import { openPublicationStore, type SqlitePublicationStore } from './store';
import { readWordPressConfig, WordPressForwarder } from './wordpress/forwarder';

export { RenderGate } from './render/gate';
export { safeHref } from './render/sanitize';
export { NinjsItemSchema, ReleasesPageSchema } from './feeds/ninjs';
export type { PublicSiteDeps } from './http/site';
export { directoryAttachmentSource } from './media/images';
export { readWordPressConfig } from './wordpress/forwarder';
export * from './types';

export interface OpenPublicSiteOptions extends Pick<
  PublicSiteDeps,
  'attachments' | 'baseUrl' | 'allowedOrigins' | 'siteName' | 'perPage' | 'renderCache' | 'now'
> {
  /** HQ's data dir: the resized-image cache goes to `<dataDir>/public-media`. */
  dataDir: string;
  /** HQ's open database (tables `pub_*` are added to it); without it `<dataDir>/public.sqlite` is used. */
  db?: Database.Database;
  /** Start the WordPress forwarder when `<dataDir>/wordpress.json` exists. Default true. */
  forwardToWordPress?: boolean;
}

export interface PublicSite {
  /** HQ's workflow calls publisher.publish / correct / withdraw on Terbit / Dikoreksi / Ditarik. */
  publisher: Publisher;
  store: SqlitePublicationStore;
  deps: PublicSiteDeps;
  /** Present when `<dataDir>/wordpress.json` configures offices to forward to. */
  wordpress: WordPressForwarder | null;
  close(): void;
}

/** The public site's state: its tables and the publisher. Register its routes with registerPublicSite. */
export function openPublicSite(o: OpenPublicSiteOptions): PublicSite {
  const origin = publicOriginSettings({ baseUrl: o.baseUrl, allowedOrigins: o.allowedOrigins });
  mkdirSync(o.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const store = openPublicationStore(o.db ?? join(o.dataDir, 'public.sqlite'));
  const publisher = new Publisher(store, o.now);
  const deps: PublicSiteDeps = {
    publisher,
    attachments: o.attachments,
    mediaCacheDir: join(o.dataDir, 'public-media'),
    // The public origin behind a proxy/CDN, or the allowed ones; never the request's Host.
    ...origin,
    ...(o.siteName !== undefined ? { siteName: o.siteName } : {}),
    ...(o.perPage !== undefined ? { perPage: o.perPage } : {}),
    ...(o.renderCache !== undefined ? { renderCache: o.renderCache } : {}),
    ...(o.now !== undefined ? { now: o.now } : {}),
  };
  const wpConfig = o.forwardToWordPress === false ? null : readWordPressConfig(join(o.dataDir, 'wordpress.json'));
  let wordpress: WordPressForwarder | null = null;
  if (wpConfig && wpConfig.offices.length) {
    const baseUrl = deps.baseUrl ?? deps.allowedOrigins?.[0] ?? 'http://127.0.0.1';
    wordpress = new WordPressForwarder(store, wpConfig, { baseUrl, ...(o.now ? { now: o.now } : {}) });
    const forwarder = wordpress;
    publisher.afterSave((pub) => forwarder.enqueue(pub));
    forwarder.start();
  }
  return {
    publisher,
    store,
    deps,
    wordpress,
    close: () => {
      void wordpress?.stop();
      store.close();
    },
  };
}

/**
 * Mounts /berita, /berita/<slug>, /kantor/<office>[/feed.xml], /feed.xml, /sitemap.xml,
 * /api/v1/releases[/<id|slug>], /media/<sha256>/<size>.<ext> and the stylesheet, in their own
 * encapsulated scope (the CSP and other headers apply only there).
 */
export async function registerPublicSite(app: FastifyInstance, site: PublicSite | PublicSiteDeps): Promise<void> {
  const deps = 'deps' in site ? site.deps : site;
  // Two log lines for every page read would drown HQ's own log at a public site's rates; the
  // proxy or CDN in front keeps the access log. Warnings and errors are still logged.
  await app.register(async (scope) => registerPublicRoutes(scope, deps), { logLevel: 'warn' });
}
