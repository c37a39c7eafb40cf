import { CATEGORIES, CATEGORY_LABELS_ID } from '../../../shared/domain';
import type { Category } from '../../../shared/domain';
import { longDate } from '../format/dates';
import { mediaPath, THUMB_SIZE } from '../media/sizes';
import type { OfficeEntry, Publication } from '../types';
import { esc, layout } from './html';
import type { SiteContext } from './html';

export interface IndexFilters {
  officeSlug?: string | undefined;
  category?: Category | undefined;
  tag?: string | undefined;
  page: number;
}

export const indexQuery = (f: IndexFilters, page: number): string => {
  const q = new URLSearchParams();
  if (f.officeSlug) q.set('kantor', f.officeSlug);
  if (f.category) q.set('kategori', f.category);
  if (f.tag) q.set('tag', f.tag);
  if (page > 1) q.set('halaman', String(page));
  const s = q.toString();
  return s ? `/berita?${s}` : '/berita';
};

export function renderIndexPage(
  site: SiteContext,
  data: { items: Publication[]; total: number; perPage: number; filters: IndexFilters; offices: OfficeEntry[] },
): string {
  const { items, total, perPage, filters, offices } = data;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const office = offices.find((o) => o.slug === filters.officeSlug);
  const headingParts = [filters.category ? CATEGORY_LABELS_ID[filters.category] : site.siteName];
  if (office) headingParts.push(office.name);
  if (filters.tag) headingParts.push(`#${filters.tag}`);
  const heading = headingParts.join(' – ');

  const officeOptions = offices
    .map(
      (o) =>
        `<option value="${esc(o.slug)}"${o.slug === filters.officeSlug ? ' selected' : ''}>${esc(o.name)}</option>`,
    )
    .join('');
  const categoryOptions = CATEGORIES.map(
    (c) =>
      `<option value="${esc(c)}"${c === filters.category ? ' selected' : ''}>${esc(CATEGORY_LABELS_ID[c])}</option>`,
  ).join('');
  const form = `<form class="filters" method="get" action="/berita" role="search" aria-label="Saring berita">
<label>Kantor<select name="kantor"><option value="">Semua kantor</option>${officeOptions}</select></label>
<label>Kategori<select name="kategori"><option value="">Semua kategori</option>${categoryOptions}</select></label>
<button type="submit">Tampilkan</button></form>`;

  const list = items.length
    ? `<ol class="list">${items.map(card).join('\n')}</ol>`
    : `<p class="empty">Belum ada berita${filters.officeSlug || filters.category || filters.tag ? ' untuk pilihan ini' : ''}.</p>`;

  const prev =
    filters.page > 1
      ? `<a rel="prev" href="${esc(indexQuery(filters, filters.page - 1))}">← Lebih baru</a>`
      : '<span></span>';
  const next =
    filters.page < pages
      ? `<a rel="next" href="${esc(indexQuery(filters, filters.page + 1))}">Lebih lama →</a>`
      : '<span></span>';
  const pager =
    pages > 1
      ? `<nav class="pager" aria-label="Halaman">${prev}<span>Halaman ${filters.page} dari ${pages}</span>${next}</nav>`
      : '';

  const main = `<h1>${esc(heading)}</h1>\n${form}\n${list}\n${pager}`;
  const feedPath = filters.officeSlug ? `/kantor/${encodeURIComponent(filters.officeSlug)}/feed.xml` : '/feed.xml';
  return layout(
    site,
    {
      title: filters.page > 1 ? `${heading} (halaman ${filters.page})` : heading,
      description: `Berita dan siaran pers terbaru${office ? ` dari ${office.name}` : ' Komisi Pemilihan Umum'}.`,
      canonicalPath: indexQuery(filters, filters.page),
      og: { type: 'website' },
      feedPath,
    },
    main,
  );
}

function card(p: Publication): string {
  const href = `/berita/${encodeURIComponent(p.slug)}`;
  const img = p.leadImage
    ? `<a href="${esc(href)}" tabindex="-1" aria-hidden="true"><img src="${esc(mediaPath(p.leadImage.attachment, THUMB_SIZE))}" alt="" width="400" loading="lazy" decoding="async"></a>`
    : '';
  return `<li${img ? ' class="with-image"' : ''}>${img}<div>
<a class="kicker" href="${esc(indexQuery({ category: p.category, page: 1 }, 1))}">${esc(CATEGORY_LABELS_ID[p.category])}</a>
<h2><a href="${esc(href)}">${esc(p.title)}</a></h2>
<p class="meta"><span>${esc(p.office)}</span><span><time datetime="${esc(p.date)}">${esc(longDate(p.date))}</time></span></p>
${p.summary ? `<p>${esc(p.summary)}</p>` : ''}</div></li>`;
}
