import type { FastifyInstance } from 'fastify';
import { formatViews, renderArticleParts, renderNoticePage } from '../pages/article-page';
import { renderIndexPage } from '../pages/index-page';
import { SITE_CSS, SITE_CSS_PATH } from '../pages/site-css';
import { RENDER_VERSION } from '../render/gate';
import type { Publication, PublicationHead } from '../types';
import { ViewCounter } from '../views/counter';
import { etagOf, notModified, RenderCache } from './conditional';
import { filtersOf, ListQuerySchema } from './query';
import { HTML, LIST_CACHE, type Site } from './site';

/** Articles revalidate every time: the view count is part of the page (304 keeps it cheap). */
const ARTICLE_CACHE = 'public, no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const hasQuery = (query: unknown): boolean => {
  for (const _ in query as object) return true;
  return false;
};

/** The HTML site: stylesheet, the index with its filters, articles, and the small fixed answers. */
export function registerPageRoutes(app: FastifyInstance, site: Site): void {
  const { publisher, store, perPage } = site;
  const counter = new ViewCounter(store);
  const articles = new RenderCache<[Buffer, Buffer]>(1000);

  app.get(SITE_CSS_PATH, async (_req, reply) =>
    reply.header('cache-control', IMMUTABLE).type('text/css; charset=utf-8').send(SITE_CSS),
  );

  app.get('/berita', async (req, reply) => {
    const filters = filtersOf(hasQuery(req.query) ? ListQuerySchema.parse(req.query) : {});
    const list = site.listing(req, reply, 'index', filters.officeSlug, filters.category, filters.tag, filters.page);
    if (!list) return reply;
    const { t, ctx, key } = list;
    const html = site.cached(key, () => {
      const { items, total } = store.list({
        now: t,
        officeSlug: filters.officeSlug,
        category: filters.category,
        tag: filters.tag,
        offset: (filters.page - 1) * perPage,
        limit: perPage,
      });
      // Encoded once: the cached answer is written as it is, not turned into bytes per request.
      return Buffer.from(renderIndexPage(ctx, { items, total, perPage, filters, offices: store.offices(t) }));
    });
    return reply.type(HTML).send(html);
  });

  app.get('/berita/', async (_req, reply) => reply.redirect('/berita', 301));

  app.get('/robots.txt', async (req, reply) =>
    reply
      .header('cache-control', 'public, max-age=86400')
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nAllow: /berita\nDisallow: /api/\nAllow: /api/v1/releases\n\nSitemap: ${site.context(req).baseUrl}/sitemap.xml\n`,
      ),
  );

  app.get<{ Params: { office: string } }>('/kantor/:office', async (req, reply) =>
    reply.redirect(`/berita?kantor=${encodeURIComponent(req.params.office)}`, 301),
  );

  app.get<{ Params: { slug: string } }>('/berita/:slug', async (req, reply) => {
    const t = site.now();
    const { slug } = req.params;
    // The head alone decides the answer; the text is read only to render a page not cached.
    let found: PublicationHead | null = store.headBySlug(slug);
    let full: Publication | null = null;
    const publication = (): Publication | null => (full ??= publisher.fresh(store.getBySlug(slug)));
    if (found && found.renderVersion !== RENDER_VERSION) found = publication();
    if (!found) return site.notFound(req, reply);
    if (found.state === 'ditarik') {
      // Withdrawn: 410 with a notice — but only if the public ever saw it; otherwise it never existed.
      if ((found.withdrawnAt ?? '') < found.visibleFrom) return site.notFound(req, reply);
      return reply
        .code(410)
        .header('cache-control', LIST_CACHE)
        .type(HTML)
        .send(renderNoticePage(site.context(req), 'gone', publication() ?? undefined));
    }
    if (found.visibleFrom > t) return site.notFound(req, reply); // embargoed: not there yet
    // Synchronous from read to count (no await between), so this is the stored count.
    const counted = req.method === 'GET' && counter.count(found.id, req.ip, req.headers['user-agent'], t);
    const views = found.views + (counted ? 1 : 0);
    const ctx = site.context(req);
    const etag = etagOf('article', ctx.baseUrl, found.id, found.version, views);
    const lastModified = found.lastModifiedAt > found.visibleFrom ? found.lastModifiedAt : found.visibleFrom;
    // The ETag carries the view count; Last-Modified is the content's (an If-Modified-Since-only
    // client may see a count a little behind, which is fine for a cache).
    if (notModified(req, reply, { etag, lastModified, cacheControl: ARTICLE_CACHE })) return reply;
    const key = `${ctx.baseUrl}|${found.id}|${found.version}`;
    let parts = site.useCache ? articles.get(key) : undefined;
    if (!parts) {
      const pub = publication();
      if (!pub) return site.notFound(req, reply);
      const [before, after] = renderArticleParts(ctx, pub);
      parts = [Buffer.from(before), Buffer.from(after)];
      if (site.useCache) articles.set(key, parts);
    }
    return reply.type(HTML).send(Buffer.concat([parts[0], Buffer.from(formatViews(views)), parts[1]]));
  });
}
