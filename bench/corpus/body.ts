/**
 * One release body in the editor's own TipTap JSON: the node and mark names of
 * src/shared/editor (StarterKit, tables, figure), a UUID `id` on every block type the
 * UniqueID extension tags, and link marks with the attributes the Link extension writes.
 */
import type { DocNode } from '../../src/shared/domain/doc';
import type { Rng } from './random';
import { PLACES, WORDS } from './words';

type Mark = NonNullable<DocNode['marks']>[number];

const LINK_ATTRS = { target: null, rel: 'noopener noreferrer nofollow', class: null };
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(WORDS));
  return `${capital(out.join(' '))}.`;
}

const text = (value: string, marks?: Mark[]): DocNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };

/** A paragraph of about `words` words; some sentences carry a link or a bold run. */
function paragraph(rng: Rng, words: number): { node: DocNode; words: number } {
  const runs: DocNode[] = [];
  let used = 0;
  let plain = '';
  while (used < words) {
    const n = Math.min(words - used, rng.int(8, 20));
    used += n;
    if (rng.chance(0.08)) {
      if (plain) runs.push(text(plain));
      plain = ' ';
      const href = `https://kpu.go.id/${rng.pick(PLACES).toLowerCase()}/${rng.int(1, 9999)}`;
      runs.push(text(sentence(rng, n), [{ type: 'link', attrs: { href, ...LINK_ATTRS } }]));
    } else if (rng.chance(0.06)) {
      if (plain) runs.push(text(plain));
      plain = ' ';
      runs.push(text(sentence(rng, n), [{ type: 'bold' }]));
    } else {
      plain += `${sentence(rng, n)} `;
    }
  }
  if (plain.trim()) runs.push(text(plain.trimEnd()));
  return { node: { type: 'paragraph', attrs: { id: rng.uuid() }, content: runs }, words: used };
}

function list(rng: Rng, depth: number): { node: DocNode; words: number } {
  const ordered = rng.chance(0.4);
  let words = 0;
  const items: DocNode[] = [];
  for (let i = rng.int(2, 5); i > 0; i--) {
    const p = paragraph(rng, rng.int(5, 18));
    words += p.words;
    const content = [p.node];
    if (depth < 2 && rng.chance(0.25)) {
      const nested = list(rng, depth + 1);
      words += nested.words;
      content.push(nested.node);
    }
    items.push({ type: 'listItem', attrs: { id: rng.uuid() }, content });
  }
  const attrs = ordered ? { id: rng.uuid(), start: 1, type: null } : { id: rng.uuid() };
  return { node: { type: ordered ? 'orderedList' : 'bulletList', attrs, content: items }, words };
}

function table(rng: Rng): { node: DocNode; words: number } {
  const cols = rng.int(3, 5);
  let words = 0;
  const cell = (type: 'tableHeader' | 'tableCell', value: string): DocNode => {
    words += value.split(' ').length;
    return {
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null },
      content: [{ type: 'paragraph', attrs: { id: rng.uuid() }, content: [text(value)] }],
    };
  };
  const rows: DocNode[] = [
    {
      type: 'tableRow',
      content: Array.from({ length: cols }, (_, c) =>
        cell('tableHeader', c === 0 ? 'Kecamatan' : capital(rng.pick(WORDS))),
      ),
    },
  ];
  for (let r = rng.int(3, 10); r > 0; r--) {
    rows.push({
      type: 'tableRow',
      content: Array.from({ length: cols }, (_, c) =>
        cell('tableCell', c === 0 ? rng.pick(PLACES) : rng.int(0, 250_000).toLocaleString('id-ID')),
      ),
    });
  }
  return { node: { type: 'table', attrs: { id: rng.uuid() }, content: rows }, words };
}

export interface BodyOptions {
  words: number;
  /** A figure node showing this attachment, after the first paragraph. */
  figure?: string;
  /** Whether the body has a table of figures (some releases do). */
  table: boolean;
}

export function releaseBody(rng: Rng, place: string, date: string, options: BodyOptions): DocNode {
  const content: DocNode[] = [];
  const [y, m, d] = date.split('-');
  const lead = paragraph(rng, Math.min(options.words, rng.int(30, 60)));
  lead.node.content!.unshift(text(`${place} – ${Number(d)}/${Number(m)}/${y}. `));
  content.push(lead.node);
  let words = lead.words;
  if (options.figure)
    content.push({
      type: 'figure',
      attrs: {
        id: rng.uuid(),
        attachment: options.figure,
        alt: sentence(rng, 6),
        caption: sentence(rng, 12),
        credit: `Foto: Humas KPU ${place}`,
      },
    });
  let tablePlaced = !options.table;
  while (words < options.words) {
    const roll = rng.next();
    let block: { node: DocNode; words: number };
    if (!tablePlaced && words > options.words / 3) {
      block = table(rng);
      tablePlaced = true;
    } else if (roll < 0.08) {
      const heading = sentence(rng, rng.int(3, 7)).slice(0, -1);
      block = {
        node: { type: 'heading', attrs: { id: rng.uuid(), level: rng.chance(0.7) ? 2 : 3 }, content: [text(heading)] },
        words: heading.split(' ').length,
      };
    } else if (roll < 0.15) {
      block = list(rng, 0);
    } else if (roll < 0.21) {
      const quoted = paragraph(rng, rng.int(15, 40));
      block = { node: { type: 'blockquote', attrs: { id: rng.uuid() }, content: [quoted.node] }, words: quoted.words };
    } else {
      block = paragraph(rng, Math.min(options.words - words + 5, rng.int(40, 90)));
    }
    content.push(block.node);
    words += block.words;
  }
  return { type: 'doc', content };
}
