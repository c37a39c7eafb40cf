import type { DocNode } from '../../src/shared/domain/doc';

const paragraph = (id: string, text: string): DocNode => ({
  type: 'paragraph',
  attrs: { id },
  content: [{ type: 'text', text }],
});

/** A realistic release body: a sub-heading, eight paragraphs and an attributed quote. */
export function sampleBody(i: number): DocNode {
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { id: `h${i}`, level: 2 },
        content: [{ type: 'text', text: 'Rekapitulasi tingkat kabupaten' }],
      },
      ...Array.from({ length: 8 }, (_, j) =>
        paragraph(
          `p${i}-${j}`,
          `Blora – Kamis (4/12/2025). Paragraf ${j}: KPU Kabupaten Blora menggelar rapat pleno terbuka rekapitulasi hasil penghitungan suara di aula kantor, dihadiri Bawaslu, saksi partai dan pemantau.`,
        ),
      ),
      {
        type: 'blockquote',
        attrs: { id: `q${i}` },
        content: [paragraph(`qp${i}`, '"Semua tahapan berjalan lancar," kata Ketua KPU Kabupaten Blora.')],
      },
    ],
  };
}
