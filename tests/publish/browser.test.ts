import { get as httpGet } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import Parser from 'rss-parser';
import sharp from 'sharp';
import Database from 'better-sqlite3';
import { ReleasesPageSchema } from '../../src/server/public';
import type { DocNode } from '../../src/shared/domain';
import { launchChromium } from '../helpers/browser';
import { PHONE_UA, release, startSite } from './helpers';
import type { TestSite } from './helpers';
import { auditHtml } from './html-audit';
import { domProblems } from './dom-audit';
import { forgedNodes, HREF_PAYLOADS, STRING_PAYLOADS } from './payloads';

let s: TestSite;
let browser: Browser;

beforeAll(async () => {
  s = await startSite();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

interface Hits {
  xss: string[];
  dialogs: string[];
  console: string[];
}

/**
 * A context where the CSP is switched OFF (bypassCSP): the sanitizer has to stand on its own;
 * the CSP is a second wall, tested separately. Any payload that runs calls __xss or alert.
 */
async function hostileContext(hits: Hits): Promise<BrowserContext> {
  const ctx = await browser.newContext({ bypassCSP: true, userAgent: PHONE_UA, viewport: { width: 390, height: 844 } });
  await ctx.exposeFunction('__xss', (n: unknown) => hits.xss.push(String(n)));
  // A flag an injected script would flip even if it avoided the binding (vbscript-style msgbox).
  await ctx.addInitScript({
    content: "Object.defineProperty(window, 'msgbox', { value: () => { window.__ran = true; } });",
  });
  return ctx;
}

function watch(page: Page, hits: Hits): void {
  page.on('dialog', (d) => {
    hits.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => hits.console.push(m.text()));
}

describe('XSS: hostile releases never execute on any public page', () => {
  it('publishes > 100 payloads in every field and finds none alive', async () => {
    const photo = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#3060c0' } })
      .jpeg()
      .toBuffer();
    const sha = s.addAttachment(photo);
    const slugs: string[] = [];
    const ids: string[] = [];
    const gone: string[] = [];
    let payloadsPlaced = 0;
    STRING_PAYLOADS.forEach((payload, i) => {
      const href = HREF_PAYLOADS[i % HREF_PAYLOADS.length] as string;
      const forged = forgedNodes(sha, i);
      const body: DocNode = {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: payload }] },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: `tautan ${i}`, marks: [{ type: 'link', attrs: { href } }] }],
          },
          {
            type: 'blockquote',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: payload, marks: [{ type: 'italic' }] }] }],
          },
          { type: 'figure', attrs: { attachment: sha, alt: payload, caption: payload, credit: payload.slice(0, 200) } },
          forged[i % forged.length] as DocNode,
          forged[(i + 7) % forged.length] as DocNode,
        ],
      };
      const r = release({
        title: `${payload} ${i}`.slice(0, 300),
        slug: i % 3 === 0 ? payload.slice(0, 200) : '',
        summary: payload,
        byline: payload.slice(0, 200),
        dateline: payload.slice(0, 100),
        office: i % 4 === 0 ? `KPU ${payload}`.slice(0, 200) : 'KPU Kabupaten Blora',
        tags: [payload.slice(0, 60), `tag${i}`],
        leadImage: { attachment: sha, caption: payload, credit: payload.slice(0, 200), alt: payload },
        body,
      });
      payloadsPlaced += 1;
      const pub = s.site.publisher.publish(r);
      ids.push(pub.id);
      if (i % 10 === 5) {
        s.site.publisher.withdraw(pub.id, payload);
        gone.push(pub.slug);
      } else {
        if (i % 5 === 2) s.site.publisher.correct(r, payload);
        slugs.push(pub.slug);
      }
    });
    // Extra bodies carrying every hostile href and every forged node type.
    const bulk = release({
      title: 'Kumpulan tautan dan simpul palsu',
      body: {
        type: 'doc',
        content: [
          ...HREF_PAYLOADS.map((href, i): DocNode => ({
            type: 'paragraph',
            content: [{ type: 'text', text: `t${i}`, marks: [{ type: 'link', attrs: { href } }] }],
          })),
          ...forgedNodes(sha, 0),
        ],
      },
    });
    slugs.push(s.site.publisher.publish(bulk).slug);
    const total = payloadsPlaced + HREF_PAYLOADS.length + forgedNodes(sha, 0).length;
    expect(total).toBeGreaterThanOrEqual(100);

    // 1. Nothing dangerous in what is stored.
    const db = new Database(join(s.dir, 'public.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT id, body_html FROM pub_releases').all() as { id: string; body_html: string }[];
    db.close();
    expect(stored.length).toBe(ids.length + 1);
    for (const row of stored) expect(auditHtml(row.body_html), row.id).toEqual([]);

    // 2. Nothing dangerous in the feeds and the API.
    const feedXml = await (await fetch(`${s.url}/feed.xml`)).text();
    expect(feedXml).not.toMatch(/<script|<svg|<iframe|<img|<a /i); // markup only ever escaped inside XML
    const feed = await new Parser().parseString(feedXml);
    expect(feed.items.length).toBeGreaterThan(40);
    for (const item of feed.items) {
      const html = String((item as Record<string, unknown>)['content:encoded'] ?? '');
      const relative = html.replaceAll(s.url, '');
      expect(auditHtml(relative), item.title).toEqual([]);
    }
    const api = ReleasesPageSchema.parse(await (await fetch(`${s.url}/api/v1/releases?perPage=100`)).json());
    for (const item of api.items) {
      const html = item.bodies.find((b) => b.contenttype === 'text/html')?.value ?? '';
      expect(auditHtml(html), item.uri).toEqual([]);
    }

    // 3. Every public page in Chromium, CSP off: nothing runs, nothing dangerous in the DOM.
    const hits: Hits = { xss: [], dialogs: [], console: [] };
    const ctx = await hostileContext(hits);
    const page = await ctx.newPage();
    watch(page, hits);
    const offices = [
      ...new Set(
        [...(await (await fetch(`${s.url}/berita`)).text()).matchAll(/<option value="(kpu-[^"]+)"/g)].map((m) => m[1]),
      ),
    ];
    const paths = [
      '/berita',
      '/berita?halaman=2',
      '/berita?halaman=3',
      '/berita?halaman=4',
      ...offices.map((o) => `/berita?kantor=${o}`),
      `/berita?tag=${encodeURIComponent(STRING_PAYLOADS[0] as string)}`,
      ...slugs.map((slug) => `/berita/${encodeURIComponent(slug)}`),
      ...gone.map((slug) => `/berita/${encodeURIComponent(slug)}`),
      '/feed.xml',
      '/api/v1/releases',
      '/sitemap.xml',
    ];
    expect(offices.length).toBeGreaterThan(5);
    let articlesSeen = 0;
    for (const path of paths) {
      const res = await page.goto(s.url + path, { waitUntil: 'load' });
      expect(res?.status(), path).toBe(
        path.startsWith('/berita/') && gone.some((g) => path.endsWith(encodeURIComponent(g))) ? 410 : 200,
      );
      // Interact a little: hover and focus everything that could carry a handler.
      if (!path.endsWith('.xml') && !path.startsWith('/api')) {
        const served = await res?.text();
        expect(auditHtml(served ?? '', 'page'), path).toEqual([]);
        await page.mouse.move(100, 200);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        expect(await domProblems(page), path).toEqual([]);
        if ((await page.locator('p.views').count()) > 0) articlesSeen += 1;
      }
    }
    // Let any timer-based payload fire before judging.
    await page.waitForTimeout(300);
    expect(hits.xss).toEqual([]);
    expect(hits.dialogs).toEqual([]);
    expect(articlesSeen).toBe(slugs.length);
    await ctx.close();
  });

  it('the CSP alone stops script even if markup got through', async () => {
    // A route outside the gate would be the only way; simulate with a page the CSP covers:
    // a data: navigation is not same-origin, so instead check the header blocks inline script
    // by loading an article and injecting a script element through DevTools (as markup would).
    const pub = s.site.publisher.publish(release({ title: 'Uji CSP' }));
    const hits: Hits = { xss: [], dialogs: [], console: [] };
    const ctx = await browser.newContext({ userAgent: PHONE_UA });
    await ctx.exposeFunction('__xss', (n: unknown) => hits.xss.push(String(n)));
    const page = await ctx.newPage();
    watch(page, hits);
    await page.goto(`${s.url}/berita/${pub.slug}`);
    await page.evaluate(`(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="__xss(\\'csp-handler\\')">');
      const sc = document.createElement('script');
      sc.textContent = "__xss('csp-inline')";
      document.body.appendChild(sc);
    })()`);
    await expect
      .poll(() => hits.console.filter((m) => /Content Security Policy/i.test(m)).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    expect(hits.xss).toEqual([]);
    await ctx.close();
  });
});

