import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../src/shared/domain/doc';
import { setOfficeSetting } from '../../src/server/offices';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';
import { openRelease } from './desks';

/**
 * "Ekspor" → "PDF" in real Chromium: the print view the page mounts is printed by Chromium
 * itself (Playwright's page.pdf, what "Simpan sebagai PDF" does in the print dialog), and the
 * PDF is read back with pdfjs: the headline is text, the office letterhead heads every page.
 */

const OFFICE = 'KPU Kabupaten Blora';
const LONG_TITLE = 'KPU Blora Tetapkan Hasil Rekapitulasi Suara';
const SHORT_TITLE = 'Jadwal Pelantikan Anggota PPK';

const text = (t: string, marks?: DocNode['marks']): DocNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const para = (...kids: DocNode[]): DocNode => ({ type: 'paragraph', content: kids });

/** About four pages: headings, paragraphs, a list, a quote, a table and a figure. */
function longBody(figure: string): DocNode {
  const sentence =
    'Rapat pleno terbuka rekapitulasi hasil penghitungan suara tingkat kabupaten dihadiri saksi, Bawaslu dan pemantau.';
  const blocks: DocNode[] = [];
  for (let s = 1; s <= 6; s++) {
    blocks.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Bagian ${s}`)] });
    for (let p = 0; p < 5; p++) blocks.push(para(text(`${sentence} `.repeat(4).trim())));
  }
  blocks.splice(3, 0, {
    type: 'bulletList',
    content: ['Pembukaan', 'Penetapan'].map((t) => ({ type: 'listItem', content: [para(text(t))] })),
  });
  blocks.splice(6, 0, { type: 'blockquote', content: [para(text('“Semua suara dihitung terbuka,” ujar Ketua.'))] });
  blocks.splice(8, 0, {
    type: 'table',
    content: [
      ['Kecamatan', 'Suara sah'],
      ['Cepu', '41.250'],
    ].map((row) => ({ type: 'tableRow', content: row.map((c) => ({ type: 'tableCell', content: [para(text(c))] })) })),
  });
  blocks.splice(10, 0, {
    type: 'figure',
    attrs: { attachment: figure, alt: 'Rapat', caption: 'Suasana rapat pleno', credit: 'Foto: Humas' },
  });
  blocks.push(
    para(text('Informasi di '), text('laman KPU', [{ type: 'link', attrs: { href: 'https://kab-blora.kpu.go.id/' } }])),
  );
  return { type: 'doc', content: blocks };
}

interface PdfPage {
  text: string;
  /** Does the page paint an image (the letterhead's logo, a figure)? */
  image: boolean;
}

async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const ops = await page.getOperatorList();
    pages.push({
      text: content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
      image: ops.fnArray.includes(OPS.paintImageXObject),
    });
  }
  await doc.destroy();
  return pages;
}

const pagesOf = async (pdf: Buffer): Promise<string[]> => (await readPdf(pdf)).map((p) => p.text);

/** Chooses Ekspor → PDF (or the library's list export) and waits for the page to ask to print. */
async function exportPdf(page: Page, menuButton: string | RegExp): Promise<Buffer> {
  await page.evaluate('delete document.body.dataset.printed');
  await page.getByRole('button', { name: menuButton, exact: typeof menuButton === 'string' }).click();
  await page.getByRole('menuitem', { name: 'PDF' }).click();
  await page.waitForSelector('body[data-printed="1"]', { timeout: 60_000 });
  return page.pdf({ format: 'A4' });
}

describe('PDF export with the office letterhead (Chromium)', { timeout: 240_000 }, () => {
  const suite = browserSuite('warta-pdf-', { host: true, hq: true });

  it('prints one release to a PDF whose headline is text and whose every page carries the office name', async () => {
    const host = suite.host;
    const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#369' } })
      .png()
      .toBuffer();
    const image = await rpc(host, 'importImage', { name: 'rapat.png', dataBase64: png.toString('base64') });
    for (const [title, body] of [
      [LONG_TITLE, longBody(image.attachment)],
      [SHORT_TITLE, { type: 'doc', content: [para(text('Pelantikan digelar Senin pagi.'))] }],
    ] as const)
      await rpc(host, 'createRelease', {
        fields: {
          title,
          dateline: 'Blora',
          date: '2025-12-04',
          office: OFFICE,
          body,
          contact: { name: 'Siti Aminah', role: 'Kasubbag Teknis', phone: '0812-3456-7890' },
        },
      });

    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    // The browser's print dialog cannot be driven headless: record the page's request to print
    // instead, then print what the page shows for print, as the dialog would.
    await page.addInitScript('window.print = () => { document.body.dataset.printed = "1"; };');
    await page.goto(await host.openUrl());
    await openRelease(page, LONG_TITLE);

    const pdf = await readPdf(await exportPdf(page, 'Ekspor'));
    // No letterhead logo is set for this office: only the page with the figure paints an image.
    expect(pdf.filter((p) => p.image)).toHaveLength(1);
    const pages = pdf.map((p) => p.text);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain(LONG_TITLE);
    expect(pages[0]).toContain('Blora – Kamis (4/12/2025)');
    for (const [i, p] of pages.entries()) expect(p.toUpperCase(), `page ${i + 1}`).toContain(OFFICE.toUpperCase());
    const all = pages.join(' ');
    for (const words of [
      'Bagian 6',
      'Suasana rapat pleno',
      'Foto: Humas',
      '41.250',
      'Semua suara dihitung terbuka',
      'laman KPU',
      // The release closes with its contact person.
      'Narahubung: Siti Aminah (Kasubbag Teknis), 0812-3456-7890',
    ])
      expect(all).toContain(words);
    expect(all).not.toContain(SHORT_TITLE);
    // On screen the print view never shows.
    expect(await page.getByText('Suasana rapat pleno').first().isVisible()).toBe(false);

    // The library's list export: both releases in one PDF, each starting on its own page.
    const both = await pagesOf(await exportPdf(page, /^Unduh daftar/));
    const starts = [LONG_TITLE, SHORT_TITLE].map((title) => both.findIndex((p) => p.includes(title)));
    expect(starts.every((i) => i >= 0)).toBe(true);
    expect(new Set(starts).size).toBe(2);
    for (const p of both) expect(p.toUpperCase()).toContain(OFFICE.toUpperCase());
    await page.close();
  });

  it('uses the letterhead HQ set for the office, synced: logo, name, address and contacts on every page', async () => {
    const host = await suite.startHost('kop');
    await suite.connectToHq(host, 'Humas Blora');
    const logo = await sharp({ create: { width: 60, height: 60, channels: 3, background: '#b00' } })
      .png()
      .toBuffer();
    setOfficeSetting(
      suite.hq.server.storage,
      OFFICE,
      'letterhead',
      JSON.stringify({
        officeName: 'Komisi Pemilihan Umum Kabupaten Blora',
        address: 'Jl. Pemuda No. 5, Blora 58211',
        phone: '(0296) 531234',
        email: 'humas@kab-blora.kpu.go.id',
        logo: `data:image/png;base64,${logo.toString('base64')}`,
      }),
    );
    // A sync brings the office's profile (a sync already running when asked may have missed the setting).
    await expect
      .poll(
        async () => {
          await rpc(host, 'syncNow', {}).catch(() => undefined);
          return (await rpc(host, 'getOfficeProfile', {}))?.letterhead?.address;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe('Jl. Pemuda No. 5, Blora 58211');
    await rpc(host, 'createRelease', {
      fields: {
        title: LONG_TITLE,
        dateline: 'Blora',
        date: '2025-12-04',
        office: OFFICE,
        body: longBody(
          (await rpc(host, 'importImage', { name: 'a.png', dataBase64: logo.toString('base64') })).attachment,
        ),
      },
    });
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.addInitScript('window.print = () => { document.body.dataset.printed = "1"; };');
    await page.goto(await host.openUrl());
    await openRelease(page, LONG_TITLE);
    const pdf = await readPdf(await exportPdf(page, 'Ekspor'));
    expect(pdf.length).toBeGreaterThanOrEqual(3);
    // Every page paints the logo (the release's one figure is on one page only).
    expect(pdf.map((p) => p.image)).toEqual(pdf.map(() => true));
    const pages = pdf.map((p) => p.text);
    for (const [i, p] of pages.entries()) {
      expect(p.toUpperCase(), `page ${i + 1}`).toContain('KOMISI PEMILIHAN UMUM KABUPATEN BLORA');
      expect(p, `page ${i + 1}`).toContain('Jl. Pemuda No. 5, Blora 58211');
      expect(p, `page ${i + 1}`).toContain('humas@kab-blora.kpu.go.id');
    }
    await page.close();
  });
});
