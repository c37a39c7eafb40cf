import { Text, type ChildNode, type Element } from 'domhandler';
import { isSha256 } from '../../domain/digest';
import { append, elementsBelow, insertBefore, isElement, make, remove, textOf, classOf } from './dom';

/** A pasted figure of our own editor keeps its attachment, alt, caption and credit; anything else is rebuilt. */
export function ourFigure(el: Element): Element | null {
  const img = elementsBelow(el).find((e) => e.name === 'img');
  const attachment = img?.attribs['data-attachment'] ?? '';
  if (!isSha256(attachment)) return null;
  const pick = (cls: string): string => {
    const span = elementsBelow(el).find((e) => classOf(e).split(/\s+/).includes(cls));
    return span ? textOf(span).trim() : '';
  };
  return figure(attachment, img?.attribs['alt'] ?? '', pick('caption'), pick('credit'));
}

export function figure(attachment: string, alt: string, caption = '', credit = ''): Element {
  const parts: Element[] = [];
  if (caption) parts.push(make('span', { class: 'caption' }, [new Text(caption)]));
  if (credit) parts.push(make('span', { class: 'credit' }, [new Text(credit)]));
  const kids = [make('img', { 'data-attachment': attachment, alt })];
  if (parts.length) kids.push(make('figcaption', {}, parts));
  return make('figure', { 'data-type': 'figure' }, kids);
}

/** A figure is a block: one inside a paragraph splits it there rather than vanish. */
export function hoistOutOfParagraph(fig: Element): void {
  const p = fig.parent as Element | null;
  if (!p || !isElement(p as ChildNode) || !['p', 'h2', 'h3', 'h4'].includes(p.name)) return;
  const at = p.children.indexOf(fig);
  const after = make(p.name);
  for (const k of p.children.slice(at + 1)) append(after, k);
  remove(fig);
  const next = p.next;
  if (next) {
    insertBefore(next, fig);
    insertBefore(next, after);
  } else if (p.parent) {
    append(p.parent, fig);
    append(p.parent, after);
  }
}
