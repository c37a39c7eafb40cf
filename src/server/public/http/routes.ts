import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CategorySchema, isSha256 } from '../../../shared/domain';
import { renderRss } from '../feeds/rss';
import { renderSitemap } from '../feeds/sitemap';
import { ReleasesPageSchema, toNinjs } from '../feeds/ninjs';
import type { ReleasesPage } from '../feeds/ninjs';
import { ImageRenditions, MediaNotFound } from '../media/images';
import { isImageFormat, isImageSize } from '../media/sizes';
import { formatViews, renderArticleParts, renderNoticePage } from '../pages/article-page';
import { CATEGORY_LABELS_ID } from '../../../shared/domain/labels';
import { renderIndexPage } from '../pages/index-page';
import type { SiteContext } from '../pages/html';
import { SITE_CSS, SITE_CSS_PATH } from '../pages/site-css';
import type { Publisher } from '../publisher';
import type { AttachmentSource, Publication } from '../types';
import { ViewCounter } from '../views/counter';
import { etagOf, notModified, RenderCache } from './conditional';

export interface PublicSiteDeps {
  publisher: Publisher;
  /** HQ's attachment store (source bytes of images). */
  attachments: AttachmentSource;
  /** Where resized images are cached, e.g. `<data-dir>/public-media`. */
  mediaCacheDir: string;
  /** Public origin for absolute URLs (feeds, Open Graph). Default: from the request's Host. */
  baseUrl?: string;
  siteName?: string;
  perPage?: number;
  /** Cache rendered pages in memory (keyed by content version). Default true. */
  renderCache?: boolean;
  now?: () => Date;
}

/**
 * Strict by default: no script at all, styles and images only from this origin. Pages work
 * without JavaScript, so nothing is lost.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const HTML = 'text/html; charset=utf-8';
const LIST_CACHE = 'public, max-age=60, stale-while-revalidate=300';
/** Articles revalidate every time: the view count is part of the page (304 keeps it cheap). */
const ARTICLE_CACHE = 'public, no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Images: content-addressed, but a withdrawal must be able to take them down within a day. */
const MEDIA_CACHE = 'public, max-age=86400';

const pageNum = z.coerce.number().int().min(1).max(10_000).catch(1);
const optSlug = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/)
  .optional()
  .catch(undefined);
