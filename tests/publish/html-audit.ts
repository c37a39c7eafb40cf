/**
 * A strict reading of HTML as served: every tag and attribute must be on the list of what the
 * page templates and the rendering gate produce, and every URL must be a safe one. The
 * templates and sanitize-html always double-quote attribute values and escape `>`, so a
 * tokenizer this simple reads them exactly; anything it cannot read is reported.
 */
const TAGS = new Set(
  (
    'html head meta title link body header nav main footer article a h1 h2 h3 h4 p span time figure img figcaption ul ol li div aside ' +
    'strong em s u br hr blockquote pre code table tbody tr th td form label select option button'
  ).split(' '),
);
const ATTRS = new Set(
  (
    'lang charset name content property rel href type class aria-label aria-hidden tabindex datetime src srcset sizes alt width ' +
    'loading decoding start colspan rowspan method action role selected value target title'
  ).split(' '),
);

const decode = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const safeUrl = (name: string, v: string): boolean => {
  if (name === 'href') return /^(https?:\/\/[^\s"'<>`]+|mailto:[^\s"'<>`]+|\/(?!\/)[^\s"'<>`]*|#[\w-]*)$/.test(v);
  if (name === 'src') return /^\/(media|assets)\/[\w./-]+$/.test(v);
  if (name === 'srcset')
    return v.split(',').every((c) => /^\/media\/[0-9a-f]{64}\/w\d+\.(jpg|webp) \d+w$/.test(c.trim()));
  if (name === 'action') return v === '/berita';
  return true;
};

/** `page`: a whole page from the templates (which also use `id` for the skip link target). */
export function auditHtml(html: string, mode: 'body' | 'page' = 'body'): string[] {
  const problems: string[] = [];
  const body = html.replace(/^<!doctype html>/i, '');
  const tagRe =
    /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/"']+(?:="[^"<>]*")?)*)\s*(\/?)>|<(?!\/?[a-zA-Z])|<\/?[a-zA-Z][^>]*>/g;
  for (const m of body.matchAll(tagRe)) {
    if (m[2] === undefined) {
      if (m[0] === '<') problems.push(`raw "<" at ${m.index}: ${body.slice(m.index, (m.index ?? 0) + 40)}`);
      else problems.push(`unreadable tag: ${m[0].slice(0, 80)}`);
      continue;
    }
    const tag = m[2].toLowerCase();
    if (!TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const a of (m[3] ?? '').matchAll(/([^\s=>/"']+)(?:="([^"]*)")?/g)) {
      const name = (a[1] ?? '').toLowerCase();
      const value = decode(a[2] ?? '');
      if (!ATTRS.has(name) && !(mode === 'page' && name === 'id')) problems.push(`attribute ${name} on <${tag}>`);
      else if (!safeUrl(name, value)) problems.push(`${name}="${value.slice(0, 80)}" on <${tag}>`);
    }
  }
  if (/<\s*\/?\s*(script|iframe|object|embed|svg|math|style|base)\b/i.test(body)) problems.push('forbidden element');
  return problems;
}
