import { randomBytes } from 'node:crypto';
import { dateline } from '../../../shared/text/dateline';
import { longDate, longDateTime } from '../format/dates';
import { mediaPath, SHARE_SIZE, BODY_IMAGE_SIZE, srcsetFor } from '../media/sizes';
import type { Publication } from '../types';
import { esc, layout } from './html';
import type { SiteContext } from './html';
import { CATEGORY_LABELS_ID } from '../../../shared/domain/labels';
import { indexQuery } from './index-page';
import { releaseFieldsHtml } from './release-fields';

/** Where the live view count goes; random per process so no content can forge it. */
const VIEWS_SLOT = `views-${randomBytes(12).toString('hex')}`;

export const articlePath = (slug: string): string => `/berita/${encodeURIComponent(slug)}`; // slugs are [a-z0-9-]

const description = (p: Publication): string => {
  const s = p.summary || p.bodyText;
  return s.length > 200 ? `${s.slice(0, 197).trimEnd()}…` : s;
};

/** RFC 3986 strict: also ! ' ( ) * — share URLs carry titles, which may hold anything. */
const enc = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function shareLinks(url: string, title: string): { facebook: string; x: string; whatsapp: string } {
  const u = enc(url);
  return {
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    x: `https://x.com/intent/post?url=${u}&text=${enc(title)}`,
    whatsapp: `https://wa.me/?text=${enc(`${title} ${url}`)}`,
  };
}

/**
 * The article page as two halves around the view count: the halves depend only on the release
 * version and the site, so they are rendered once and cached; the count is filled in per request.
 */
export function renderArticleParts(site: SiteContext, p: Publication): [string, string] {
  const path = articlePath(p.slug);
  const url = site.baseUrl + path;
  const share = shareLinks(url, p.title);
  const lead = p.leadImage;
  const leadHtml = lead
    ? `<figure class="lead"><img src="${esc(mediaPath(lead.attachment, BODY_IMAGE_SIZE))}" srcset="${esc(srcsetFor(lead.attachment))}" sizes="(max-width: 720px) 100vw, 720px" alt="${esc(lead.alt || lead.caption)}" decoding="async">${
        lead.caption || lead.credit
          ? `<figcaption>${lead.caption ? `<span class="caption">${esc(lead.caption)}</span>` : ''}${lead.credit ? `<span class="credit">${esc(lead.credit)}</span>` : ''}</figcaption>`
          : ''
      }</figure>`
    : '';
  const corrections = p.corrections.length
    ? `<aside class="notice" role="note" aria-label="Koreksi">${p.corrections
        .map(
          (c) =>
            `<p><strong>Dikoreksi pada <time datetime="${esc(c.at)}">${esc(longDateTime(c.at, p.timeZone))}</time>:</strong> ${esc(c.note)}</p>`,
        )
        .join('')}</aside>`
    : '';
  const tags = p.tags.length
    ? `<ul class="tags" aria-label="Tag">${p.tags.map((t) => `<li><a href="${esc(indexQuery({ tag: t, page: 1 }, 1))}">${esc(t)}</a></li>`).join('')}</ul>`
    : '';
  const main = `<article>
<a class="kicker" href="${esc(indexQuery({ category: p.category, page: 1 }, 1))}">${esc(CATEGORY_LABELS_ID[p.category])}</a>
<h1>${esc(p.title)}</h1>
<p class="meta"><span><a href="${esc(indexQuery({ officeSlug: p.officeSlug, page: 1 }, 1))}">${esc(p.office)}</a></span>${p.byline ? `<span>${esc(p.byline)}</span>` : ''}<span><time datetime="${esc(p.date)}">${esc(longDate(p.date))}</time></span></p>
${corrections}
${leadHtml}
<div class="body">
<p class="dateline">${esc(dateline(p.dateline, p.date))}</p>
${p.bodyHtml}
${releaseFieldsHtml(p)}
</div>
<p class="meta">Diterbitkan <time datetime="${esc(p.visibleFrom)}">${esc(longDateTime(p.visibleFrom, p.timeZone))}</time>${
    p.lastModifiedAt > p.visibleFrom && p.corrections.length
      ? ` · Diperbarui <time datetime="${esc(p.lastModifiedAt)}">${esc(longDateTime(p.lastModifiedAt, p.timeZone))}</time>`
      : ''
  }</p>
${tags}
<nav class="share" aria-label="Bagikan">
<a class="fb" href="${esc(share.facebook)}" target="_blank" rel="noopener noreferrer">Bagikan ke Facebook</a>
<a class="x" href="${esc(share.x)}" target="_blank" rel="noopener noreferrer">Bagikan ke X</a>
<a class="wa" href="${esc(share.whatsapp)}" target="_blank" rel="noopener noreferrer">Bagikan ke WhatsApp</a>
</nav>
<p class="views">Telah dilihat ${VIEWS_SLOT} kali</p>
</article>`;
  const html = layout(
    site,
    {
      title: `${p.title} – ${site.siteName}`,
      description: description(p),
      canonicalPath: path,
      og: {
        type: 'article',
        title: p.title,
        image: lead
          ? { url: site.baseUrl + mediaPath(lead.attachment, SHARE_SIZE), alt: lead.alt || lead.caption || p.title }
          : null,
        publishedTime: p.visibleFrom,
        modifiedTime: p.lastModifiedAt,
        section: CATEGORY_LABELS_ID[p.category],
        tags: p.tags,
      },
      feedPath: `/kantor/${encodeURIComponent(p.officeSlug)}/feed.xml`,
    },
    main,
  );
  const at = html.indexOf(VIEWS_SLOT);
  return [html.slice(0, at), html.slice(at + VIEWS_SLOT.length)];
}

/** Made once: a formatter costs far more to build than the rest of a cached article answer. */
const VIEWS_FORMAT = new Intl.NumberFormat('id-ID');
export const formatViews = (n: number): string => VIEWS_FORMAT.format(n);

/** 410 for a withdrawn release, 404 for anything not (yet) public. */
export function renderNoticePage(site: SiteContext, kind: 'gone' | 'not-found', p?: Publication): string {
  if (kind === 'gone' && p) {
    const main = `<h1>Berita ditarik</h1>
<div class="notice" role="note"><p>Berita <strong>${esc(p.title)}</strong> dari ${esc(p.office)} telah ditarik pada <time datetime="${esc(p.withdrawnAt ?? '')}">${esc(longDateTime(p.withdrawnAt ?? p.lastModifiedAt, p.timeZone))}</time>.</p>${
      p.withdrawnReason ? `<p>Alasan: ${esc(p.withdrawnReason)}</p>` : ''
    }</div>
<p><a href="/berita">Kembali ke daftar berita</a></p>`;
    return layout(site, { title: `Berita ditarik – ${site.siteName}`, robots: 'noindex' }, main);
  }
  const main = `<h1>Halaman tidak ditemukan</h1>
<p>Berita yang Anda cari tidak ada atau belum diterbitkan.</p>
<p><a href="/berita">Kembali ke daftar berita</a></p>`;
  return layout(site, { title: `Tidak ditemukan – ${site.siteName}`, robots: 'noindex' }, main);
}
