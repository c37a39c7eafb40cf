import { SITE_CSS_PATH } from './site-css';

/** Escapes text for element content and double-quoted attribute values. Every interpolation goes through it. */
export const esc = (s: string | number): string =>
  String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export interface SiteContext {
  /** Absolute origin of the public site, no trailing slash ("https://berita.kpu.example"). */
  baseUrl: string;
  siteName: string;
}

export interface HeadMeta {
  title: string;
  description?: string;
  canonicalPath?: string;
  /** Open Graph / Twitter card. */
  og?: {
    type: 'article' | 'website';
    title?: string;
    image?: { url: string; alt: string } | null;
    publishedTime?: string;
    modifiedTime?: string;
    section?: string;
    tags?: string[];
  };
  feedPath?: string;
  robots?: string;
}

export function layout(site: SiteContext, head: HeadMeta, main: string): string {
  const abs = (p: string) => site.baseUrl + p;
  const lines: string[] = [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(head.title)}</title>`,
    `<link rel="stylesheet" href="${esc(SITE_CSS_PATH)}">`,
  ];
  if (head.description) lines.push(`<meta name="description" content="${esc(head.description)}">`);
  if (head.robots) lines.push(`<meta name="robots" content="${esc(head.robots)}">`);
  if (head.canonicalPath) lines.push(`<link rel="canonical" href="${esc(abs(head.canonicalPath))}">`);
  lines.push(
    `<link rel="alternate" type="application/rss+xml" title="${esc(site.siteName)}" href="${esc(abs(head.feedPath ?? '/feed.xml'))}">`,
  );
  if (head.og) {
    const og = head.og;
    const meta = (prop: string, content: string, attr: 'property' | 'name' = 'property') =>
      lines.push(`<meta ${attr}="${prop}" content="${esc(content)}">`);
    meta('og:site_name', site.siteName);
    meta('og:locale', 'id_ID');
    meta('og:type', og.type);
    meta('og:title', og.title ?? head.title);
    if (head.description) meta('og:description', head.description);
    if (head.canonicalPath) meta('og:url', abs(head.canonicalPath));
    if (og.image) {
      meta('og:image', og.image.url);
      meta('og:image:alt', og.image.alt);
    }
    if (og.publishedTime) meta('article:published_time', og.publishedTime);
    if (og.modifiedTime) meta('article:modified_time', og.modifiedTime);
    if (og.section) meta('article:section', og.section);
    for (const t of og.tags ?? []) meta('article:tag', t);
    meta('twitter:card', og.image ? 'summary_large_image' : 'summary', 'name');
    meta('twitter:title', og.title ?? head.title, 'name');
    if (head.description) meta('twitter:description', head.description, 'name');
    if (og.image) meta('twitter:image', og.image.url, 'name');
  }
  lines.push(
    '</head>',
    '<body>',
    '<a class="skip" href="#isi">Langsung ke isi</a>',
    `<header class="site"><nav aria-label="Situs"><a href="/berita">${esc(site.siteName)}</a><a class="feed" href="/feed.xml">RSS</a></nav></header>`,
    `<main id="isi">${main}</main>`,
    `<footer class="site"><p>${esc(site.siteName)} · Komisi Pemilihan Umum</p></footer>`,
    '</body>',
    '</html>',
  );
  return lines.join('\n');
}
