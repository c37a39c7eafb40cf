import type { Page } from 'playwright-core';

/**
 * What the page's DOM holds that it must not: script-capable elements, handlers, unsafe URLs.
 * A string evaluated in the page (this file is type-checked without DOM types).
 */
const DOM_PROBLEMS = `(() => {
  const out = [];
  const bad = document.querySelectorAll('script, iframe, frame, object, embed, svg, math, style, base, template, meta[http-equiv], input, textarea, video, audio, source');
  bad.forEach((el) => out.push('element <' + el.tagName.toLowerCase() + '>'));
  document.querySelectorAll('*').forEach((el) => {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name) || ['style', 'srcdoc', 'formaction', 'xlink:href'].includes(a.name)) out.push('attr ' + a.name + ' on <' + el.tagName.toLowerCase() + '>');
    }
  });
  document.querySelectorAll('a[href]').forEach((a) => {
    const proto = new URL(a.href, location.href).protocol;
    if (!['http:', 'https:', 'mailto:'].includes(proto)) out.push('link ' + proto + ' ' + a.getAttribute('href'));
  });
  document.querySelectorAll('img').forEach((img) => {
    const u = new URL(img.getAttribute('src') || '', location.href);
    if (u.origin !== location.origin) out.push('img ' + u.href);
  });
  document.querySelectorAll('form').forEach((f) => {
    if (new URL(f.getAttribute('action') || '', location.href).pathname !== '/berita') out.push('form ' + f.getAttribute('action'));
  });
  if (window.__ran) out.push('window flag set');
  return out;
})()`;

export const domProblems = (page: Page): Promise<string[]> => page.evaluate(DOM_PROBLEMS) as Promise<string[]>;
