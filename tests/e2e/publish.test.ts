import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { enrollPerson } from '../../src/server/admin';
import { createHqServer, type HqServer } from '../../src/server/app';
import { ReleasesPageSchema } from '../../src/server/public';
import { assertRendererBuilt, launchChromium, makeTempDir, startWebHost, type RunningWebHost } from '../helpers';

/**
 * Issue 5, "Done means": a release written on a workstation, approved, published and synced
 * appears at /berita/<slug> with every heading, paragraph, quote, list and link intact, and
 * in the feed and API. Real Chromium → two web hosts (penulis, peninjau) → real HQ with its
 * public site → Chromium again on the public page.
 */

const TITLE = 'KPU Blora Tetapkan Daftar Pemilih Tetap Pilkada';

async function enroll(page: Page, hqUrl: string, code: string): Promise<void> {
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await page.getByRole('textbox', { name: 'Alamat server pusat' }).fill(hqUrl);
  await page.getByRole('textbox', { name: 'Kode pendaftaran' }).fill(code);
  await page.getByRole('button', { name: 'Hubungkan' }).click();
  await page.getByRole('dialog').getByText('KPU Kabupaten Blora').first().waitFor({ timeout: 30_000 });
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();
}

async function sync(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sinkronkan' }).click();
  const bar = page.getByRole('progressbar', { name: 'Sinkronisasi' });
  // A quick sync may come and go between two polls: wait for it to be gone, whatever happened.
  await bar.waitFor({ state: 'hidden', timeout: 60_000 });
}

