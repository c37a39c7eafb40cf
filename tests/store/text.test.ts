import { describe, expect, it } from 'vitest';
import { countCharacters, countWords, docToPlainText, textStats } from '../../src/shared/editor/text';
import type { DocNode } from '../../src/shared/domain/doc';

const release: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Rapat Pleno' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Blora – KPU ' },
        { type: 'text', text: 'menetapkan', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' DPT.' },
      ],
    },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '"Semua siap," kata Ketua.' }] }],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'satu' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'dua' }] }] },
      ],
    },
    { type: 'figure', attrs: { attachment: 'a'.repeat(64), caption: 'Suasana rapat', credit: 'Foto: Humas' } },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'baris' }, { type: 'hardBreak' }, { type: 'text', text: 'baru' }],
    },
  ],
};

describe('docToPlainText / countWords', () => {
  it('puts each block on its own line and keeps inline marks joined', () => {
    expect(docToPlainText(release)).toBe(
      [
        'Rapat Pleno',
        'Blora – KPU menetapkan DPT.',
        '"Semua siap," kata Ketua.',
        'satu',
        'dua',
        'Suasana rapat Foto: Humas',
        'baris',
        'baru',
      ].join('\n'),
    );
  });

  it('counts words with letters or digits only (a dash alone is not a word)', () => {
    // Rapat Pleno(2) Blora KPU menetapkan DPT.(4) "Semua siap," kata Ketua.(4) satu dua(2) Suasana rapat Foto: Humas(4) baris baru(2)
    expect(countWords(release)).toBe(18);
    expect(countWords({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(0);
    expect(countWords(null)).toBe(0);
  });

  it('counts characters without the breaks between blocks', () => {
    expect(
      countCharacters({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'ab' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'cd é' }] },
        ],
      }),
    ).toBe(6);
    expect(textStats(release).words).toBe(18);
  });
});
