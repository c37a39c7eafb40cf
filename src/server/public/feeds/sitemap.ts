import { articlePath } from '../pages/article-page';
import type { SiteContext } from '../pages/html';
import type { Publication } from '../types';
import { xmlEsc } from './xml';

/** sitemaps.org 0.9: the index page and every visible article with its last modification. */
export function renderSitemap(site: SiteContext, items: Publication[]): string {
  const urls = [
    `<url><loc>${xmlEsc(site.baseUrl + '/berita')}</loc><changefreq>hourly</changefreq></url>`,
    ...items.map(
      (p) =>
        `<url><loc>${xmlEsc(site.baseUrl + articlePath(p.slug))}</loc><lastmod>${xmlEsc(p.lastModifiedAt > p.visibleFrom ? p.lastModifiedAt : p.visibleFrom)}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
