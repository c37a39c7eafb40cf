import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { enrollPerson } from '../../src/server/admin';
import type { HqServer } from '../../src/server/app';
import { ReleasesPageSchema } from '../../src/server/public';
import { domProblems } from '../publish/dom-audit';
import { PHONE_UA } from '../publish/helpers';
import { syncUntil } from './desks';
import { auditHtml } from '../publish/html-audit';
import { rpc } from '../helpers';
import { enrollInSettings } from '../helpers/enroll';
import type { RunningWebHost } from '../helpers/web-host';
import { startHq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';

/**
 * The whole publishing path: a release written on a workstation, approved, published and synced
 * appears at /berita/<slug> with every heading, paragraph, quote, list and link intact, and
 * in the feed and API. Real Chromium → two web hosts (penulis, peninjau) → real HQ with its
 * public site → Chromium again on the public page.
 */

const TITLE = 'KPU Blora Tetapkan Daftar Pemilih Tetap Pilkada';

/** "Rilis baru", then wait until the new, empty release is the one in the editor (not the previous one). */
async function newRelease(page: Page): Promise<void> {
  const before = await page.getByRole('list', { name: /rilis/i }).getByRole('listitem').count();
  await page.getByRole('button', { name: 'Rilis baru' }).click();
  await expect
    .poll(() => page.getByRole('list', { name: /rilis/i }).getByRole('listitem').count(), { timeout: 30_000 })
    // At least one more: a sync running after enrollment may bring in the office's other releases too.
    .toBeGreaterThan(before);
  await expect
    .poll(() => page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(), { timeout: 30_000 })
    .toBe('');
}

describe('publishing end to end', () => {
  const suite = browserSuite('warta-e2e-publish-');
  let hq: HqServer;
  let hqUrl: string;

  /** A writer's and a reviewer's workstation of one office, enrolled in the browser: each test opens its own. */
  interface Desks {
    writer: Page;
    reviewer: Page;
    writerHost: RunningWebHost;
    /** Script errors on either page. */
    errors: string[];
  }
  async function openDesks(tag: string, writerName: string, reviewerName: string): Promise<Desks> {
    const [a, b] = await Promise.all([suite.startHost(`penulis-${tag}`), suite.startHost(`peninjau-${tag}`)]);
    const code = async (name: string, role: 'penulis' | 'peninjau') =>
      (await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name, role })).code;
    const errors: string[] = [];
    const writer = await suite.browser.newPage();
    writer.on('pageerror', (e) => errors.push(e.message));
    await writer.goto(await a.openUrl());
    await enrollInSettings(writer, hqUrl, await code(writerName, 'penulis'));
    const reviewer = await suite.browser.newPage();
    reviewer.on('pageerror', (e) => errors.push(e.message));
    await reviewer.goto(await b.openUrl());
    await enrollInSettings(reviewer, hqUrl, await code(reviewerName, 'peninjau'));
    return { writer, reviewer, writerHost: a, errors };
  }

  const published = async (title: string): Promise<boolean> => {
    const res = await fetch(`${hqUrl}/api/v1/releases?perPage=100`);
    return (
      res.ok &&
      ((await res.json()) as { items: { headlines: { value: string }[] }[] }).items.some(
        (i) => i.headlines[0]?.value === title,
      )
    );
  };

  /** Writer submits and syncs; reviewer syncs, approves, publishes, syncs; HQ then shows it. */
  async function approveAndPublish({ writer, reviewer }: Desks, title: string): Promise<void> {
    await writer
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click({ timeout: 60_000 });
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).waitFor({ state: 'detached', timeout: 60_000 });
    const mine = writer.getByRole('list', { name: /rilis/i }).getByRole('listitem').filter({ hasText: title });
    await syncUntil(
      writer,
      async () => {
        const text = (await mine.textContent()) ?? '';
        return text.includes('Diajukan') && text.includes('Terkirim') && !text.includes('Belum terkirim');
      },
      "the writer's release sent as Diajukan",
    );
    const item = reviewer.getByRole('list', { name: /rilis/i }).getByRole('listitem').filter({ hasText: title });
    await syncUntil(
      reviewer,
      async () => (await item.count()) > 0 && ((await item.textContent()) ?? '').includes('Diajukan'),
      "the release on the reviewer's side",
    );
    await item.getByRole('button').first().click();
    await reviewer.getByRole('button', { name: 'Setujui' }).click({ timeout: 60_000 });
    await reviewer.getByRole('button', { name: 'Terbitkan' }).click({ timeout: 60_000 });
    await reviewer.getByRole('button', { name: 'Terbitkan' }).waitFor({ state: 'detached', timeout: 60_000 });
    await syncUntil(reviewer, () => published(title), 'the release published at HQ');
  }

  beforeAll(async () => {
    ({ server: hq, url: hqUrl } = await startHq(join(suite.dir, 'hq'), 0, { publicSite: true }));
  });
  afterAll(() => hq?.close());

  it('written, approved, published and synced → /berita/<slug>, feed and API', { timeout: 420_000 }, async () => {
    const desks = await openDesks('a', 'Siti Aminah', 'Budi Santoso');
    const { writer, errors } = desks;

    // The writer drafts with the keyboard: input rules make the heading, quote and list; the URL autolinks.
    await newRelease(writer);
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

    // The reviewer, on another workstation, approves and publishes (both sync in between).
    await approveAndPublish(desks, TITLE);

    // The public page on HQ, read on a phone (a "HeadlessChrome" user agent counts as a crawler).
    const readerContext = await suite.browser.newContext({
      userAgent: PHONE_UA,
      viewport: { width: 390, height: 844 },
    });
    const reader = await readerContext.newPage();
    await expect
      .poll(
        async () =>
          (await reader.goto(`${hqUrl}/berita`))?.status() === 200 &&
          (await reader.getByRole('link', { name: TITLE }).count()) > 0,
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    await reader.getByRole('link', { name: TITLE }).click();
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const slug = new URL(reader.url()).pathname;
    expect(slug).toMatch(/^\/berita\/[a-z0-9-]+$/);
    const article = reader.locator('article');
    await expect.poll(() => article.locator('.body h2').textContent()).toBe('Hasil Rapat Pleno');
    const paragraphs = await article.locator('.body > p').allTextContents();
    expect(paragraphs).toContain('KPU Kabupaten Blora menetapkan daftar pemilih tetap pada rapat pleno terbuka.');
    expect(paragraphs).toContain('Rapat dipimpin langsung oleh Ketua KPU Kabupaten Blora.');
    expect(await article.locator('.body blockquote').textContent()).toContain(
      'Data pemilih sudah final dan dapat dipertanggungjawabkan, ujar Ketua KPU.',
    );
    expect(await article.locator('.body ul > li').allTextContents()).toEqual([
      'Pencocokan dan penelitian',
      'Penetapan DPT',
    ]);
    const link = article.locator('.body a[href="https://kpu.go.id/"]');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await article.locator('.dateline').textContent()).toMatch(/^Blora – \w+ \(\d{1,2}\/\d{1,2}\/\d{4}\)$/);
    expect(await article.locator('.views').textContent()).toBe('Telah dilihat 1 kali');
    expect(await article.getByRole('link', { name: 'Bagikan ke WhatsApp' }).getAttribute('href')).toMatch(
      /^https:\/\/wa\.me\/\?text=/,
    );

    const feed = await new Parser().parseString(await (await fetch(`${hqUrl}/feed.xml`)).text());
    const entry = feed.items.find((i) => i.title === TITLE);
    expect(entry?.link).toBe(`${hqUrl}${slug}`);
    expect(String((entry as Record<string, unknown> | undefined)?.['content:encoded'])).toContain(
      '<h2>Hasil Rapat Pleno</h2>',
    );
    const api = ReleasesPageSchema.parse(await (await fetch(`${hqUrl}/api/v1/releases`)).json());
    const fromApi = api.items.find((i) => i.headlines[0]?.value === TITLE);
    expect(fromApi?.uri).toBe(`${hqUrl}${slug}`);
    expect(fromApi?.bodies[0]?.value).toContain('<blockquote>');
    expect(fromApi?.organisations[0]?.name).toBe('KPU Kabupaten Blora');
    await readerContext.close();
    expect(errors).toEqual([]);
  });
  it(
    'hostile input typed and pasted into the editor never executes on a public page',
    { timeout: 420_000 },
    async () => {
      const desks = await openDesks('b', 'Rina Wulandari', 'Agus Prasetyo');
      const { writer, errors } = desks;
      const title = 'Rilis uji <img src=x onerror=__xss(1)> "><script>__xss(2)</script>';
      await newRelease(writer);
      await writer.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);
      await writer.getByRole('textbox', { name: 'Dateline' }).fill('<svg onload=__xss(3)>');
      await writer.getByRole('textbox', { name: 'Penulis' }).fill('"><iframe src=javascript:__xss(4)>');
      await writer.getByRole('textbox', { name: 'Tag' }).fill('<script>__xss(5)</script>');
      await writer.getByRole('textbox', { name: 'Tag' }).press('Enter');
      await writer.getByRole('textbox', { name: 'Ringkasan' }).fill("<a href='javascript:__xss(6)'>ringkasan</a>");
      await writer.getByRole('textbox', { name: 'Isi rilis' }).click();
      await writer.keyboard.type('Teks biasa <b onmouseover=__xss(7)>tebal</b> javascript:__xss(8) ');
      await writer.keyboard.press('Enter');
      // What a writer might paste from a hostile web page: the editor's own parser takes it first.
      const pasted = [
        '<p>Tempelan <img src=x onerror="__xss(10)"> <a href="javascript:__xss(11)">tautan jahat</a>',
        ' <a href="https://kpu.go.id/" onclick="__xss(12)">tautan baik</a></p>',
        '<script>__xss(13)</script><svg onload="__xss(14)"></svg><iframe src="javascript:__xss(15)"></iframe>',
        '<p style="background:url(javascript:__xss(16))">bergaya</p><math><mtext><img src=x onerror="__xss(17)"></mtext></math>',
        // A figure naming a path instead of an attachment digest: the editor leaves it out of the paste
        // (it once kept it, and HQ's answer to it then left the writer's sync stuck).
        '<figure data-type="figure"><img data-attachment="../../etc/passwd" alt="Rapat"><figcaption><span class="caption">Keterangan</span></figcaption></figure>',
        '<h2 onclick="__xss(19)">Subjudul tempelan</h2><blockquote><p>kutipan <a href="vbscript:msgbox(20)">vb</a></p></blockquote>',
      ].join('');
      await writer.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.setData('text/html', ${JSON.stringify(pasted)});
      dt.setData('text/plain', 'tempelan');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    })()`);
      await expect
        .poll(() => writer.getByRole('textbox', { name: 'Isi rilis' }).textContent(), { timeout: 30_000 })
        .toContain('Subjudul tempelan');
      // What the writer's workstation stored (and will send to HQ) has the paste without the figure.
      const storedBody = async (): Promise<string> => {
        const item = (await rpc(desks.writerHost, 'listReleases', {})).items.find((i) => i.title === title);
        return item ? JSON.stringify((await rpc(desks.writerHost, 'getRelease', { id: item.id })).body) : '';
      };
      await expect.poll(storedBody, { timeout: 30_000 }).toContain('Subjudul tempelan');
      expect(await storedBody()).not.toContain('"figure"');
      expect(await storedBody()).not.toContain('passwd');
      await approveAndPublish(desks, title);

      // Read every public page with the CSP switched off: the gate and the templates must hold alone.
      const hits: string[] = [];
      const ctx = await suite.browser.newContext({ bypassCSP: true, userAgent: PHONE_UA });
      await ctx.exposeFunction('__xss', (n: unknown) => hits.push(String(n)));
      const page = await ctx.newPage();
      page.on('dialog', (d) => {
        hits.push(`dialog ${d.message()}`);
        void d.dismiss();
      });
      const api = ReleasesPageSchema.parse(await (await fetch(`${hqUrl}/api/v1/releases`)).json());
      const item = api.items.find((i) => i.headlines[0]?.value === title);
      expect(item, 'the hostile release is published').toBeDefined();
      const html = item?.bodies.find((x) => x.contenttype === 'text/html')?.value ?? '';
      expect(auditHtml(html)).toEqual([]);
      expect(html).toContain('Subjudul tempelan');
      expect(html).not.toContain('passwd');
      expect(html).toContain('<a href="https://kpu.go.id/" rel="noopener noreferrer nofollow">tautan baik</a>');
      const articlePath = new URL(item?.uri ?? '').pathname;
      for (const path of ['/berita', articlePath, '/feed.xml', '/api/v1/releases', '/sitemap.xml']) {
        const res = await page.goto(`${hqUrl}${path}`);
        expect(res?.status(), path).toBe(200);
        if (!path.endsWith('.xml') && !path.startsWith('/api')) {
          expect(auditHtml((await res?.text()) ?? '', 'page'), path).toEqual([]);
          await page.mouse.move(120, 220);
          await page.keyboard.press('Tab');
          expect(await domProblems(page), path).toEqual([]);
        }
      }
      await page.goto(`${hqUrl}${articlePath}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      await page.waitForTimeout(300); // give any timer-based payload its chance before judging
      expect(hits).toEqual([]);
      await ctx.close();
      expect(errors).toEqual([]);
    },
  );
});
