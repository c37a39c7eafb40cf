/**
 * Word and PDF figures (sizes at full scale):
 *  - importing a 30-page .docx (about 14,000 words at ~470 a page: headings, lists, tables and
 *    ten photos), through convertDocx and createRelease as "Impor .docx" does;
 *  - exporting a 5,000-word release to .docx (exportDocx);
 *  - exporting the same release to PDF in Chromium: "Ekspor" → "PDF" until the page asks to
 *    print (release fetched, print view with letterhead drawn, images decoded), then Chromium's
 *    print to PDF of that page (what the print dialog's "Simpan sebagai PDF" or the desktop's
 *    printToPDF does).
 * Real SQLite in a temp dir; the PDF part runs the real web host and Debian's Chromium and
 * needs `npx electron-vite build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import sharp from 'sharp';
import { createServices } from '../src/main/services';
import { createFileSecretStore } from '../src/main/services/secrets';
import { silentLogger } from '../src/node/log/silent';
import type { DocNode } from '../src/shared/domain/doc';
import { countWords } from '../src/shared/editor/text';
import { launchChromium } from '../tests/helpers/browser';
import { rpc } from '../tests/helpers/rpc';
import { startWebHost } from '../tests/helpers/web-host';
import { record } from './lib/report';
import { sized } from './lib/scale';
import { median } from './lib/stats';

const PAGES = sized({ full: 30, quick: 10, tiny: 3 });
const EXPORT_WORDS = sized({ full: 5000, quick: 5000, tiny: 300 });
const RUNS = sized({ full: 5, quick: 2, tiny: 1 });

const WORDS = (
  'pemilu komisi kabupaten rapat pleno terbuka rekapitulasi suara hasil penetapan daftar pemilih tetap sosialisasi tahapan ' +
  'logistik kotak surat distribusi panitia kecamatan desa anggota ketua divisi teknis pengawasan partai calon kampanye ' +
  'masyarakat partisipasi verifikasi dokumen laporan anggaran pelantikan petugas pemungutan penghitungan saksi jadwal blora cepu'
).split(' ');
let seed = 7;
const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
const sentence = (n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ') + '.';
const paragraphText = () => Array.from({ length: 4 }, () => sentence(15)).join(' '); // 60 words

async function wordReport(): Promise<{ bytes: Buffer; words: number }> {
  // Photo-like JPEGs (noise does not compress away), each a different file as in a real report.
  const photos = await Promise.all(
    Array.from({ length: Math.floor(PAGES / 3) }, (_, i) =>
      sharp({
        create: {
          width: 1200,
          height: 800,
          channels: 3,
          background: '#5a7',
          noise: { type: 'gaussian', mean: 100 + i, sigma: 40 },
        },
      })
        .jpeg({ quality: 80 })
        .toBuffer(),
    ),
  );
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun('Laporan Penyelenggaraan Pemilu Kabupaten Blora')],
    }),
  ];
  let words = 0;
  for (let page = 1; page <= PAGES; page++) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Bagian ${page}`)] }));
    for (let p = 0; p < 7; p++) {
      children.push(new Paragraph({ children: [new TextRun(paragraphText())] }));
      words += 60;
    }
    for (let i = 0; i < 4; i++)
      children.push(
        new Paragraph({ numbering: { reference: 'n', level: i % 2 }, children: [new TextRun(sentence(10))] }),
      );
    words += 40;
    if (page % 5 === 0)
      children.push(
        new Table({
          rows: Array.from(
            { length: 6 },
            (_, r) =>
              new TableRow({
                children: ['Kecamatan', 'Suara', 'TPS'].map(
                  (c) => new TableCell({ children: [new Paragraph(`${c} ${r}`)] }),
                ),
              }),
          ),
        }),
      );
    if (page % 3 === 0)
      children.push(
        new Paragraph({
          children: [
            new ImageRun({ type: 'jpg', data: photos[page / 3 - 1]!, transformation: { width: 600, height: 400 } }),
          ],
        }),
      );
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'n',
          levels: [0, 1].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.` })),
        },
      ],
    },
    sections: [{ children }],
  });
  return { bytes: await Packer.toBuffer(doc), words };
}

function exportBody(): DocNode {
  const content: DocNode[] = [];
  for (let i = 0; countWords({ type: 'doc', content }) < EXPORT_WORDS; i++) {
    if (i % 8 === 0)
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Bagian ${i / 8 + 1}` }] });
    content.push({ type: 'paragraph', content: [{ type: 'text', text: paragraphText() }] });
  }
  return { type: 'doc', content };
}

const dir = mkdtempSync(join(tmpdir(), 'warta-bench-docs-'));
try {
  const services = await createServices({
    dataDir: join(dir, 'ws'),
    log: silentLogger,
    secrets: createFileSecretStore(join(dir, 'ws', 'secrets.json')),
    version: 'bench',
  });
  const h = services.handlers;

  const docx = await wordReport();
  let importNote = '';
  const imports: number[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const t0 = performance.now();
    const out = await h.convertDocx({ name: 'laporan.docx', dataBase64: docx.bytes.toString('base64') });
    await h.createRelease({ fields: { title: out.title, body: out.body } });
    imports.push(performance.now() - t0);
    if (run === 0)
      importNote = `${PAGES}-page .docx, ${(docx.bytes.length / 1048576).toFixed(1)} MB, ~${docx.words} words, ${out.images} photos → ${countWords(out.body)} words`;
  }
  record({ suite: 'documents', name: 'import .docx', value: median(imports), unit: 'ms', note: importNote });

  const body = exportBody();
  const release = await h.createRelease({
    fields: { title: 'Rilis 5.000 kata', dateline: 'Blora', office: 'KPU Kabupaten Blora', body },
  });
  const exports: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    await h.exportDocx({ id: release.id });
    exports.push(performance.now() - t0);
  }
  record({
    suite: 'documents',
    name: 'export .docx',
    value: median(exports),
    unit: 'ms',
    note: `${countWords(body)}-word release`,
  });
  await services.close();

  // PDF: the real web host and Chromium.
  const host = await startWebHost({ dataDir: join(dir, 'web') });
  const browser = await launchChromium();
  try {
    await rpc(host, 'createRelease', {
      fields: { title: 'Rilis 5.000 kata', dateline: 'Blora', office: 'KPU Kabupaten Blora', body },
    });
    const page = await browser.newPage();
    await page.addInitScript('window.print = () => { document.body.dataset.printed = "1"; };');
    await page.goto(await host.openUrl());
    await page
      .getByRole('button', { name: /Rilis 5\.000 kata/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: 'Isi rilis' }).waitFor();
    const views: number[] = [];
    const pdfs: number[] = [];
    let pages = 0;
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate('delete document.body.dataset.printed');
      const t0 = performance.now();
      await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
      await page.getByRole('menuitem', { name: 'PDF' }).click();
      await page.waitForSelector('body[data-printed="1"]');
      const t1 = performance.now();
      const pdf = await page.pdf({ format: 'A4' });
      const t2 = performance.now();
      views.push(t1 - t0);
      pdfs.push(t2 - t1);
      pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    record({
      suite: 'documents',
      name: 'export PDF',
      value: median(views) + median(pdfs),
      unit: 'ms',
      note: `${countWords(body)}-word release, ${pages} pages: print view ${median(views).toFixed(0)} ms, Chromium's PDF ${median(pdfs).toFixed(0)} ms`,
    });
  } finally {
    await browser.close();
    await host.kill('SIGTERM');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
