import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SiteContext } from '../pages/html';
import { renderNoticePage } from '../pages/article-page';
import type { Publisher } from '../publisher';
import type { AttachmentSource, PublicationStore, VisibleStamp } from '../types';
import { etagOf, notModified, RenderCache } from './conditional';

export interface PublicSiteDeps {
  publisher: Publisher;
  /** HQ's attachment store (source bytes of images). */
  attachments: AttachmentSource;
  /** Where resized images are cached, e.g. `<data-dir>/public-media`. */
  mediaCacheDir: string;
  /** Public origin for absolute URLs (feeds, Open Graph). */
  baseUrl?: string;
  /**
   * Without `baseUrl`: the origins this site answers as (e.g. https://berita.kpu.go.id). A
   * request naming one of them gets links to it; any other Host gets links to the first.
   */
  allowedOrigins?: readonly string[];
  siteName?: string;
  perPage?: number;
  /** Cache rendered pages in memory (keyed by content version). Default true. */
  renderCache?: boolean;
  now?: () => Date;
}

export const HTML = 'text/html; charset=utf-8';
export const LIST_CACHE = 'public, max-age=60, stale-while-revalidate=300';

/** A list answer about to be rendered: the key names this exact content for the ETag and the cache. */
interface Listing {
  t: string;
  ctx: SiteContext;
  stamp: VisibleStamp;
  key: string;
}

/** What every public route shares: the store, the site's origin and name, the render cache, the 404 page. */
export interface Site {
  publisher: Publisher;
  store: PublicationStore;
  perPage: number;
  siteName: string;
  useCache: boolean;
  now(): string;
  context(req: FastifyRequest): SiteContext;
  /** The rendered answer under `key`, made once while the cache is on. */
  cached<T extends string | Buffer>(key: string, make: () => T): T;
  notFound(req: FastifyRequest, reply: FastifyReply): FastifyReply;
  /**
   * Lists change only when a publication does, so the store's stamp versions them. Returns null
   * when the client's copy is current and a 304 has been sent.
   */
  listing(req: FastifyRequest, reply: FastifyReply, kind: string, ...parts: unknown[]): Listing | null;
}

/**
 * Unconfigured (development): the address the connection actually reached, never the Host
 * header, which the client writes and a shared cache would then serve to everyone.
 */
function localOrigin(req: FastifyRequest): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort ?? 80}`;
}

export function createSite(deps: PublicSiteDeps): Site {
  const { publisher } = deps;
  const store = publisher.store;
  const siteName = deps.siteName ?? 'Berita Terkini';
  const useCache = deps.renderCache !== false;
  const pages = new RenderCache<string | Buffer>(1000);
  // A list's key names its exact content, so its ETag is worked out once per key.
  const etags = new RenderCache<string>(1000);
  const etagFor = (key: string): string => {
    let etag = etags.get(key);
    if (etag === undefined) {
      etag = etagOf(key);
      etags.set(key, etag);
    }
    return etag;
  };
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();

  const origins = (deps.allowedOrigins ?? []).map((o) => new URL(o));
  const context = (req: FastifyRequest): SiteContext => {
    if (deps.baseUrl) return { baseUrl: deps.baseUrl.replace(/\/+$/, ''), siteName };
    const first = origins[0];
    if (first) {
      const named = origins.find((o) => o.host === req.host.toLowerCase()) ?? first;
      return { baseUrl: named.origin, siteName };
    }
    return { baseUrl: localOrigin(req), siteName };
  };

  return {
    publisher,
    store,
    perPage: deps.perPage ?? 20,
    siteName,
    useCache,
    now,
    context,
    cached<T extends string | Buffer>(key: string, make: () => T): T {
      if (!useCache) return make();
      let v = pages.get(key) as T | undefined;
      if (v === undefined) {
        v = make();
        pages.set(key, v);
      }
      return v;
    },
    notFound: (req, reply) =>
      reply
        .code(404)
        .header('cache-control', 'public, max-age=60')
        .type(HTML)
        .send(renderNoticePage(context(req), 'not-found')),
    listing(req, reply, kind, ...parts) {
      const t = now();
      const stamp = store.stamp(t);
      const ctx = context(req);
      const key = [kind, ctx.baseUrl, ...parts, stamp.seq, stamp.count, stamp.lastModified].join('|');
      if (notModified(req, reply, { etag: etagFor(key), lastModified: stamp.lastModified, cacheControl: LIST_CACHE }))
        return null;
      return { t, ctx, stamp, key };
    },
  };
}
