import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';

/** Small helpers over htmlparser2's tree (domhandler), which runs the same in the browser and in Node. */

export const isElement = (n: ChildNode | null | undefined): n is Element => n instanceof Element;
export const isText = (n: ChildNode | null | undefined): n is Text => n instanceof Text;

/** Replaces `el` by its children, in place. */
export function unwrap(el: Element): void {
  const parent = el.parent;
  if (!parent) return;
  const at = parent.children.indexOf(el);
  const kids = el.children.slice();
  for (const k of kids) k.parent = parent;
  parent.children.splice(at, 1, ...kids);
  relink(parent);
}

export function remove(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  parent.children.splice(parent.children.indexOf(node), 1);
  node.parent = null;
  relink(parent);
}

/** A new element `name` holding `el`'s children, put in place of them. */
export function wrapChildren(el: Element, name: string): Element {
  const wrap = new Element(name, {}, el.children.slice());
  for (const k of wrap.children) k.parent = wrap;
  el.children = [wrap];
  wrap.parent = el;
  relink(el);
  return wrap;
}

export function append(parent: ParentNode, child: ChildNode): void {
  if (child.parent) remove(child);
  child.parent = parent;
  parent.children.push(child);
  relink(parent);
}

export function insertBefore(ref: ChildNode, child: ChildNode): void {
  const parent = ref.parent;
  if (!parent) return;
  if (child.parent) remove(child);
  child.parent = parent;
  parent.children.splice(parent.children.indexOf(ref), 0, child);
  relink(parent);
}

/** Keeps prev/next pointers right after a splice (dom-serializer does not need them, domutils does). */
function relink(parent: ParentNode): void {
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    k.prev = kids[i - 1] ?? null;
    k.next = kids[i + 1] ?? null;
  }
}

/** Every element below `root`, depth first, as a snapshot (safe to change the tree while iterating). */
export function elementsBelow(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (n: ParentNode): void => {
    for (const c of n.children) {
      if (isElement(c)) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(root);
  return out;
}

export function textOf(n: ChildNode): string {
  if (isText(n)) return n.data;
  if (isElement(n)) return n.children.map(textOf).join('');
  return '';
}

/** The CSS declarations of a style attribute, names lower-cased: `{ 'font-weight': '700' }`. */
export function styleOf(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (el.attribs['style'] ?? '').split(';')) {
    const i = decl.indexOf(':');
    if (i <= 0) continue;
    out.set(
      decl.slice(0, i).trim().toLowerCase(),
      decl
        .slice(i + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return out;
}

/** A new element with its children linked to it. */
export function make(name: string, attribs: Record<string, string> = {}, children: ChildNode[] = []): Element {
  const el = new Element(name, attribs, []);
  for (const c of children) append(el, c);
  return el;
}

/** The class attribute, lower-cased (Word writes `MsoNormal`, `msoIns`, …). */
export const classOf = (el: Element): string => (el.attribs['class'] ?? '').toLowerCase();
