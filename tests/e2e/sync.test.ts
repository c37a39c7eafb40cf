import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { assertRendererBuilt, launchChromium, makeTempDir, startWebHost, type RunningWebHost } from '../helpers';
import { startFaultProxy, type FaultProxy } from '../sync/helpers/fault-proxy';
import { startHq, type Hq } from '../sync/helpers/world';

/**
 * Issue 3, "Done means": enroll through "Pengaturan", write a release, press "Sinkronkan",
 * see the progress bar "Sinkronisasi" and the release marked terkirim; a second
 * workstation shows it after its own sync. Real Chromium → web host → SQLite → real HQ.
 * A proxy that only delays requests keeps each sync on screen long enough to see it.
 */

const TITLE = 'KPU Blora Tetapkan Daftar Pemilih Tetap';

async function enroll(page: Page, hqUrl: string, code: string): Promise<void> {
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await page.getByRole('textbox', { name: 'Alamat server pusat' }).fill(hqUrl);
  await page.getByRole('textbox', { name: 'Kode pendaftaran' }).fill(code);
  await page.getByRole('button', { name: 'Hubungkan' }).click();
  await page.getByRole('dialog').getByText('KPU Kabupaten Blora').first().waitFor({ timeout: 30_000 });
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();
}

async function syncAndWatch(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sinkronkan' }).click();
  const bar = page.getByRole('progressbar', { name: 'Sinkronisasi' });
  await bar.waitFor({ state: 'visible', timeout: 30_000 });
  await bar.waitFor({ state: 'hidden', timeout: 60_000 });
}

describe('sync end to end in the browser', () => {
  const tmp = makeTempDir('warta-e2e-sync-');
  let browser: Browser;
  let hq: Hq;
  let proxy: FaultProxy;
  const hosts: RunningWebHost[] = [];

  beforeAll(async () => {
    assertRendererBuilt();
    hq = await startHq(join(tmp.dir, 'hq'));
    proxy = await startFaultProxy({ target: hq.url, seed: 1, rate: 1, kinds: ['delay'], maxDelayMs: 400 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const h of hosts) await h.kill('SIGTERM');
    await proxy?.close();
    await hq?.close();
    tmp.cleanup();
  });

  it('enrolls, writes, syncs, and the second workstation receives it', async () => {
    const [a, b] = await Promise.all([
      startWebHost({ dataDir: join(tmp.dir, 'a') }),
      startWebHost({ dataDir: join(tmp.dir, 'b') }),
    ]);
    hosts.push(a, b);

    const pageA = await browser.newPage();
    const errors: string[] = [];
    pageA.on('pageerror', (e) => errors.push(e.message));
    await pageA.goto(a.url);
    await enroll(pageA, proxy.url, await hq.code('KPU Kabupaten Blora', 'Siti Aminah'));

    await pageA.getByRole('button', { name: 'Rilis baru' }).click();
    await pageA.getByRole('textbox', { name: 'Judul', exact: true }).fill(TITLE);
    await pageA.getByRole('textbox', { name: 'Isi rilis' }).click();
    await pageA.keyboard.type('Blora – KPU Kabupaten Blora menetapkan daftar pemilih tetap pada rapat pleno terbuka.');
    await pageA.getByRole('status').filter({ hasText: /^Tersimpan/ }).first().waitFor({ timeout: 30_000 });

    const list = pageA.getByRole('list', { name: /rilis/i });
    const item = list.getByRole('listitem').filter({ hasText: TITLE });
    await item.waitFor({ timeout: 30_000 });

    await syncAndWatch(pageA);
    // The badge reads "Terkirim" (and no longer "Belum terkirim").
    await expect.poll(async () => {
      const text = (await item.textContent()) ?? '';
      return text.includes('Terkirim') && !text.includes('Belum terkirim');
    }, { timeout: 30_000 }).toBe(true);

    // The second workstation: nothing until its own sync, then the release is there.
    const pageB = await browser.newPage();
    pageB.on('pageerror', (e) => errors.push(e.message));
    await pageB.goto(b.url);
    await enroll(pageB, proxy.url, await hq.code('KPU Kabupaten Blora', 'Budi Santoso'));
    const listB = pageB.getByRole('list', { name: /rilis/i });
    // (Connecting starts a sync on its own; "Sinkronkan" then runs another or joins it.)
    await syncAndWatch(pageB);
    const itemB = listB.getByRole('listitem').filter({ hasText: TITLE });
    await itemB.waitFor({ timeout: 30_000 });
    expect(await itemB.textContent()).toContain('Terkirim');
    expect(await itemB.textContent()).not.toContain('Belum terkirim');
    await itemB.getByRole('button').first().click();
    await expect.poll(() => pageB.getByRole('textbox', { name: 'Isi rilis' }).textContent(), { timeout: 30_000 }).toContain(
      'menetapkan daftar pemilih tetap',
    );
    expect(errors).toEqual([]);
  });
});
