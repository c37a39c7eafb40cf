import type { TextBlock } from '../../../src/shared/review';

/**
 * A text model for anchoring tests: every character has an identity (and, for pasted copies,
 * the identity it was copied from), and edits of the kinds writers make change the blocks.
 */

export interface Ch {
  c: string;
  id: number;
  /** For pasted copies: the identity of the character copied. */
  root: number;
}
export interface Block {
  id: string;
  chars: Ch[];
}

// Real release vocabulary, with the repetitions real releases have.
const VOCAB = [
  'KPU',
  'Kabupaten',
  'Blora',
  'Komisi',
  'Pemilihan',
  'Umum',
  'pemilu',
  'serentak',
  'tahapan',
  'pemutakhiran',
  'data',
  'pemilih',
  'dan',
  'yang',
  'di',
  'pada',
  'untuk',
  'dengan',
  'Ketua',
  'menyampaikan',
  'bahwa',
  'rapat',
  'pleno',
  'terbuka',
  'rekapitulasi',
  'hasil',
  'penghitungan',
  'suara',
  'tingkat',
  'kecamatan',
  'Kamis',
  '(4/12/2025).',
  'masyarakat',
  'diharapkan',
  'hadir',
  'TPS',
];

export class Model {
  blocks: Block[] = [];
  private nextChar = 0;
  private nextBlock = 0;
  constructor(readonly rand: () => number) {}

  int = (n: number) => Math.floor(this.rand() * n);
  pick = <T>(xs: readonly T[]): T => xs[this.int(xs.length)]!;
  fresh(text: string, root?: number[]): Ch[] {
    return [...text].map((c, i) => {
      const id = this.nextChar++;
      return { c, id, root: root?.[i] ?? id };
    });
  }
  newBlockId = () => `b${this.nextBlock++}`;
  sentence(words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(this.pick(VOCAB));
    return out.join(' ');
  }
  text = (b: Block) => b.chars.map((ch) => ch.c).join('');
  view = (): TextBlock[] => this.blocks.map((b) => ({ id: b.id, text: this.text(b) }));
}

export type Op = (m: Model, near: () => { block: Block; pos: number }) => string;

export const OPS: { weight: number; name: string; op: Op }[] = [
  {
    weight: 6,
    name: 'type words',
    op: (m, near) => {
      const { block, pos } = near();
      const words = (m.rand() < 0.5 ? ' ' : '') + m.sentence(1 + m.int(3)) + (m.rand() < 0.5 ? ' ' : '');
      block.chars.splice(pos, 0, ...m.fresh(words));
      return `insert "${words}" at ${block.id}:${pos}`;
    },
  },
  {
    weight: 3,
    name: 'typo',
    op: (m, near) => {
      const { block, pos } = near();
      const s = m.pick(['a', 'n', 'e', 'x', 'an', ',']);
      block.chars.splice(pos, 0, ...m.fresh(s));
      return `typo "${s}" at ${block.id}:${pos}`;
    },
  },
  {
    weight: 5,
    name: 'delete',
    op: (m, near) => {
      const { block, pos } = near();
      const len = 1 + m.int(m.rand() < 0.7 ? 6 : 25);
      block.chars.splice(pos, len);
      return `delete ${len} at ${block.id}:${pos}`;
    },
  },
  {
    weight: 2,
    name: 'split',
    op: (m, near) => {
      const { block, pos } = near();
      const i = m.blocks.indexOf(block);
      const tail = block.chars.splice(pos);
      m.blocks.splice(i + 1, 0, { id: m.newBlockId(), chars: tail });
      return `split ${block.id} at ${pos}`;
    },
  },
  {
    weight: 2,
    name: 'merge',
    op: (m, near) => {
      const { block } = near();
      const i = m.blocks.indexOf(block);
      const [a, b] = m.rand() < 0.5 && i > 0 ? [m.blocks[i - 1]!, block] : [block, m.blocks[i + 1]];
      if (!b) return 'merge (nothing below)';
      a.chars.push(...b.chars);
      m.blocks.splice(m.blocks.indexOf(b), 1);
      return `merge ${b.id} into ${a.id}`;
    },
  },
  {
    weight: 1,
    name: 'move',
    op: (m, near) => {
      const { block } = near();
      m.blocks.splice(m.blocks.indexOf(block), 1);
      m.blocks.splice(m.int(m.blocks.length + 1), 0, block);
      // cut and paste gives the block a new id in the editor half of the time
      const old = block.id;
      if (m.rand() < 0.5) block.id = m.newBlockId();
      return `move ${old} as ${block.id}`;
    },
  },
  {
    weight: 1,
    name: 'copy',
    op: (m, near) => {
      const { block, pos } = near();
      const len = 5 + m.int(60);
      const src = block.chars.slice(pos, pos + len);
      const copy = m.fresh(
        src.map((c) => c.c).join(''),
        src.map((c) => c.root),
      );
      const target = m.pick(m.blocks);
      const at = m.int(target.chars.length + 1);
      target.chars.splice(at, 0, ...copy);
      return `copy ${len} from ${block.id}:${pos} to ${target.id}:${at}`;
    },
  },
  {
    weight: 1,
    name: 'new paragraph',
    op: (m) => {
      m.blocks.splice(m.int(m.blocks.length + 1), 0, {
        id: m.newBlockId(),
        chars: m.fresh(m.sentence(4 + m.int(10)) + '.'),
      });
      return 'new paragraph';
    },
  },
];
