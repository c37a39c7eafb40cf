/**
 * A release body of the size and shape an office writes (about 7 KB of TipTap JSON): sub-headings,
 * paragraphs with bold and links, a bullet list, an attributed quote. Seeded, so a run repeats.
 */
import type { DocNode } from '../../src/shared/domain/doc';

const WORDS =
  'komisi pemilihan umum kabupaten rapat pleno terbuka rekapitulasi daftar pemilih tetap dihadiri peserta pemilu bawaslu pemangku kepentingan tahapan penetapan hasil penghitungan suara kecamatan desa kelurahan saksi partai pemantau logistik distribusi surat suara tempat pemungutan petugas sosialisasi'.split(
    ' ',
  );

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function officeBody(seed: number): DocNode {
  const rand = prng(seed);
  let ids = 0;
  const id = (): string => `b${seed.toString(36)}-${(ids++).toString(36)}`;
  const sentence = (): string => {
    const n = 10 + Math.floor(rand() * 14);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paragraph = (sentences: number): DocNode => ({
    type: 'paragraph',
    attrs: { id: id() },
    content: [
      { type: 'text', text: `${sentence()} ` },
      { type: 'text', text: 'KPU', marks: [{ type: 'bold' }] },
      { type: 'text', text: ` ${Array.from({ length: sentences }, sentence).join(' ')} ` },
      { type: 'text', text: 'kpu.go.id', marks: [{ type: 'link', attrs: { href: 'https://kpu.go.id/' } }] },
    ],
  });
  const heading = (): DocNode => ({
    type: 'heading',
    attrs: { id: id(), level: 2 },
    content: [{ type: 'text', text: sentence() }],
  });
  return {
    type: 'doc',
    content: [
      paragraph(3),
      heading(),
      paragraph(4),
      {
        type: 'bulletList',
        attrs: { id: id() },
        content: Array.from({ length: 4 }, () => ({
          type: 'listItem',
          attrs: { id: id() },
          content: [{ type: 'paragraph', attrs: { id: id() }, content: [{ type: 'text', text: sentence() }] }],
        })),
      },
      paragraph(4),
      heading(),
      {
        type: 'blockquote',
        attrs: { id: id() },
        content: [
          {
            type: 'paragraph',
            attrs: { id: id() },
            content: [{ type: 'text', text: `"${sentence()}" kata Ketua KPU.` }],
          },
        ],
      },
      paragraph(4),
      paragraph(3),
    ],
  };
}
