import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../src/shared/domain/doc';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';
import { png, sampleDocx } from '../documents/sample-docx';
import { openRelease, saved } from './desks';

/**
 * Word in and out through the page, in real Chromium: "Impor .docx" makes a release of a
 * document, "Ekspor" → "Word (.docx)" downloads it again, a file that is no .docx is refused
 * with a message and the library stays as it was, and a paste from Word keeps its structure.
 */

const types = (n: DocNode, out: string[] = []): string[] => {
  out.push(n.type);
  for (const c of n.content ?? []) types(c, out);
  return out;
};

async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor .docx' }).click();
  await (await chooser).setFiles(paths);
}

const attachments = (dataDir: string) => {
  const dir = join(dataDir, 'attachments');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

describe('Word documents in the workstation (Chromium)', { timeout: 240_000 }, () => {
  const suite = browserSuite('warta-word-', { host: true });

  it('imports a .docx as a new release and exports it again as Word', async () => {
    const host = suite.host;
    const file = join(suite.dir, 'rapat-pleno.docx');
    writeFileSync(file, await sampleDocx(await png('#a33')));
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(await host.openUrl());

    await chooseFiles(page, [file]);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(), { timeout: 60_000 })
      .toBe('KPU Blora Gelar Rapat Pleno');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'diimpor' }).count()).toBe(1);
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.getByRole('heading', { name: 'Agenda' }).waitFor();
    const { items } = await rpc(host, 'listReleases', { sort: 'updated_desc', limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    const stored = await rpc(host, 'getRelease', { id: items[0]!.id });
    for (const type of ['heading', 'bulletList', 'orderedList', 'blockquote', 'table', 'figure'])
      expect(types(stored.body)).toContain(type);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Word (.docx)' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync((await saved.path())!);
    const again = await rpc(host, 'convertDocx', { name: 'lagi.docx', dataBase64: bytes.toString('base64') });
    expect(again.title).toBe('KPU Blora Gelar Rapat Pleno');
    await page.close();
  });

  it('refuses a 60 MB file, a renamed .exe and a corrupt .docx with a message each, the library unchanged', async () => {
    const host = await suite.startHost('refuse');
    await rpc(host, 'createRelease', { fields: { title: 'Rilis yang sudah ada' } });
    const before = await rpc(host, 'listReleases', { sort: 'updated_desc', limit: 100, offset: 0 });
    const filesBefore = attachments(host.dataDir);
    const big = join(suite.dir, 'laporan-besar.docx');
    writeFileSync(big, Buffer.alloc(60 * 1024 * 1024, 1));
    const exe = join(suite.dir, 'undangan.docx');
    writeFileSync(exe, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(8192, 0x41)]));
    const corrupt = join(suite.dir, 'rusak.docx');
    writeFileSync(corrupt, (await sampleDocx(await png('#3a3'))).subarray(0, 2500));

    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(await host.openUrl());
    for (const [path, wording] of [
      [big, /laporan-besar\.docx.*terlalu besar \(60\.0 MB\)/],
      [exe, /undangan\.docx.*adalah program/],
      [corrupt, /rusak\.docx.*rusak/],
    ] as const) {
      await chooseFiles(page, [path]);
      await page.getByRole('alert').filter({ hasText: wording }).waitFor({ timeout: 60_000 });
    }
    expect(await rpc(host, 'listReleases', { sort: 'updated_desc', limit: 100, offset: 0 })).toEqual(before);
    expect(attachments(host.dataDir)).toEqual(filesBefore);
    await page.close();
  });

  it('a paste from Word keeps headings, nested lists, the table and the quote, and its image becomes an attachment', async () => {
    const host = await suite.startHost('paste');
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(await host.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Tempelan dari Word');
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.click();
    const html = readFileSync(join(import.meta.dirname, '../fixtures/paste/word-desktop.html'), 'utf8');
    const image = (await png('#123')).toString('base64');
    // Word puts the image on the clipboard as a file beside the HTML (whose <img> names a temp path).
    // (A string, as the page's own script: the test files compile without the DOM library.)
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.setData('text/html', ${JSON.stringify(html)});
      dt.setData('text/plain', 'KPU Blora');
      const bytes = Uint8Array.from(atob('${image}'), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], 'image001.png', { type: 'image/png' }));
      const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
      document.querySelector('[aria-label="Isi rilis"]').dispatchEvent(event);
    })()`);
    await body.getByRole('table').waitFor();
    await saved(page);
    await openRelease(page, 'Tempelan dari Word');
    const { items } = await rpc(host, 'listReleases', { sort: 'updated_desc', limit: 10, offset: 0 });
    const stored = await rpc(host, 'getRelease', { id: items[0]!.id });
    const json = JSON.stringify(stored.body);
    for (const junk of ['mso', 'Calibri', 'HK1', 'Sebut nama', 'yang lama']) expect(json).not.toContain(junk);
    const all = types(stored.body);
    expect(all.filter((t) => t === 'bulletList')).toHaveLength(2); // nested
    expect(all.filter((t) => t === 'orderedList')).toHaveLength(2);
    for (const type of ['heading', 'blockquote', 'table', 'figure']) expect(all).toContain(type);
    const figure = stored.body.content!.find((n) => n.type === 'figure')!;
    expect(attachments(host.dataDir)).toContain(figure.attrs!['attachment']);
    await page.close();
  });

  it('a few words pasted from Google Docs join the paragraph they land in; plain text keeps its paragraphs', async () => {
    const host = await suite.startHost('inline');
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(await host.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Tempelan sebaris');
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.click();
    await page.keyboard.type('Awal ');
    const paste = (type: string, data: string) =>
      page.evaluate(`(() => {
        const dt = new DataTransfer();
        dt.setData(${JSON.stringify(type)}, ${JSON.stringify(data)});
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      })()`);
    await paste(
      'text/html',
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><span style="font-size:11pt;font-weight:700;">tengah</span></b>',
    );
    await page.keyboard.type(' akhir');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await paste('text/plain', 'Paragraf satu\r\nbaris kedua\n\nParagraf dua');
    await saved(page);
    const { items } = await rpc(host, 'listReleases', { sort: 'updated_desc', limit: 10, offset: 0 });
    const stored = await rpc(host, 'getRelease', { id: items[0]!.id });
    const paragraphs = stored.body.content!.filter((n) => n.type === 'paragraph');
    const textOf = (n: DocNode): string =>
      n.type === 'hardBreak' ? '\n' : (n.text ?? (n.content ?? []).map(textOf).join(''));
    expect(paragraphs.map(textOf)).toEqual(['Awal tengah akhir', 'Paragraf satu\nbaris kedua', 'Paragraf dua']);
    const bold = paragraphs[0]!.content!.filter((n) => n.marks?.some((m) => m.type === 'bold')).map((n) => n.text);
    // Bold starts at the pasted word (typing on after it continues the mark, as in any editor).
    expect(bold.join('')).toMatch(/^tengah/);
    expect(bold.join('')).not.toContain('Awal');
    await page.close();
  });

  it('a long import shows its count and "Batal" stops it: no release is made of the file under way or after it', async () => {
    const host = await suite.startHost('cancel');
    const files = await Promise.all(
      ['satu', 'dua', 'tiga'].map(async (name, i) => {
        const path = join(suite.dir, `${name}.docx`);
        writeFileSync(path, await sampleDocx(await png(['#111', '#222', '#333'][i]!)));
        return path;
      }),
    );
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(await host.openUrl());
    // Hold the first conversion until "Batal" has been pressed, so the test decides the moment.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/rpc/convertDocx', async (route) => {
      await held;
      await route.continue();
    });
    await chooseFiles(page, files);
    const progress = page.getByRole('progressbar', { name: 'Kemajuan' });
    await progress.waitFor();
    expect(await progress.getAttribute('aria-valuemax')).toBe('3');
    expect(await page.getByText('Mengimpor 1 dari 3 dokumen…').count()).toBe(1);
    await page.getByRole('button', { name: 'Batal' }).click();
    release();
    await page.getByRole('status').filter({ hasText: 'Dibatalkan: 0 dari 3 selesai.' }).waitFor();
    await progress.waitFor({ state: 'detached' });
    expect((await rpc(host, 'listReleases', { sort: 'updated_desc', limit: 10, offset: 0 })).total).toBe(0);
    await page.close();
  });
});
