import type { FastifyInstance } from 'fastify';
import { ReleasesPageSchema, toNinjs, type ReleasesPage } from '../feeds/ninjs';
import type { Publication } from '../types';
import { etagOf, notModified } from './conditional';
import { filtersOf, ListQuerySchema } from './query';
import { LIST_CACHE, type Site } from './site';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The read-only JSON API (ninjs): pages of releases and one release by id or slug. */
export function registerApiRoutes(app: FastifyInstance, site: Site): void {
  const { publisher, store } = site;

  app.get('/api/v1/releases', async (req, reply) => {
    const q = ListQuerySchema.parse(req.query);
    const f = filtersOf(q);
    const size = q.perPage ?? site.perPage;
    const list = site.listing(req, reply, 'api', f.officeSlug, f.category, f.tag, f.page, size);
    if (!list) return reply;
    const { t, ctx, key } = list;
    const json = site.cached(key, () => {
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
    return reply.type(JSON_TYPE).send(json);
  });

  app.get<{ Params: { key: string } }>('/api/v1/releases/:key', async (req, reply) => {
    const t = site.now();
    const p = publisher.fresh(store.get(req.params.key) ?? store.getBySlug(req.params.key));
    const json = (code: number, body: unknown) => reply.code(code).type(JSON_TYPE).send(JSON.stringify(body));
    if (!p || p.visibleFrom > t || (p.state === 'ditarik' && (p.withdrawnAt ?? '') < p.visibleFrom)) {
      return json(404, { error: { code: 'not_found', message: 'Berita tidak ditemukan.' } });
    }
    if (p.state === 'ditarik')
      return json(410, { error: { code: 'withdrawn', message: 'Berita telah ditarik.' }, withdrawnAt: p.withdrawnAt });
    const ctx = site.context(req);
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
}
