import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJSON } from '@tiptap/html/server';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../../src/shared/editor';
import { cleanPastedHtml, plainTextToHtml } from '../../src/shared/editor/paste';
import type { DocNode } from '../../src/shared/domain';
import { outline as outlineOf, type Outline } from '../helpers/docs';

const FIXTURES = join(import.meta.dirname, '../fixtures/paste');
const sha = 'ab'.repeat(32);
const extensions = editorExtensions({ generateIds: false });

/** What a paste becomes in the editor: cleaned, then parsed by the one schema. */
function paste(html: string, images: (src: string, i: number) => string | null = () => sha): DocNode {
  return generateJSON(cleanPastedHtml(html, { imageAttachment: images }), extensions) as DocNode;
}

/** The document as a node-by-node outline; figures by attachment and alt text. */
const outline = (n: DocNode): Outline =>
  outlineOf(n, (a) => `${String(a['attachment']).slice(0, 4)}…, ${String(a['alt'])}`);

const p = (...kids: Outline[]): Outline => ['paragraph', ...kids];
const li = (...kids: Outline[]): Outline => ['listItem', ...kids];
const cell = (text: string, bold = false): Outline => ['tableCell', p(bold ? `${text} [bold]` : text)];

/** The same release passage, as each program puts it on the clipboard (see fixtures/paste/README.md). */
const expected = (quote: Outline, alt: string): Outline => [
  'doc',
  ['heading2', 'KPU Blora Gelar Rapat Pleno Rekapitulasi'],
  p(
    'Blora [bold]',
    ' – Komisi Pemilihan Umum (KPU) Kabupaten Blora menggelar rapat pleno terbuka ',
    'rekapitulasi [italic]',
    ' hasil penghitungan suara di ',
    'Aula Kantor KPU [underline]',
    '. Informasi lengkap di ',
    'laman resmi KPU Blora [link(https://kab-blora.kpu.go.id/berita)]',
    '.',
  ),
  ['heading3', 'Agenda Rapat'],
  [
    'bulletList',
    li(p('Pembukaan oleh Ketua'), ['bulletList', li(p('Pembacaan tata tertib')), li(p('Pengesahan daftar hadir'))]),
    li(p('Penetapan hasil')),
  ],
  p('Tahapan yang sudah dilalui:'),
  [
    'orderedList',
    li(p('Pemungutan suara di TPS'), ['orderedList', li(p('Penghitungan di tingkat TPS'))]),
    li(p('Rekapitulasi di kecamatan (PPK)')),
  ],
  quote,
  ['table', ['tableRow', cell('Kecamatan', true), cell('Suara sah', true)], ['tableRow', cell('Cepu'), cell('41.250')]],
  [`figure(abab…, ${alt})`],
];
const QUOTE = '“Kami memastikan setiap suara dihitung secara terbuka,” ujar Ketua KPU Blora.';

