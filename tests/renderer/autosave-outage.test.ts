import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/**
 * "Must never lose a word": the host dies while the writer types. The words stay in the
 * editor, the status never claims "Tersimpan" while they are not stored, and once the host
 * is back (same port, same data dir, a NEW one-time link but the same session key in the
 * data dir) the page saves them by itself — no reload, which would have dropped them.
 */

const FIRST = 'Rapat pleno terbuka dimulai pukul sembilan.';
const DURING = 'Kalimat ini ditulis ketika layanan lokal mati.';

describe('autosave through a host outage', () => {
  const suite = browserSuite('warta-renderer-outage-');

  it('keeps retrying, never shows Tersimpan while unsaved, and stores everything once the host is back', async () => {
    const first = await suite.startHost('ws');
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await first.openUrl());

    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Uji pemadaman');
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.click();
    await page.keyboard.type(FIRST);
    const status = page
      .getByRole('status')
      .filter({ hasText: /^(Tersimpan|Menyimpan|Belum disimpan|Gagal menyimpan)/ });
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .waitFor({ timeout: 30_000 });
    const id = (await rpc(first, 'listReleases', {})).items[0]?.id;
    expect(id).toBeTruthy();

    await first.kill('SIGKILL');
    await page.keyboard.press('End');
    await page.keyboard.type(` ${DURING}`);
    await page
      .getByRole('status')
      .filter({ hasText: /^Gagal menyimpan/ })
      .waitFor({ timeout: 30_000 });
    // Retries keep failing while the host is away; the status must not claim success.
    for (let i = 0; i < 5; i += 1) {
      expect(await status.textContent()).not.toMatch(/Tersimpan/);
      await page.waitForTimeout(300);
    }
    expect(await body.textContent()).toContain(DURING);

    const second = await suite.startHost('ws', { port: first.port });
    expect(second.launchUrl).not.toBe(first.launchUrl);
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .waitFor({ timeout: 90_000 });

    const stored = await rpc(second, 'getRelease', { id: id as string });
    const text = JSON.stringify(stored.body);
    expect(text).toContain(FIRST);
    expect(text).toContain(DURING);
    expect(errors).toEqual([]);
  });
});
