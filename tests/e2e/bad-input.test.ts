import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../src/shared/contract';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/** Bad input reaches the writer as a clear message in the page, and loses nothing stored. */
describe('bad input shows up in the page', { timeout: 180_000 }, () => {
  const suite = browserSuite('warta-bad-');

  async function chooseImage(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('toolbar', { name: 'Format teks' }).getByRole('button', { name: 'Sisipkan gambar' }).click();
    await (await chooser).setFiles({ name, mimeType, buffer });
  }

  it('refuses a file that only claims to be an image, and one over the size cap, keeping the text', async () => {
    const host = await suite.startHost('images');
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000); // a loaded 2-core CI box
    await page.goto(await host.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Sosialisasi pemilih pemula');
    await page.getByRole('textbox', { name: 'Isi rilis' }).click();
    await page.keyboard.type('Kegiatan berlangsung di aula kantor.');
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .first()
      .waitFor({ timeout: 60_000 });

    await chooseImage(page, 'foto-kegiatan.jpg', 'image/jpeg', Buffer.from('<html><body>bukan foto</body></html>'));
    const notImage = page.getByRole('alert').filter({ hasText: /foto-kegiatan\.jpg.*bukan gambar/ });
    await notImage.waitFor({ timeout: 60_000 });

    await chooseImage(page, 'besar.png', 'image/png', Buffer.alloc(MAX_IMAGE_BYTES + 1024, 0x89));
    await page
      .getByRole('alert')
      .filter({ hasText: /terlalu besar/ })
      .waitFor({ timeout: 60_000 });

    const { items } = await rpc(host, 'listReleases', {});
    expect(items).toHaveLength(1);
    const stored = await rpc(host, 'getRelease', { id: items[0]!.id });
    expect(stored.title).toBe('Sosialisasi pemilih pemula');
    expect(JSON.stringify(stored.body)).toContain('Kegiatan berlangsung di aula kantor.');
    expect(JSON.stringify(stored.body)).not.toContain('"figure"');
  });

  it('tells the writer when a damaged database was kept aside', async () => {
    const dataDir = join(suite.dir, 'damaged');
    const first = await suite.startHost('damaged');
    await rpc(first, 'createRelease', { fields: { title: 'Rilis sebelum kerusakan' } });
    await first.kill('SIGTERM');
    // Not a database any more: a power cut mid-copy, a disk error.
    writeFileSync(join(dataDir, 'warta.db'), Buffer.alloc(64 * 1024, 0x5a));

    const host = await suite.startHost('damaged');
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000); // a loaded 2-core CI box
    await page.goto(await host.openUrl());
    await page
      .getByRole('alert')
      .filter({ hasText: /Basis data rusak/ })
      .waitFor({ timeout: 60_000 });
    // The page still works on the fresh database.
    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Rilis setelah pemulihan');
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .first()
      .waitFor({ timeout: 60_000 });
  });
});
