import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../src/shared/domain/doc';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/**
 * Writing survives a crash, end to end: a writer creates a release in real Chromium through the web host,
 * waits for "Tersimpan", the host is SIGKILLed, and after a restart on the same data dir
 * the release is there with an identical body and search finds a word of it.
 */

const TITLE = 'KPU Blora Gelar Rapat Pleno Rekapitulasi';
const UNIQUE_WORD = 'Randublatung';

function collect(
  node: DocNode,
  out: { types: Set<string>; marks: Set<string>; hrefs: string[]; text: string[] },
): typeof out {
  out.types.add(node.type);
  for (const m of node.marks ?? []) {
    out.marks.add(m.type);
    if (m.type === 'link' && typeof m.attrs?.href === 'string') out.hrefs.push(m.attrs.href);
  }
  if (node.text) out.text.push(node.text);
  for (const child of node.content ?? []) collect(child, out);
  return out;
}

async function waitSaved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /^Tersimpan/ })
    .first()
    .waitFor({ timeout: 60_000 });
}

describe('writer workstation end to end (Chromium → web host → SQLite)', { timeout: 240_000 }, () => {
  const suite = browserSuite('warta-e2e-');

  it('keeps a release written in the editor across a SIGKILL of the host, and finds it by a body word', async () => {
    let host = await suite.startHost('ws');
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000); // a loaded 2-core CI box
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(await host.openUrl());

    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Dateline', exact: true }).fill('Blora');
    await page.getByRole('combobox', { name: 'Kategori', exact: true }).selectOption({ label: 'Pengumuman' });

    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.click();
    const kb = page.keyboard;
    // Markdown-style input rules of the editor: "## " heading, "> " quote, "- " list.
    await kb.type('## Rekapitulasi tingkat kabupaten');
    await kb.press('Enter');
    await kb.type(`Rapat pleno digelar di Kecamatan ${UNIQUE_WORD} pada Kamis (4/12/2025).`);
    await kb.press('Enter');
    await kb.type('> Seluruh tahapan berjalan tertib dan transparan, kata Ketua KPU Blora.');
    await kb.press('Enter');
    await kb.press('Enter'); // an empty paragraph in a quote lifts out of it
    await kb.type('- Pembukaan oleh ketua');
    await kb.press('Enter');
    await kb.type('Pembacaan hasil per kecamatan');
    await kb.press('Enter');
    await kb.press('Enter'); // leave the list
    await kb.type('Laman resmi KPU');
    await kb.press('Shift+Home');
    await page
      .getByRole('toolbar', { name: 'Format teks' })
      .getByRole('button', { name: 'Tautan', exact: true })
      .click();
    await page.getByRole('textbox', { name: 'Alamat tautan' }).fill('https://kpu.go.id');
    await page.getByRole('button', { name: 'Terapkan' }).click();

    await waitSaved(page);

    const { items } = await rpc(host, 'listReleases', {});
    expect(items).toHaveLength(1);
    const before = await rpc(host, 'getRelease', { id: items[0]!.id });
    expect(before.title).toBe(TITLE);
    expect(before.dateline).toBe('Blora');
    expect(before.category).toBe('pengumuman');
    const seen = collect(before.body, { types: new Set(), marks: new Set(), hrefs: [], text: [] });
    expect([...seen.types]).toEqual(
      expect.arrayContaining(['heading', 'blockquote', 'bulletList', 'listItem', 'paragraph']),
    );
    expect(seen.hrefs).toEqual(['https://kpu.go.id']);
    expect(seen.text.join(' ')).toContain(UNIQUE_WORD);
    expect(pageErrors).toEqual([]);

    // A crash, not a shutdown: no chance to flush anything.
    const oldUrl = host.url;
    const exit = await host.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    // Really gone (not a wrapper killed while the host lives on holding the database).
    await expect(fetch(oldUrl)).rejects.toThrow();
    host = await suite.startHost('ws');

    const after = await rpc(host, 'getRelease', { id: before.id });
    expect(after.body).toEqual(before.body);
    expect(after.title).toBe(TITLE);
    expect(after.localRev).toBe(before.localRev);

    // And the writer finds it again through the page.
    await page.goto(await host.openUrl());
    await page.getByRole('searchbox', { name: 'Cari rilis' }).fill(UNIQUE_WORD.toLowerCase());
    const hit = page.getByRole('list', { name: 'Rilis' }).getByRole('button').filter({ hasText: TITLE });
    await hit.waitFor({ timeout: 60_000 });
    await hit.click();
    await page
      .getByRole('textbox', { name: 'Isi rilis' })
      .filter({ hasText: UNIQUE_WORD })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue()).toBe(TITLE);
    expect(pageErrors).toEqual([]);
  });
});
