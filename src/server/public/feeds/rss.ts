import { httpDate } from '../format/dates';
import { rfc822 } from '../../../shared/time';
import { mediaPath, BODY_IMAGE_SIZE } from '../media/sizes';
import { articlePath } from '../pages/article-page';
import { releaseFieldsHtml } from '../pages/release-fields';
import { CATEGORY_LABELS_ID } from '../../../shared/domain/labels';
import type { SiteContext } from '../pages/html';
import type { Publication } from '../types';
import { xmlEsc } from './xml';

/**
 * RSS 2.0 with content:encoded (the gate's sanitized HTML, escaped — never CDATA, so no
 * "]]>" in a body can break out), dc:creator for the byline and atom:link rel=self.
 */
export function renderRss(
  site: SiteContext,
  opts: {
    title: string;
    description: string;
    selfPath: string;
    linkPath: string;
    items: Publication[];
    lastBuild: string | null;
  },
): string {
  const abs = (p: string) => site.baseUrl + p;
  const items = opts.items.map((p) => {
    const url = abs(articlePath(p.slug));
    // Relative media URLs inside the body are made absolute: feed readers have no base.
    const html = p.bodyHtml.replace(
      /(src|srcset)="(\/media\/[^"]*)"/g,
      (_m, attr: string, v: string) => `${attr}="${v.replace(/\/media\//g, `${site.baseUrl}/media/`)}"`,
    );
    const parts = [
      `<title>${xmlEsc(p.title)}</title>`,
      `<link>${xmlEsc(url)}</link>`,
      `<guid isPermaLink="false">urn:uuid:${xmlEsc(p.id)}</guid>`,
      // In the office's own zone (+0900 for WIT), as the office's readers expect it.
      `<pubDate>${rfc822(p.visibleFrom, p.timeZone)}</pubDate>`,
      `<description>${xmlEsc(p.summary || p.bodyText.slice(0, 300))}</description>`,
      `<content:encoded>${xmlEsc(html + releaseFieldsHtml(p))}</content:encoded>`,
      `<category>${xmlEsc(CATEGORY_LABELS_ID[p.category])}</category>`,
      ...p.tags.map((t) => `<category domain="${xmlEsc(abs('/berita?tag='))}">${xmlEsc(t)}</category>`),
      `<source url="${xmlEsc(abs(`/kantor/${encodeURIComponent(p.officeSlug)}/feed.xml`))}">${xmlEsc(p.office)}</source>`,
    ];
    if (p.byline) parts.push(`<dc:creator>${xmlEsc(p.byline)}</dc:creator>`);
    if (p.leadImage)
      parts.push(
        `<enclosure url="${xmlEsc(abs(mediaPath(p.leadImage.attachment, BODY_IMAGE_SIZE)))}" length="0" type="image/jpeg"/>`,
      );
    return `<item>\n${parts.join('\n')}\n</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xmlEsc(opts.title)}</title>
<link>${xmlEsc(abs(opts.linkPath))}</link>
<description>${xmlEsc(opts.description)}</description>
<language>id</language>
<atom:link href="${xmlEsc(abs(opts.selfPath))}" rel="self" type="application/rss+xml"/>
${opts.lastBuild ? `<lastBuildDate>${httpDate(opts.lastBuild)}</lastBuildDate>\n` : ''}<ttl>10</ttl>
${items.join('\n')}
</channel>
</rss>
`;
}
