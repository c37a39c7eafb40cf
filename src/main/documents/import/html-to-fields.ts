import { render } from 'dom-serializer';
import { Element, type ChildNode } from 'domhandler';
import { findAll, findOne, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { emptyDoc, type DocNode } from '../../../shared/domain/doc';
import type { Contact } from '../../../shared/domain/release';
import { parseContactLine } from '../../../shared/text/release-lines';
import { cleanPastedHtml } from '../../../shared/editor/paste';
import { IMAGE_SRC_PREFIX } from './docx-to-html';
import { htmlToDoc } from './html-to-doc';

export interface ImportedFields {
  title: string;
  dateline: string;
  /** From the "Narahubung" line of a .docx this app exported; null otherwise. */
  contact: Contact | null;
  body: DocNode;
}

const hasClass = (el: Element, cls: string): boolean => (el.attribs['class'] ?? '').split(/\s+/).includes(cls);
const text = (el: Element): string => textContent(el).replace(/\s+/g, ' ').trim();

function detach(el: ChildNode): void {
  const parent = el.parent;
  if (!parent) return;
  parent.children.splice(parent.children.indexOf(el), 1);
  el.parent = null;
}

function nextElement(el: ChildNode): Element | null {
  let n = el.next;
  while (n && !(n instanceof Element)) n = n.next;
  return n;
}

/** Our own dateline paragraph reads "Blora – Kamis (4/12/2025)": the place is before the dash. */
const datelinePlace = (line: string): string => (line.split(/\s+[–—-]\s+/)[0] ?? '').trim().slice(0, 100);

/**
 * mammoth's HTML → the fields of a new release: the headline from the Title paragraph or the
 * first heading, our dateline paragraph, images with the Caption / credit paragraphs after
 * them as figures; then the same cleaning as a paste, and the shared schema, which keeps only
 * what it defines. `imageSha` maps an image placeholder to the digest it will be stored under.
 */
export function htmlToFields(html: string, imageSha: (src: string) => string | null): ImportedFields {
  const doc = parseDocument(html);
  const titleEl =
    findOne((e) => e.name === 'h1' && hasClass(e, 'warta-title'), doc.children) ??
    findOne((e) => /^h[1-6]$/.test(e.name), doc.children);
  const title = titleEl ? text(titleEl).slice(0, 300) : '';
  if (titleEl) detach(titleEl);

  const datelineEl = findOne((e) => e.name === 'p' && hasClass(e, 'warta-dateline'), doc.children);
  const dateline = datelineEl ? datelinePlace(text(datelineEl)) : '';
  if (datelineEl) detach(datelineEl);

  // Our closing lines: the contact comes back as the field; the number was HQ's for the release
  // exported, and a new release gets its own.
  let contact: Contact | null = null;
  for (const el of findAll((e) => e.name === 'p' && hasClass(e, 'warta-release-field'), doc.children)) {
    contact ??= parseContactLine(text(el));
    detach(el);
  }

  // An image alone in its paragraph, followed by a caption and/or credit paragraph, is a figure.
  for (const img of findAll((e) => e.name === 'img', doc.children)) {
    const holder = img.parent instanceof Element && img.parent.name === 'p' ? img.parent : null;
    const anchor: ChildNode = holder && findAll((e) => e.name === 'img', holder.children).length === 1 ? holder : img;
    let caption = '';
    let credit = '';
    let next = nextElement(anchor);
    if (next && hasClass(next, 'warta-caption')) {
      caption = text(next);
      detach(next);
      next = nextElement(anchor);
    }
    if (next && hasClass(next, 'warta-credit')) {
      credit = text(next);
      detach(next);
    }
    const sha = imageSha(img.attribs['src'] ?? '');
    if (!sha || (!caption && !credit)) continue;
    const parts = [
      caption && `<span class="caption">${escape(caption)}</span>`,
      credit && `<span class="credit">${escape(credit)}</span>`,
    ];
    const figure = parseDocument(
      `<figure data-type="figure"><img data-attachment="${sha}" alt="${escape(img.attribs['alt'] ?? '')}"><figcaption>${parts.join('')}</figcaption></figure>`,
    ).children[0]!;
    const parent = anchor.parent!;
    parent.children.splice(parent.children.indexOf(anchor), 1, figure);
    figure.parent = parent;
  }

  const cleaned = cleanPastedHtml(render(doc.children), {
    imageAttachment: (src) => (src.startsWith(IMAGE_SRC_PREFIX) ? imageSha(src) : null),
  });
  const body = htmlToDoc(cleaned);
  return { title, dateline, contact, body: body.content?.length ? body : emptyDoc() };
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
