import { render } from 'dom-serializer';
import { Element, type ChildNode, type ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { isSha256 } from '../../domain/digest';
import { isAllowedLink } from '../extensions';
import { stripConditionalComments } from './conditional';
import {
  append,
  elementsBelow,
  insertBefore,
  isElement,
  isText,
  make,
  remove,
  styleOf,
  textOf,
  unwrap,
  wrapChildren,
  classOf,
} from './dom';
import { figure, hoistOutOfParagraph, ourFigure } from './figures';
import { isDocsCommentBody, isJunk } from './junk';
import { convertWordLists } from './word-lists';

/**
 * Clipboard HTML from Word, Google Docs, LibreOffice or a web page, cleaned to the structure a
 * release keeps: headings, paragraphs, (nested) lists, bold/italic/underline/strike, links,
 * quotes, tables and images that are our attachments. Fonts, colours, classes, inline styles,
 * comments, tracked deletions, empty paragraphs and runs of non-breaking spaces go. The output
 * is then parsed by the editor schema, which drops whatever it does not define; this pass
 * makes sure the schema sees the document's structure rather than an office program's markup.
 * Pure (htmlparser2, no DOM): the renderer's paste, the .docx import and the tests share it.
 */

export interface CleanOptions {
  /**
   * The attachment digest for a pasted image's `src` (a data: URL, or the n-th image of the
   * paste when the program put a file path there), or null to leave the image out.
   */
  imageAttachment?: (src: string, index: number) => string | null;
}

/** Elements the cleaned HTML keeps (attributes filtered below); every other element is unwrapped. */
const KEEP = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'hr',
  'a',
  'strong',
  'em',
  'u',
  's',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'figure',
  'img',
]);
const RENAME: Record<string, string> = { b: 'strong', i: 'em', strike: 's', dfn: 'em', cite: 'em' };
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'hr',
  'div',
  'figure',
]);
const ALLOWED_ATTRS: Record<string, readonly string[]> = {
  a: ['href'],
  ol: ['start'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

/** Bold/italic/underline/strike written as inline style (Google Docs, LibreOffice spans) → marks. */
function styleToMarks(el: Element, insideLink: boolean): void {
  if (el.name === 'b' && /normal|[1-4]00/.test(styleOf(el).get('font-weight') ?? '')) return;
  const style = styleOf(el);
  const weight = style.get('font-weight') ?? '';
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  const wraps: string[] = [];
  if (/bold|bolder|[6-9]00/.test(weight) && el.name !== 'b' && el.name !== 'strong' && !/^h[1-6]$/.test(el.name))
    wraps.push('strong');
  if (style.get('font-style') === 'italic' && el.name !== 'i' && el.name !== 'em') wraps.push('em');
  if (/underline/.test(decoration) && !insideLink && el.name !== 'u') wraps.push('u');
  if (/line-through/.test(decoration) && el.name !== 's' && el.name !== 'strike') wraps.push('s');
  for (const name of wraps) wrapChildren(el, name);
}

function hasAncestor(el: Element, name: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (isElement(p as ChildNode) && (p as Element).name === name) return true;
  return false;
}

/** Heading levels as the release uses them (h2–h4): the paste's highest level becomes h2. */
function remapHeadings(root: ParentNode): void {
  const headings = elementsBelow(root).filter((e) => /^h[1-6]$/.test(e.name));
  if (!headings.length) return;
  const top = Math.min(...headings.map((h) => Number(h.name[1])));
  for (const h of headings) h.name = `h${Math.min(4, Number(h.name[1]) - top + 2)}`;
}

function isEmptyBlock(el: Element): boolean {
  if (elementsBelow(el).some((e) => e.name === 'img' || e.name === 'figure' || e.name === 'hr' || e.name === 'table'))
    return false;
  return textOf(el).replace(/[\s\u00a0\u200b]+/g, '') === '';
}

export function cleanPastedHtml(html: string, options: CleanOptions = {}): string {
  const doc = parseDocument(stripConditionalComments(html), { lowerCaseTags: true, lowerCaseAttributeNames: true });
  const body = elementsBelow(doc).find((e) => e.name === 'body');
  const root: ParentNode = body ?? doc;

  // 1. Everything that is not an element or text (comments, <!DOCTYPE>, processing instructions).
  const sweep = (n: ParentNode): void => {
    for (const c of n.children.slice()) {
      if (isElement(c)) sweep(c);
      else if (!isText(c)) remove(c);
    }
  };
  sweep(root);

  // 2. Junk with its content; Google Docs' whole-paste <b> wrapper; tracked insertions kept as text.
  for (const el of elementsBelow(root)) {
    if (!el.parent) continue;
    if (isJunk(el) || isDocsCommentBody(el)) remove(el);
    else if (el.name === 'b' && (el.attribs['id'] ?? '').startsWith('docs-internal-guid')) unwrap(el);
    else if (el.name === 'ins' || /\bmsoins\b/.test(classOf(el))) unwrap(el);
  }

  // 3. Word's list paragraphs → lists; its paragraph styles → structure.
  convertWordLists(root);
  for (const el of elementsBelow(root)) {
    if (!el.parent) continue;
    if (styleOf(el).get('mso-list') === 'ignore') remove(el);
    const cls = classOf(el);
    if (el.name === 'p' && /\bmsotitle\b/.test(cls)) el.name = 'h1';
    else if (el.name === 'p' && /\bmso(intense)?quote\b/.test(cls)) {
      const quote = make('blockquote');
      insertBefore(el, quote);
      append(quote, el);
    }
  }

  // 4. Inline styles → marks, while the styles are still there.
  for (const el of elementsBelow(root)) styleToMarks(el, el.name === 'a' || hasAncestor(el, 'a'));

  // 5. Lists nested the Google Docs way (<ul> directly inside <ul>) go inside the item before them.
  for (const el of elementsBelow(root)) {
    const parent = el.parent as Element | null;
    if ((el.name === 'ul' || el.name === 'ol') && parent && ['ul', 'ol'].includes(parent.name)) {
      let prev = el.prev;
      while (prev && !isElement(prev)) prev = prev.prev;
      if (prev && isElement(prev) && prev.name === 'li') append(prev, el);
      else {
        const li = make('li');
        insertBefore(el, li);
        append(li, el);
      }
    }
  }

  // 6. Images and figures.
  let imageIndex = 0;
  for (const el of elementsBelow(root)) {
    if (!el.parent) continue;
    if (el.name === 'figure') {
      const fig = ourFigure(el);
      if (fig) {
        insertBefore(el, fig);
        remove(el);
      } else unwrap(el);
    } else if (el.name === 'img' && !hasAncestor(el, 'figure')) {
      const sha = options.imageAttachment?.(el.attribs['src'] ?? '', imageIndex++) ?? null;
      if (sha && isSha256(sha)) {
        const fig = figure(sha, el.attribs['alt'] ?? '');
        insertBefore(el, fig);
        remove(el);
      } else remove(el);
    }
  }

  // 7. Elements: rename, keep or unwrap; attributes: only what the schema reads.
  for (const el of elementsBelow(root)) {
    if (!el.parent || hasAncestor(el, 'figure') || el.name === 'figure') continue;
    el.name = RENAME[el.name] ?? el.name;
    if (el.name === 'div' && !el.children.some((c) => isElement(c) && BLOCKS.has(c.name))) el.name = 'p';
    if (el.name === 'a') {
      const href = el.attribs['href'] ?? '';
      if (!isAllowedLink(href)) {
        unwrap(el);
        continue;
      }
      for (const u of elementsBelow(el)) if (u.name === 'u') unwrap(u);
    }
    if (!KEEP.has(el.name) && !/^h[1-6]$/.test(el.name)) {
      unwrap(el);
      continue;
    }
    const allowed = ALLOWED_ATTRS[el.name] ?? [];
    const kept: Record<string, string> = {};
    for (const name of allowed) {
      const v = el.attribs[name];
      if (v === undefined) continue;
      if (name === 'href') kept[name] = v.trim();
      else if (/^\d{1,3}$/.test(v.trim())) kept[name] = v.trim();
    }
    el.attribs = kept;
  }
  remapHeadings(root);
  for (const el of elementsBelow(root)) if (el.name === 'figure') hoistOutOfParagraph(el);
  // A line break between blocks (Google Docs puts one between paragraphs) is not a paragraph.
  for (const el of elementsBelow(root)) {
    const siblings = el.parent?.children ?? [];
    if (el.name === 'br' && (el.parent === root || siblings.some((c) => isElement(c) && BLOCKS.has(c.name))))
      remove(el);
  }

  // 8. Text: non-breaking space runs become one space; empty paragraphs, items and lists go.
  const texts = (n: ParentNode): void => {
    for (const c of n.children) {
      if (isText(c)) c.data = c.data.replace(/[\u00a0\s]*\u00a0[\u00a0\s]*/g, ' ');
      else if (isElement(c)) texts(c);
    }
  };
  texts(root);
  for (const el of elementsBelow(root).reverse()) {
    if (!el.parent) continue;
    if (['p', 'h2', 'h3', 'h4', 'li', 'blockquote', 'ul', 'ol', 'pre'].includes(el.name) && isEmptyBlock(el))
      remove(el);
  }

  return render(root.children, { decodeEntities: true, encodeEntities: 'utf8' });
}
