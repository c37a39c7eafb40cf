import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Category } from '../../../shared/domain';
import { CATEGORY_LABELS_ID } from '../../../shared/domain/labels';
import { renderRss } from '../feeds/rss';
import { renderSitemap } from '../feeds/sitemap';
import { filtersOf, ListQuerySchema, OptionalSlugSchema } from './query';
import type { Site } from './site';

/** RSS for the whole site, one office or one category, and the sitemap. */
export function registerFeedRoutes(app: FastifyInstance, site: Site): void {
  const { store, siteName } = site;

  const feed = async (
    req: FastifyRequest,
    reply: FastifyReply,
    officeSlug: string | undefined,
    category: Category | undefined,
  ) => {
    const list = site.listing(req, reply, 'feed', officeSlug, category);
    if (!list) return reply;
    const { t, ctx, stamp, key } = list;
    const office = officeSlug ? store.offices(t).find((o) => o.slug === officeSlug) : undefined;
    if (officeSlug && !office) return site.notFound(req, reply);
    const xml = site.cached(key, () => {
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
    const slug = OptionalSlugSchema.parse(req.params.office);
    if (!slug) return site.notFound(req, reply);
    return feed(req, reply, slug, undefined);
  });

  app.get('/sitemap.xml', async (req, reply) => {
    const list = site.listing(req, reply, 'sitemap');
    if (!list) return reply;
    const { t, ctx, key } = list;
    const xml = site.cached(key, () => renderSitemap(ctx, store.list({ now: t, offset: 0, limit: 50_000 }).items));
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
}
