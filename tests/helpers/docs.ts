import type { DocNode } from '../../src/shared/domain/doc';
import type { WireFields } from '../../src/shared/sync/protocol';

/** A paragraph with a block id, as the editor gives every block; empty text gives an empty paragraph. */
export const paragraph = (id: string, text: string): DocNode => ({
  type: 'paragraph',
  attrs: { id },
  content: text ? [{ type: 'text', text }] : [],
});

/** A paragraph without a block id (as older or pasted content has), its text optionally marked. */
export const plainParagraph = (text: string, marks?: DocNode['marks']): DocNode => ({
  type: 'paragraph',
  content: text ? [{ type: 'text', text, ...(marks ? { marks } : {}) }] : [],
});

/** A document of `blocks`; a string stands for a plain paragraph of that text. */
export const doc = (...blocks: (DocNode | string)[]): DocNode => ({
  type: 'doc',
  content: blocks.map((b) => (typeof b === 'string' ? plainParagraph(b) : b)),
});

/** A release's fields as they travel to HQ; `paragraphs` are [id, text] pairs (two by default). */
export function fields(over: Partial<WireFields> = {}, ...paragraphs: [string, string][]): WireFields {
  const blocks = paragraphs.length
    ? paragraphs
    : ([
        ['p1', 'Paragraf satu.'],
        ['p2', 'Paragraf dua.'],
      ] as [string, string][]);
  return {
    title: 'Rapat Pleno Rekapitulasi',
    slug: 'rapat-pleno-rekapitulasi',
    dateline: 'Blora',
    date: '2025-12-04',
    category: 'berita-terkini',
    tags: ['pemilu'],
    summary: '',
    byline: 'Humas',
    office: 'KPU Kabupaten Blora',
    leadImage: null,
    body: doc(...blocks.map(([id, t]) => paragraph(id, t))),
    number: '',
    contact: { name: '', role: '', phone: '' },
    ...over,
  };
}

/** A document as a nested outline a test compares whole: node types, heading levels, texts with marks. */
export type Outline = string | [string, ...Outline[]];
export function outline(n: DocNode, figure: (attrs: Record<string, unknown>) => string): Outline {
  if (n.type === 'text') {
    const marks = (n.marks ?? []).map((m) => (m.type === 'link' ? `link(${String(m.attrs?.['href'])})` : m.type));
    return marks.length ? `${n.text} [${marks.join(',')}]` : n.text!;
  }
  const label =
    n.type === 'heading'
      ? `heading${String(n.attrs?.['level'])}`
      : n.type === 'figure'
        ? `figure(${figure(n.attrs ?? {})})`
        : n.type;
  return [label, ...(n.content ?? []).map((c) => outline(c, figure))];
}