describe('view counter', () => {
  it('counts a reader once, not on reload, not a crawler, and stores no address', async () => {
    const pub = s.site.publisher.publish(release({ title: 'Berita Penghitung' }));
    const url = `${s.url}/berita/${pub.slug}`;
    const views = async (page: Page) => (await page.locator('p.views').innerText()).trim();

    const reader = await browser.newContext({ userAgent: PHONE_UA });
    const page = await reader.newPage();
    await page.goto(url);
    expect(await views(page)).toBe('Telah dilihat 1 kali');
    await page.reload();
    expect(await views(page)).toBe('Telah dilihat 1 kali');
    await page.goto(`${s.url}/berita`);
    await page.goto(url);
    expect(await views(page)).toBe('Telah dilihat 1 kali');

    const crawler = await browser.newContext({
      userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    });
    const cpage = await crawler.newPage();
    await cpage.goto(url);
    expect(await views(cpage)).toBe('Telah dilihat 1 kali');
    for (const ua of ['facebookexternalhit/1.1', 'WhatsApp/2.23.20.0 A', 'Twitterbot/1.0', 'curl/8.5.0', '']) {
      await fetch(url, { headers: { 'user-agent': ua } });
    }

    // Another browser on the same address is the same reader: the counter keys on the address alone.
    const other = await browser.newContext({ userAgent: PHONE_UA.replace('Pixel 8', 'SM-A546E') });
    const opage = await other.newPage();
    await opage.goto(url);
    expect(await views(opage)).toBe('Telah dilihat 1 kali');
    // Another address is another reader.
    await new Promise<void>((resolve, reject) => {
      httpGet(url, { localAddress: '127.0.0.2', headers: { 'user-agent': PHONE_UA } }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
    await page.reload();
    expect(await views(page)).toBe('Telah dilihat 2 kali');
    await Promise.all([reader.close(), crawler.close(), other.close()]);

    // No address anywhere in the database files (main file and WAL).
    s.site.store.transaction(() => undefined);
    const files = readdirSync(s.dir).filter((f) => f.startsWith('public.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(join(s.dir, f));
      for (const needle of ['127.0.0.1', '127.0.0.2', '::ffff:127.0.0.1', '7f000001', '7f000002'])
        expect(bytes.includes(Buffer.from(needle)), `${f} holds ${needle}`).toBe(false);
    }
    const db = new Database(join(s.dir, 'public.sqlite'), { readonly: true });
    const marks = db.prepare('SELECT * FROM pub_view_marks').all() as Record<string, string>[];
    db.close();
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (const m of marks) expect(Object.values(m).join(' ')).not.toMatch(/127\.0\.0\.1|Mozilla/);
  });
});
