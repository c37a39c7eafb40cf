import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../sync/helpers/fault-proxy';
import { enrollInSettings } from '../helpers/enroll';
import { browserSuite } from '../helpers/suite';

/**
 * Sync end to end: enroll through "Pengaturan", write a release, press "Sinkronkan",
 * see the progress bar "Sinkronisasi" and the release marked terkirim; a second
 * workstation shows it after its own sync. Real Chromium → web host → SQLite → real HQ.
 * A proxy that only delays requests keeps each sync on screen long enough to see it.
 */

const TITLE = 'KPU Blora Tetapkan Daftar Pemilih Tetap';

async function syncAndWatch(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sinkronkan' }).click();
  const bar = page.getByRole('progressbar', { name: 'Sinkronisasi' });
  await bar.waitFor({ state: 'visible', timeout: 30_000 });
  await bar.waitFor({ state: 'hidden', timeout: 60_000 });
}

describe('sync end to end in the browser', () => {
  const suite = browserSuite('warta-e2e-sync-', { hq: true });
  let proxy: FaultProxy;

  beforeAll(async () => {
    proxy = await startFaultProxy({ target: suite.hq.url, seed: 1, rate: 1, kinds: ['delay'], maxDelayMs: 400 });
  });
  afterAll(() => proxy?.close());

  it('enrolls, writes, syncs, and the second workstation receives it', async () => {
    const [a, b] = await Promise.all([suite.startHost('a'), suite.startHost('b')]);

    const pageA = await suite.browser.newPage();
    const errors: string[] = [];
    pageA.on('pageerror', (e) => errors.push(e.message));
    await pageA.goto(await a.openUrl());
    await enrollInSettings(pageA, proxy.url, await suite.hq.code('KPU Kabupaten Blora', 'Siti Aminah'));

    await pageA.getByRole('button', { name: 'Rilis baru' }).click();
    await pageA.getByRole('textbox', { name: 'Judul', exact: true }).fill(TITLE);
    await pageA.getByRole('textbox', { name: 'Isi rilis' }).click();
    await pageA.keyboard.type('Blora – KPU Kabupaten Blora menetapkan daftar pemilih tetap pada rapat pleno terbuka.');
    await pageA
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .first()
      .waitFor({ timeout: 30_000 });

    const list = pageA.getByRole('list', { name: /rilis/i });
    const item = list.getByRole('listitem').filter({ hasText: TITLE });
    await item.waitFor({ timeout: 30_000 });

    await syncAndWatch(pageA);
    // The badge reads "Terkirim" (and no longer "Belum terkirim").
    await expect
      .poll(
        async () => {
          const text = (await item.textContent()) ?? '';
          return text.includes('Terkirim') && !text.includes('Belum terkirim');
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    // The second workstation: nothing until its own sync, then the release is there.
    const pageB = await suite.browser.newPage();
    pageB.on('pageerror', (e) => errors.push(e.message));
    await pageB.goto(await b.openUrl());
    await enrollInSettings(pageB, proxy.url, await suite.hq.code('KPU Kabupaten Blora', 'Budi Santoso'));
    const listB = pageB.getByRole('list', { name: /rilis/i });
    // (Connecting starts a sync on its own; "Sinkronkan" then runs another or joins it.)
    await syncAndWatch(pageB);
    const itemB = listB.getByRole('listitem').filter({ hasText: TITLE });
    await itemB.waitFor({ timeout: 30_000 });
    expect(await itemB.textContent()).toContain('Terkirim');
    expect(await itemB.textContent()).not.toContain('Belum terkirim');
    await itemB.getByRole('button').first().click();
    await expect
      .poll(() => pageB.getByRole('textbox', { name: 'Isi rilis' }).textContent(), { timeout: 30_000 })
      .toContain('menetapkan daftar pemilih tetap');
    expect(errors).toEqual([]);
  });
});
