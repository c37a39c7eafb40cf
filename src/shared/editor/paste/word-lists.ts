import type { ChildNode, Element, ParentNode } from 'domhandler';
import { append, elementsBelow, make, insertBefore, isElement, isText, remove, styleOf, textOf } from './dom';

/**
 * Word (desktop) does not put lists on the clipboard as <ul>/<ol>: each item is a paragraph
 * styled `mso-list:l0 level2 lfo1`, its bullet or number written out in a
 * `<span style="mso-list:Ignore">` (inside `<![if !supportLists]>`). This turns each run of
 * such paragraphs back into nested lists, ordered when the written marker is a number or letter.
 */

const MSO_LIST = /l(\d+)\s+level(\d+)/;
const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i;

interface ListPara {
  el: Element;
  list: string;
  level: number;
  ordered: boolean;
  number: number | null;
}

function listPara(node: ChildNode): ListPara | null {
  if (!isElement(node) || (node.name !== 'p' && !/^h[1-6]$/.test(node.name))) return null;
  const m = MSO_LIST.exec(styleOf(node).get('mso-list') ?? '');
  if (!m) return null;
  const marker = elementsBelow(node).find((e) => styleOf(e).get('mso-list') === 'ignore');
  const text = marker ? textOf(marker).replace(/[\s\u00a0]+/g, '') : '';
  const ordered = ORDERED_MARKER.exec(text);
  return {
    el: node,
    list: m[1]!,
    level: Math.max(1, Number(m[2])),
    ordered: ordered !== null,
    number: ordered && /^\d+$/.test(ordered[1]!) ? Number(ordered[1]) : null,
  };
}

const isBlank = (n: ChildNode): boolean => isText(n) && n.data.trim() === '';

/** Rewrites every run of Word list paragraphs under `root` into nested <ul>/<ol>. */
export function convertWordLists(root: ParentNode): void {
  const parents = [root, ...elementsBelow(root)];
  for (const parent of parents) {
    let run: ListPara[] = [];
    for (const child of parent.children.slice()) {
      const para = listPara(child);
      if (para) run.push(para);
      else if (!isBlank(child) && run.length) {
        buildLists(run);
        run = [];
      }
    }
    if (run.length) buildLists(run);
  }
}

interface Open {
  level: number;
  list: Element;
  lastItem: Element | null;
}

function buildLists(run: ListPara[]): void {
  const first = run[0]!.el;
  const roots: Element[] = [];
  const stack: Open[] = [];
  let listId = '';
  for (const p of run) {
    if (p.level === 1 && p.list !== listId && stack.length) stack.length = 0;
    listId = p.level === 1 ? p.list : listId || p.list;
    while (stack.length && stack[stack.length - 1]!.level > p.level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < p.level) {
      const list = make(p.ordered ? 'ol' : 'ul');
      if (p.ordered && p.number !== null && p.number > 1) list.attribs['start'] = String(p.number);
      if (top) {
        if (!top.lastItem) {
          top.lastItem = make('li');
          append(top.list, top.lastItem);
        }
        append(top.lastItem, list);
      } else roots.push(list);
      top = { level: p.level, list, lastItem: null };
      stack.push(top);
    }
    // The written marker is not text of the item.
    for (const e of elementsBelow(p.el)) if (styleOf(e).get('mso-list') === 'ignore') remove(e);
    const item = make('li');
    const para = make('p');
    for (const k of p.el.children.slice()) append(para, k);
    append(item, para);
    append(top.list, item);
    top.lastItem = item;
  }
  for (const list of roots) insertBefore(first, list);
  for (const p of run) remove(p.el);
}
