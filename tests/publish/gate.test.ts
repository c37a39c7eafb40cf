import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { RenderGate, safeHref } from '../../src/server/public';
import { editorExtensions } from '../../src/shared/editor';
import type { DocNode } from '../../src/shared/domain';

const SHA = 'a'.repeat(64);
const gate = new RenderGate();
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const text = (t: string, marks?: DocNode['marks']): DocNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

describe('rendering gate', () => {
  it('renders every node and mark type of the shared schema', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2, id: 'h' }, content: [text('Subjudul dua')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Subjudul tiga')] },
      { type: 'heading', attrs: { level: 4 }, content: [text('Subjudul empat')] },
      para(
        text('tebal', [{ type: 'bold' }]),
        text(' miring', [{ type: 'italic' }]),
        text(' coret', [{ type: 'strike' }]),
        text(' garis', [{ type: 'underline' }]),
        { type: 'hardBreak' },
        text('tautan', [{ type: 'link', attrs: { href: 'https://kpu.go.id/', target: '_blank' } }]),
        text(' surat', [{ type: 'link', attrs: { href: 'mailto:humas@kpu.go.id' } }]),
      ),
      { type: 'blockquote', content: [para(text('"Pemilu harus jujur dan adil," kata Ketua KPU.'))] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [para(text('butir satu'))] },
          { type: 'listItem', content: [para(text('butir dua'))] },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [para(text('nomor tiga'))] }],
      },
      { type: 'horizontalRule' },
      { type: 'codeBlock', attrs: { language: 'text' }, content: [text('kode <b>')] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [para(text('Kepala'))] }],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [para(text('A'))] },
              { type: 'tableCell', content: [para(text('B'))] },
            ],
          },
        ],
      },
      {
        type: 'figure',
        attrs: { attachment: SHA, alt: 'Suasana rapat', caption: 'Rapat pleno', credit: 'Foto: Humas' },
      },
    );
    const { html, report } = gate.render(body);
    // Every node type and mark type of the schema appears in the output.
    const schema = getSchema(editorExtensions({ generateIds: false }));
    const expectTag: Record<string, string> = {
      heading: '<h2>',
      paragraph: '<p>',
      blockquote: '<blockquote>',
      bulletList: '<ul>',
      orderedList: '<ol start="3">',
      listItem: '<li>',
      horizontalRule: '<hr />',
      codeBlock: '<pre><code class="language-text">kode &lt;b&gt;</code></pre>',
      table: '<table>',
      tableRow: '<tr>',
      tableHeader: '<th colspan="2" rowspan="1">',
      tableCell: '<td colspan="1" rowspan="1">',
      figure: '<figure>',
      hardBreak: '<br />',
      text: 'Kepala',
      doc: '',
      bold: '<strong>tebal</strong>',
      italic: '<em> miring</em>',
      strike: '<s> coret</s>',
      underline: '<u> garis</u>',
      link: '<a href="https://kpu.go.id/" rel="noopener noreferrer nofollow">tautan</a>',
    };
    // Review marks of the shared schema are the exception: never published.
    const reviewMarks = Object.keys(schema.marks).filter((m) => /^suggestion/.test(m));
    for (const name of reviewMarks) {
      const out = gate.render(
        doc(
          para(
            text('sebelum '),
            text('usulan', [{ type: name, attrs: { id: 's1', author: 'P', at: '2025-12-04T01:00:00Z' } }]),
          ),
        ),
      );
      expect(out.html, name).not.toMatch(/<ins|<del|data-suggestion|data-author|warta-suggestion/);
    }
    for (const name of [...Object.keys(schema.nodes), ...Object.keys(schema.marks)].filter(
      (n) => !reviewMarks.includes(n),
    )) {
      expect(expectTag, `schema type ${name} has an expectation`).toHaveProperty(name);
      expect(html, name).toContain(expectTag[name]);
    }
    expect(html).toContain('<h3>Subjudul tiga</h3>');
    expect(html).toContain('<h4>Subjudul empat</h4>');
    expect(html).toContain('<a href="mailto:humas@kpu.go.id" rel="noopener noreferrer nofollow"> surat</a>');
    expect(html).toContain(`<img src="/media/${SHA}/w800.jpg"`);
    expect(html).toContain(`srcset="/media/${SHA}/w400.jpg 400w`);
    expect(html).toContain('alt="Suasana rapat"');
    expect(html).toContain(
      '<figcaption><span class="caption">Rapat pleno</span><span class="credit">Foto: Humas</span></figcaption>',
    );
    // No ids, styles, targets or data attributes leak out.
    expect(html).not.toMatch(/data-id|style=|target=|data-attachment|colgroup/);
    expect(report).toEqual({
      droppedNodes: 0,
      droppedMarks: 0,
      droppedLinks: 0,
      droppedSuggestions: 0,
      repairedBlocks: 0,
    });
  });

  it('drops review marks: suggested insertions vanish, suggested deletions stay as text, comments unwrap', () => {
    const body = doc(
      para(
        text('Rapat dimulai pukul '),
        text('09.00', [{ type: 'suggestionDelete', attrs: { author: 'Peninjau' } }]),
        text('10.00', [{ type: 'suggestionInsert', attrs: { author: 'Peninjau' } }]),
        text(' WIB di aula', [{ type: 'comment', attrs: { threadId: 't1' } }]),
        text(' kantor', [{ type: 'suggestion', attrs: { kind: 'insert' } }]),
        text(' KPU.', [{ type: 'suggestion', attrs: { kind: 'delete' } }, { type: 'bold' }]),
      ),
    );
    const { html, report } = gate.render(body);
    expect(html).toBe('<p>Rapat dimulai pukul 09.00 WIB di aula<strong> KPU.</strong></p>');
    expect(report.droppedSuggestions).toBe(2);
  });

  it('drops forged node types, marks and attributes; refuses unsafe links; repairs invalid structure', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'script', content: [text('alert(1)')] },
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(1)', style: 'color:red', id: 'x' },
          content: [text('aman', [{ type: 'evil', attrs: { onmouseover: 'x' } }])],
        },
        para(text('js', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
        para(text('data', [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }])),
        para(text('spasi', [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }])),
        { type: 'listItem', content: [para(text('yatim'))] },
        text('teks lepas'),
        { type: 'figure', attrs: { attachment: '../../etc/passwd' } },
        { type: 'heading', attrs: { level: 1 }, content: [text('H1 jadi H2')] },
        { type: 'bulletList', content: [para(text('bukan listItem'))] },
      ],
    };
    const { html, report } = gate.render(body);
    expect(html).not.toMatch(/script|onclick|style|onmouseover|javascript|data:|passwd|<a/i);
    expect(html).toContain('<p>aman</p>');
    expect(html).toContain('<p>teks lepas</p>');
    expect(html).toContain('<h2>H1 jadi H2</h2>');
    expect(html).toContain('yatim');
    expect(html).toContain('bukan listItem');
    expect(report.droppedNodes).toBeGreaterThanOrEqual(2);
    expect(report.droppedLinks).toBe(3);
    expect(report.droppedMarks).toBe(1);
    expect(report.repairedBlocks).toBeGreaterThanOrEqual(1);
  });

  it('accepts only plain http(s)/mailto hrefs', () => {
    for (const ok of ['https://kpu.go.id/a?b=1#c', 'http://contoh.id', 'mailto:a@b.id', ' https://trim.id '])
      expect(safeHref(ok), ok).not.toBeNull();
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:x',
      'jav&#x61;script:x',
      'vbscript:x',
      'data:text/html,x',
      '//evil.example',
      '/relative',
      'https://a.id/"onmouseover="x',
      'јavascript:x',
      'https://a b.id',
      'ftp://x.id',
      'https:\\\\evil',
      'http://a.id/\u0000',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });

  it('never throws on garbage and always yields a document', () => {
    for (const junk of [
      null,
      1,
      'doc',
      [],
      { type: 'doc' },
      { type: 'doc', content: 'x' },
      { type: 'doc', content: [null, 1, 'x', { type: 7 }] },
    ]) {
      const { html } = gate.render(junk);
      expect(html).toBe('<p></p>');
    }
    // Deep nesting is cut, not recursed into forever.
    let deep: DocNode = para(text('dalam'));
    for (let i = 0; i < 200; i++) deep = { type: 'blockquote', content: [deep] };
    expect(() => gate.render(doc(deep))).not.toThrow();
  });
});