describe('pasting from office programs', () => {
  it('Word (desktop): mso-list paragraphs become nested lists; comments, the tracked deletion, fonts and empty paragraphs go', () => {
    const html = readFileSync(join(FIXTURES, 'word-desktop.html'), 'utf8');
    const doc = paste(html);
    const want = expected(['blockquote', p(QUOTE)], 'Suasana rapat pleno') as [string, ...Outline[]];
    // Word's passage also carries the comment's anchor text ("Ketua KPU") in the first paragraph.
    (want[2] as Outline[])[6] = '. Rapat dibuka oleh Ketua KPU. Informasi lengkap di ';
    expect(outline(doc)).toEqual(want);
    const text = JSON.stringify(doc);
    for (const junk of ['HK1', 'Sebut nama', 'yang lama', '·', 'Calibri', 'mso-', '\u00a0'])
      expect(text).not.toContain(junk);
  });

  it('Google Docs: the whole-paste <b> wrapper is not bold, styled spans become marks, nested lists are mended', () => {
    const html = readFileSync(join(FIXTURES, 'google-docs.html'), 'utf8');
    // Docs has no quote style: the indented italic paragraph stays an italic paragraph.
    expect(outline(paste(html))).toEqual(expected(p(`${QUOTE} [italic]`), ''));
  });

  it('LibreOffice: <font> and paragraph styles go, <blockquote> and the data: image stay', () => {
    const html = readFileSync(join(FIXTURES, 'libreoffice.html'), 'utf8');
    const seen: string[] = [];
    const doc = paste(html, (src) => (seen.push(src), sha));
    expect(outline(doc)).toEqual(expected(['blockquote', p(QUOTE)], 'Suasana rapat pleno'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^data:image\/png;base64,/);
  });

  it('an image that cannot be made an attachment is left out, with the rest of the paste kept', () => {
    const html = readFileSync(join(FIXTURES, 'word-desktop.html'), 'utf8');
    const doc = paste(html, () => null);
    expect(JSON.stringify(doc)).not.toContain('figure');
    expect(JSON.stringify(doc)).toContain('41.250');
  });
});

/** Every node type, mark and attribute the shared schema defines; anything else in a pasted document is smuggled. */
const ALLOWED_ATTRS: Record<string, string[]> = {
  heading: ['level', 'id'],
  orderedList: ['start', 'type', 'id'],
  tableCell: ['colspan', 'rowspan', 'colwidth', 'align', 'id'],
  tableHeader: ['colspan', 'rowspan', 'colwidth', 'align', 'id'],
  figure: ['attachment', 'alt', 'caption', 'credit', 'id'],
  link: ['href', 'target', 'rel', 'class', 'title'],
};
function assertOnlySchema(n: DocNode): void {
  for (const key of Object.keys(n.attrs ?? {})) expect(ALLOWED_ATTRS[n.type] ?? ['id']).toContain(key);
  for (const m of n.marks ?? []) {
    expect(['bold', 'italic', 'underline', 'strike', 'link']).toContain(m.type);
    for (const key of Object.keys(m.attrs ?? {})) expect(ALLOWED_ATTRS[m.type] ?? []).toContain(key);
  }
  for (const c of n.content ?? []) assertOnlySchema(c);
}

describe('a hostile paste', () => {
  const hostile = `
    <script>alert(1)</script><style>p{color:red}</style>
    <p onclick="x()" style="color:red" class="MsoNormal" data-id="fake">Halo <a href="javascript:alert(1)">klik</a>
      <a href="https://kpu.go.id" onmouseover="x()" target="_blank" data-thread-id="t1">KPU</a>
      <img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe></p>
    <p><ins data-suggestion-id="s1" data-suggestion-author="Ketua">usulan palsu</ins><del data-suggestion-id="s2">hapus</del></p>
    <p><span data-thread-id="t1" class="comment-highlight">dikomentari</span></p>
    <figure data-type="figure"><img data-attachment="../../etc/passwd" src="file:///etc/passwd"></figure>
    <figure data-type="figure"><img data-attachment="${sha}" alt="Foto" onerror="x()"><figcaption><span class="caption">Rapat</span><span class="credit">Foto: Humas</span></figcaption></figure>
    <svg><a href="https://kpu.go.id"><text>svg</text></a></svg><math><mi>x</mi></math>
    <table onclick="x()"><tr><td colspan="2" style="width:9in" bgcolor="red">sel</td></tr></table>`;

  it('cannot smuggle a node, mark or attribute the schema does not allow', () => {
    const doc = paste(hostile, () => null);
    assertOnlySchema(doc);
    const text = JSON.stringify(doc);
    for (const bad of [
      'alert',
      'javascript',
      'evil',
      'passwd',
      'onerror',
      'suggestion',
      'thread',
      'Ketua',
      'hapus',
      'svg',
    ])
      expect(text).not.toContain(bad);
    // What may stay does: the allowed link, the text of the fake suggestion as plain text, our own figure.
    expect(text).toContain('https://kpu.go.id');
    expect(text).toContain('usulan palsu');
    const fig = doc.content?.find((n) => n.type === 'figure');
    expect(fig?.attrs).toMatchObject({ attachment: sha, alt: 'Foto', caption: 'Rapat', credit: 'Foto: Humas' });
  });
});

describe('plain-text paste', () => {
  it('keeps paragraphs: blank lines separate them, a single break inside one stays a line break', () => {
    const doc = generateJSON(plainTextToHtml('Satu\r\nbaris dua\n\n\nParagraf <dua> & tiga\n'), extensions) as DocNode;
    expect(outline(doc)).toEqual(['doc', p('Satu', ['hardBreak'], 'baris dua'), p('Paragraf <dua> & tiga')]);
  });

  it('without blank lines, every line is a paragraph', () => {
    const doc = generateJSON(plainTextToHtml('Satu\nDua\n\nTiga'.replace('\n\n', '\n')), extensions) as DocNode;
    expect(outline(doc)).toEqual(['doc', p('Satu'), p('Dua'), p('Tiga')]);
  });
});
