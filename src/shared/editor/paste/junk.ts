import type { Element } from 'domhandler';
import { elementsBelow, styleOf, classOf } from './dom';

/** Elements that go with everything in them. */
const DROP = new Set([
  'head',
  'style',
  'script',
  'noscript',
  'template',
  'meta',
  'link',
  'title',
  'xml',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'picture',
  'source',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'form',
  'del',
  'colgroup',
  'col',
  'caption',
]);
/** Comments, tracked changes and hidden text of Word and Google Docs. */
export function isJunk(el: Element): boolean {
  if (DROP.has(el.name) || el.name.startsWith('v:') || el.name.startsWith('w:') || el.name.startsWith('m:'))
    return true;
  const style = styleOf(el);
  if (style.has('mso-element') || style.get('mso-hide') === 'all' || style.get('display') === 'none') return true;
  const cls = classOf(el);
  if (/\b(msocommentreference|msocomanchor|msocomoff|msodel)\b/.test(cls)) return true;
  if (el.name === 'a') {
    const ref = `${el.attribs['href'] ?? ''} ${el.attribs['id'] ?? ''}`;
    if (/(^|\s|#)(cmnt|_msocom_)/.test(ref)) return true;
  }
  if (el.name === 'br' && /apple-interchange-newline/.test(cls)) return true;
  return false;
}

/** Google Docs' comment bodies: a div whose first link points back at its `cmnt_ref`. */
export function isDocsCommentBody(el: Element): boolean {
  if (el.name !== 'div') return false;
  const a = elementsBelow(el).find((e) => e.name === 'a');
  return Boolean(a && /^#cmnt_ref/.test(a.attribs['href'] ?? ''));
}
