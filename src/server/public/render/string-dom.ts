/**
 * Just enough of a DOM for ProseMirror's DOMSerializer to write HTML on the server: elements
 * with attributes, text and fragments, serialized with escaping. It replaces a full DOM per
 * render (happy-dom behind @tiptap/html), which with schema building cost ~40 ms a body; the
 * sanitizer still parses and re-serializes the result, so this is not a safety boundary.
 */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string): string => escText(s).replace(/"/g, '&quot;');

abstract class MiniNode {
  abstract readonly nodeType: number;
  readonly childNodes: MiniNode[] = [];
  parentNode: MiniNode | null = null;
  appendChild<T extends MiniNode>(child: T): T {
    if (child instanceof MiniFragment) {
      for (const c of child.childNodes.splice(0)) this.appendChild(c);
      return child;
    }
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  get innerHTML(): string {
    return this.childNodes.map((c) => c.outerHTML).join('');
  }
  abstract get outerHTML(): string;
}

class MiniText extends MiniNode {
  readonly nodeType = 3;
  constructor(public nodeValue: string) {
    super();
  }
  get textContent(): string {
    return this.nodeValue;
  }
  get outerHTML(): string {
    return escText(this.nodeValue);
  }
}

class MiniFragment extends MiniNode {
  readonly nodeType = 11;
  get outerHTML(): string {
    return this.innerHTML;
  }
}

class MiniElement extends MiniNode {
  readonly nodeType = 1;
  private readonly attrs = new Map<string, string>();
  readonly style = { cssText: '' };
  constructor(readonly tagName: string) {
    super();
  }
  setAttribute(name: string, value: unknown): void {
    if (/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name)) this.attrs.set(name.toLowerCase(), String(value));
  }
  setAttributeNS(_ns: string, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name.toLowerCase()) ?? null;
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name.toLowerCase());
  }
  get outerHTML(): string {
    const style = this.style.cssText ? ` style="${escAttr(this.style.cssText)}"` : '';
    const attrs = [...this.attrs].map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('') + style;
    const tag = this.tagName.toLowerCase();
    return VOID.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${this.innerHTML}</${tag}>`;
  }
}

export interface MiniDocument {
  createElement(tag: string): MiniElement;
  createElementNS(ns: string, tag: string): MiniElement;
  createTextNode(text: string): MiniText;
  createDocumentFragment(): MiniFragment;
}

export const miniDocument: MiniDocument = {
  createElement: (tag) => new MiniElement(tag),
  createElementNS: (_ns, tag) => new MiniElement(tag),
  createTextNode: (text) => new MiniText(text),
  createDocumentFragment: () => new MiniFragment(),
};