const ListQuerySchema = z.object({
  kantor: optSlug,
  office: optSlug,
  kategori: CategorySchema.optional().catch(undefined),
  category: CategorySchema.optional().catch(undefined),
  tag: z.string().trim().min(1).max(60).optional().catch(undefined),
  halaman: pageNum.optional(),
  page: pageNum.optional(),
  perPage: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
type ListQueryIn = z.infer<typeof ListQuerySchema>;

const filtersOf = (q: ListQueryIn) => ({
  officeSlug: q.kantor ?? q.office,
  category: q.kategori ?? q.category,
  tag: q.tag,
  page: q.halaman ?? q.page ?? 1,
});

export async function registerPublicRoutes(app: FastifyInstance, deps: PublicSiteDeps): Promise<void> {
  const { publisher } = deps;
  const store = publisher.store;
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();
  const perPage = deps.perPage ?? 20;
  const siteName = deps.siteName ?? 'Berita Terkini';
  const counter = new ViewCounter(store);
  const images = new ImageRenditions(deps.attachments, deps.mediaCacheDir);
  const useCache = deps.renderCache !== false;
  const pages = new RenderCache<string>(1000);
  const articles = new RenderCache<[string, string]>(1000);

  const site = (req: FastifyRequest): SiteContext => {
    if (deps.baseUrl) return { baseUrl: deps.baseUrl.replace(/\/+$/, ''), siteName };
    const host = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(req.host) ? req.host : 'localhost';
    return { baseUrl: `${req.protocol}://${host}`, siteName };
  };

  const cached = (key: string, make: () => string): string => {
    if (!useCache) return make();
    let v = pages.get(key);
    if (v === undefined) {
      v = make();
      pages.set(key, v);
    }
    return v;
  };

  /** Security headers on everything this plugin answers. */
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    return payload;
  });

  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(404)
      .header('cache-control', 'public, max-age=60')
      .type(HTML)
      .send(renderNoticePage(site(req), 'not-found'));

  // ---- stylesheet -------------------------------------------------------------------------
  app.get(SITE_CSS_PATH, async (_req, reply) =>
    reply.header('cache-control', IMMUTABLE).type('text/css; charset=utf-8').send(SITE_CSS),
  );

  // ---- index ------------------------------------------------------------------------------
  app.get('/berita', async (req, reply) => {
    const filters = filtersOf(ListQuerySchema.parse(req.query));
    const t = now();
    const stamp = store.stamp(t);
    const ctx = site(req);
    const key = [
      'index',
      ctx.baseUrl,
      filters.officeSlug,
      filters.category,
      filters.tag,
      filters.page,
      stamp.seq,
      stamp.count,
      stamp.lastModified,
    ].join('|');
    const etag = etagOf(key);
    if (notModified(req, reply, { etag, lastModified: stamp.lastModified, cacheControl: LIST_CACHE })) return reply;
    const html = cached(key, () => {
      const { items, total } = store.list({
        now: t,
        officeSlug: filters.officeSlug,
        category: filters.category,
        tag: filters.tag,
        offset: (filters.page - 1) * perPage,
        limit: perPage,
      });
      return renderIndexPage(ctx, { items, total, perPage, filters, offices: store.offices(t) });
    });
    return reply.type(HTML).send(html);
  });

  app.get('/berita/', async (_req, reply) => reply.redirect('/berita', 301));

  app.get('/robots.txt', async (req, reply) =>
    reply
      .header('cache-control', 'public, max-age=86400')
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nAllow: /berita\nDisallow: /api/\nAllow: /api/v1/releases\n\nSitemap: ${site(req).baseUrl}/sitemap.xml\n`,
      ),
  );

  app.get<{ Params: { office: string } }>('/kantor/:office', async (req, reply) =>
    reply.redirect(`/berita?kantor=${encodeURIComponent(req.params.office)}`, 301),
  );

  // ---- article ----------------------------------------------------------------------------
  app.get<{ Params: { slug: string } }>('/berita/:slug', async (req, reply) => {
    const t = now();
    const found = publisher.fresh(store.getBySlug(req.params.slug));
    if (!found) return notFound(req, reply);
    if (found.state === 'ditarik') {
      // Withdrawn: 410 with a notice — but only if the public ever saw it; otherwise it never existed.
      if ((found.withdrawnAt ?? '') < found.visibleFrom) return notFound(req, reply);
      return reply
        .code(410)
        .header('cache-control', LIST_CACHE)
        .type(HTML)
        .send(renderNoticePage(site(req), 'gone', found));
    }
    if (found.visibleFrom > t) return notFound(req, reply); // embargoed: not there yet
    // Synchronous from read to count (no await between), so this is the stored count.
    const counted = req.method === 'GET' && counter.count(found.id, req.ip, req.headers['user-agent'], t);
    const views = found.views + (counted ? 1 : 0);
    const ctx = site(req);
    const etag = etagOf('article', ctx.baseUrl, found.id, found.version, views);
    const lastModified = found.lastModifiedAt > found.visibleFrom ? found.lastModifiedAt : found.visibleFrom;
    // The ETag carries the view count; Last-Modified is the content's (an If-Modified-Since-only
    // client may see a count a little behind, which is fine for a cache).
    if (notModified(req, reply, { etag, lastModified, cacheControl: ARTICLE_CACHE })) return reply;
    const key = `${ctx.baseUrl}|${found.id}|${found.version}`;
    let parts = useCache ? articles.get(key) : undefined;
    if (!parts) {
      parts = renderArticleParts(ctx, found);
      if (useCache) articles.set(key, parts);
    }
    return reply.type(HTML).send(parts[0] + formatViews(views) + parts[1]);
  });

  // ---- feeds ------------------------------------------------------------------------------
  const feed = async (
    req: FastifyRequest,
    reply: FastifyReply,
    officeSlug: string | undefined,
    category: z.infer<typeof CategorySchema> | undefined,
  ) => {
    const t = now();
    const stamp = store.stamp(t);
    const ctx = site(req);
    const key = ['feed', ctx.baseUrl, officeSlug, category, stamp.seq, stamp.count, stamp.lastModified].join('|');
    if (notModified(req, reply, { etag: etagOf(key), lastModified: stamp.lastModified, cacheControl: LIST_CACHE }))
      return reply;
    const office = officeSlug ? store.offices(t).find((o) => o.slug === officeSlug) : undefined;
    if (officeSlug && !office) return notFound(req, reply);
    const xml = cached(key, () => {
      const { items } = store.list({ now: t, officeSlug, category, offset: 0, limit: 50 });
      const selfPath = officeSlug
        ? `/kantor/${encodeURIComponent(officeSlug)}/feed.xml`
        : category
          ? `/feed.xml?kategori=${category}`
          : '/feed.xml';
      return renderRss(ctx, {
        title: [siteName, office?.name, category ? CATEGORY_LABELS_ID[category] : undefined]
          .filter(Boolean)
          .join(' – '),
        description: `Berita dan siaran pers terbaru${office ? ` dari ${office.name}` : ' Komisi Pemilihan Umum'}.`,
        selfPath,
        linkPath: officeSlug ? `/berita?kantor=${encodeURIComponent(officeSlug)}` : '/berita',
        items,
        lastBuild: stamp.lastModified,
      });
    });
    return reply.type('application/rss+xml; charset=utf-8').send(xml);
  };
  app.get('/feed.xml', async (req, reply) => {
    const q = filtersOf(ListQuerySchema.parse(req.query));
    return feed(req, reply, q.officeSlug, q.category);
  });
  app.get<{ Params: { office: string } }>('/kantor/:office/feed.xml', async (req, reply) => {
    const slug = optSlug.parse(req.params.office);
    if (!slug) return notFound(req, reply);
    return feed(req, reply, slug, undefined);
  });

  // ---- API --------------------------------------------------------------------------------
  app.get('/api/v1/releases', async (req, reply) => {
    const q = ListQuerySchema.parse(req.query);
    const f = filtersOf(q);
    const size = q.perPage ?? perPage;
    const t = now();
    const stamp = store.stamp(t);
    const ctx = site(req);
    const key = [
      'api',
      ctx.baseUrl,
      f.officeSlug,
      f.category,
      f.tag,
      f.page,
      size,
      stamp.seq,
      stamp.count,
      stamp.lastModified,
    ].join('|');
    if (notModified(req, reply, { etag: etagOf(key), lastModified: stamp.lastModified, cacheControl: LIST_CACHE }))
      return reply;
    const json = cached(key, () => {
      const { items, total } = store.list({
        now: t,
        officeSlug: f.officeSlug,
        category: f.category,
        tag: f.tag,
        offset: (f.page - 1) * size,
        limit: size,
      });
      const params = new URLSearchParams();
      if (f.officeSlug) params.set('office', f.officeSlug);
      if (f.category) params.set('category', f.category);
      if (f.tag) params.set('tag', f.tag);
      params.set('perPage', String(size));
      params.set('page', String(f.page + 1));
      const body: ReleasesPage = {
        items: items.map((p) => toNinjs(ctx, publisher.fresh(p) as Publication)),
        page: f.page,
        perPage: size,
        total,
        next: f.page * size < total ? `${ctx.baseUrl}/api/v1/releases?${params}` : null,
      };
      return JSON.stringify(ReleasesPageSchema.parse(body));
    });
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.get<{ Params: { key: string } }>('/api/v1/releases/:key', async (req, reply) => {
    const t = now();
    const p = publisher.fresh(store.get(req.params.key) ?? store.getBySlug(req.params.key));
    const json = (code: number, body: unknown) =>
      reply.code(code).type('application/json; charset=utf-8').send(JSON.stringify(body));
    if (!p || p.visibleFrom > t || (p.state === 'ditarik' && (p.withdrawnAt ?? '') < p.visibleFrom)) {
      return json(404, { error: { code: 'not_found', message: 'Berita tidak ditemukan.' } });
    }
    if (p.state === 'ditarik')
      return json(410, { error: { code: 'withdrawn', message: 'Berita telah ditarik.' }, withdrawnAt: p.withdrawnAt });
    const ctx = site(req);
    if (
      notModified(req, reply, {
        etag: etagOf('api-item', ctx.baseUrl, p.id, p.version),
        lastModified: p.lastModifiedAt,
        cacheControl: LIST_CACHE,
      })
    )
      return reply;
    return json(200, toNinjs(ctx, p));
  });

  // ---- sitemap ----------------------------------------------------------------------------
  app.get('/sitemap.xml', async (req, reply) => {
    const t = now();
    const stamp = store.stamp(t);
    const ctx = site(req);
    const key = ['sitemap', ctx.baseUrl, stamp.seq, stamp.count, stamp.lastModified].join('|');
    if (notModified(req, reply, { etag: etagOf(key), lastModified: stamp.lastModified, cacheControl: LIST_CACHE }))
      return reply;
    const xml = cached(key, () => renderSitemap(ctx, store.list({ now: t, offset: 0, limit: 50_000 }).items));
    return reply.type('application/xml; charset=utf-8').send(xml);
  });

  // ---- images -----------------------------------------------------------------------------
  app.get<{ Params: { sha: string; file: string } }>('/media/:sha/:file', async (req, reply) => {
    const { sha, file } = req.params;
    const m = /^([a-z0-9]+)\.([a-z]+)$/.exec(file);
    const size = m?.[1] ?? '';
    const format = m?.[2] ?? '';
    if (!isSha256(sha) || !isImageSize(size) || !isImageFormat(format)) return notFound(req, reply);
    // Only images the public can see: not a draft's, not an embargoed or withdrawn release's.
    if (!store.mediaVisible(sha, now())) return notFound(req, reply);
    let path: string;
    try {
      path = await images.rendition(sha, size, format);
    } catch (err) {
      if (err instanceof MediaNotFound) return notFound(req, reply);
      throw err;
    }
    const etag = `"${sha.slice(0, 16)}-${size}-${format}"`;
    if (notModified(req, reply, { etag, lastModified: null, cacheControl: MEDIA_CACHE })) return reply;
    return reply.type(format === 'webp' ? 'image/webp' : 'image/jpeg').send(createReadStream(path));
  });
}