describe('publishing end to end', () => {
  const tmp = makeTempDir('warta-e2e-publish-');
  let browser: Browser;
  let hq: HqServer;
  let hqUrl: string;
  const hosts: RunningWebHost[] = [];

  beforeAll(async () => {
    assertRendererBuilt();
    hq = await createHqServer({ dataDir: join(tmp.dir, 'hq') });
    hqUrl = (await hq.listen(0)).replace(/\/$/, '');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const h of hosts) await h.kill('SIGTERM');
    await hq?.close();
    tmp.cleanup();
  });

  it('written, approved, published and synced → /berita/<slug>, feed and API', async () => {
    const [a, b] = await Promise.all([startWebHost({ dataDir: join(tmp.dir, 'penulis') }), startWebHost({ dataDir: join(tmp.dir, 'peninjau') })]);
    hosts.push(a, b);
    const errors: string[] = [];
    const code = async (name: string, role: 'penulis' | 'peninjau') => (await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name, role })).code;

    // The writer drafts with the keyboard: input rules make the heading, quote and list; the URL autolinks.
    const writer = await browser.newPage();
    writer.on('pageerror', (e) => errors.push(e.message));
    await writer.goto(a.url);
    await enroll(writer, hqUrl, await code('Siti Aminah', 'penulis'));
    await writer.getByRole('button', { name: 'Rilis baru' }).click();
    await writer.getByRole('textbox', { name: 'Judul', exact: true }).fill(TITLE);
    await writer.getByRole('textbox', { name: 'Dateline' }).fill('Blora');
    await writer.getByRole('textbox', { name: 'Isi rilis' }).click();
    const kb = writer.keyboard;
    await kb.type('KPU Kabupaten Blora menetapkan daftar pemilih tetap pada rapat pleno terbuka.');
    await kb.press('Enter');
    await kb.type('## Hasil Rapat Pleno');
    await kb.press('Enter');
    await kb.type('Rapat dipimpin langsung oleh Ketua KPU Kabupaten Blora.');
    await kb.press('Enter');
    await kb.type('> Data pemilih sudah final dan dapat dipertanggungjawabkan, ujar Ketua KPU.');
    await kb.press('Enter');
    await kb.press('Enter');
    await kb.type('- Pencocokan dan penelitian');
    await kb.press('Enter');
    await kb.type('Penetapan DPT');
    await kb.press('Enter');
    await kb.press('Enter');
    await kb.type('Informasi lengkap di https://kpu.go.id/ dan kantor KPU.');
    await writer.getByRole('status').filter({ hasText: /^Tersimpan/ }).first().waitFor({ timeout: 30_000 });
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).waitFor({ state: 'detached', timeout: 30_000 });
    await sync(writer);
    await expect.poll(() => hq.storage.dump().releases?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);

    // The reviewer syncs, approves and publishes, and syncs again.
    const reviewer = await browser.newPage();
    reviewer.on('pageerror', (e) => errors.push(e.message));
    await reviewer.goto(b.url);
    await enroll(reviewer, hqUrl, await code('Budi Santoso', 'peninjau'));
    await sync(reviewer);
    const item = reviewer.getByRole('list', { name: /rilis/i }).getByRole('listitem').filter({ hasText: TITLE });
    await item.waitFor({ timeout: 60_000 });
    await item.getByRole('button').first().click();
    await reviewer.getByRole('button', { name: 'Setujui' }).click();
    await reviewer.getByRole('button', { name: 'Terbitkan' }).click({ timeout: 30_000 });
    await reviewer.getByRole('button', { name: 'Terbitkan' }).waitFor({ state: 'detached', timeout: 30_000 });
    await sync(reviewer);

    // The public page on HQ, read on a phone (a "HeadlessChrome" user agent counts as a crawler).
    const readerContext = await browser.newContext({
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      viewport: { width: 390, height: 844 },
    });
    const reader = await readerContext.newPage();
    await expect.poll(async () => (await reader.goto(`${hqUrl}/berita`))?.status() === 200 && (await reader.getByRole('link', { name: TITLE }).count()) > 0, { timeout: 60_000, interval: 1000 }).toBe(true);
    await reader.getByRole('link', { name: TITLE }).click();
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const slug = new URL(reader.url()).pathname;
    expect(slug).toMatch(/^\/berita\/[a-z0-9-]+$/);
    const article = reader.locator('article');
    await expect.poll(() => article.locator('.body h2').textContent()).toBe('Hasil Rapat Pleno');
    const paragraphs = await article.locator('.body > p').allTextContents();
    expect(paragraphs).toContain('KPU Kabupaten Blora menetapkan daftar pemilih tetap pada rapat pleno terbuka.');
    expect(paragraphs).toContain('Rapat dipimpin langsung oleh Ketua KPU Kabupaten Blora.');
    expect(await article.locator('.body blockquote').textContent()).toContain('Data pemilih sudah final dan dapat dipertanggungjawabkan, ujar Ketua KPU.');
    expect(await article.locator('.body ul > li').allTextContents()).toEqual(['Pencocokan dan penelitian', 'Penetapan DPT']);
    const link = article.locator('.body a[href="https://kpu.go.id/"]');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await article.locator('.dateline').textContent()).toMatch(/^Blora – \w+ \(\d{1,2}\/\d{1,2}\/\d{4}\)$/);
    expect(await article.locator('.views').textContent()).toBe('Telah dilihat 1 kali');
    expect(await article.getByRole('link', { name: 'Bagikan ke WhatsApp' }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/\?text=/);

    const feed = await new Parser().parseString(await (await fetch(`${hqUrl}/feed.xml`)).text());
    const entry = feed.items.find((i) => i.title === TITLE);
    expect(entry?.link).toBe(`${hqUrl}${slug}`);
    expect(String((entry as Record<string, unknown> | undefined)?.['content:encoded'])).toContain('<h2>Hasil Rapat Pleno</h2>');
    const api = ReleasesPageSchema.parse(await (await fetch(`${hqUrl}/api/v1/releases`)).json());
    const fromApi = api.items.find((i) => i.headlines[0]?.value === TITLE);
    expect(fromApi?.uri).toBe(`${hqUrl}${slug}`);
    expect(fromApi?.bodies[0]?.value).toContain('<blockquote>');
    expect(fromApi?.organisations[0]?.name).toBe('KPU Kabupaten Blora');
    await readerContext.close();
    expect(errors).toEqual([]);
  });
});
