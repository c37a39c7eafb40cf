import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { NinjsItemSchema, ReleasesPageSchema } from '../../src/server/public';
import { plainParagraph } from '../helpers/docs';
import { PHONE_UA, release, startSite } from './helpers';
import type { TestSite } from './helpers';

let s: TestSite;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(s.url + path, { headers: { 'user-agent': PHONE_UA, ...headers } });

beforeAll(async () => {
  s = await startSite();
});
afterAll(async () => {
  await s?.close();
});

describe('public pages', () => {
  it('shows an article in KPU style with strict security headers', async () => {
    const pub = s.site.publisher.publish(
      release({
        title: 'Sosialisasi Tahapan Pilkada',
        dateline: 'Blora',
        date: '2025-12-04',
        byline: 'Humas KPU Blora',
        tags: ['pilkada', 'sosialisasi'],
      }),
    );
    const res = await get(`/berita/${pub.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    const html = await res.text();
    expect(html).toContain('<h1>Sosialisasi Tahapan Pilkada</h1>');
    expect(html).toContain('Kamis, 4 Desember 2025');
    expect(html).toContain('<p class="dateline">Blora – Kamis (4/12/2025)</p>');
    expect(html).toContain('KPU Kabupaten Blora');
    expect(html).toContain('Humas KPU Blora');
    expect(html).toContain('href="/berita?tag=pilkada"');
    expect(html).toMatch(/href="https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=http%3A%2F%2F127\.0\.0\.1/);
    expect(html).toContain('href="https://x.com/intent/post?url=');
    expect(html).toContain('href="https://wa.me/?text=');
    expect(html).toContain('<meta property="og:title" content="Sosialisasi Tahapan Pilkada">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).toMatch(/Telah dilihat 1 kali/);
    expect(html).not.toMatch(/<script|style="/);
    // The stylesheet it links is served, cacheable forever.
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
    const cssRes = await get(css);
    expect(cssRes.status).toBe(200);
    expect(cssRes.headers.get('content-type')).toMatch(/^text\/css/);
    expect(cssRes.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps the slug unique and stable, even through a correction with a new title', async () => {
    const a = s.site.publisher.publish(release({ title: 'Judul Kembar' }));
    const b = s.site.publisher.publish(release({ title: 'Judul Kembar' }));
    expect(a.slug).toBe('judul-kembar');
    expect(b.slug).toBe('judul-kembar-2');
    const corrected = s.site.publisher.correct(
      release({
        id: b.id,
        title: 'Judul Sudah Dibetulkan',
        body: { type: 'doc', content: [plainParagraph('Isi yang benar.')] },
      }),
      'Nama pejabat diperbaiki.',
      {
        at: '2025-12-05T02:10:00.000Z',
      },
    );
    expect(corrected.slug).toBe('judul-kembar-2');
    const html = await (await get(`/berita/${b.slug}`)).text();
    expect(html).toContain('Judul Sudah Dibetulkan');
    expect(html).toContain('Isi yang benar.');
    expect(html).toContain(
      'Dikoreksi pada <time datetime="2025-12-05T02:10:00.000Z">Jumat, 5 Desember 2025 09.10 WIB</time>:</strong> Nama pejabat diperbaiki.',
    );
  });

  it('answers 410 with a notice for a withdrawn release and drops it everywhere', async () => {
    const pub = s.site.publisher.publish(release({ title: 'Berita Yang Akan Ditarik' }));
    expect((await get(`/berita/${pub.slug}`)).status).toBe(200);
    s.site.publisher.withdraw(pub.id, 'Data belum diverifikasi.');
    const res = await get(`/berita/${pub.slug}`);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain('Berita ditarik');
    expect(html).toContain('Alasan: Data belum diverifikasi.');
    expect((await get(`/api/v1/releases/${pub.id}`)).status).toBe(410);
    for (const path of ['/berita', '/feed.xml', '/api/v1/releases?perPage=100', '/sitemap.xml']) {
      expect(await (await get(path)).text(), path).not.toContain(
        'Berita Yang Akan Ditarik'.toLowerCase().replace(/ /g, '-'),
      );
    }
    expect((await get('/nope-not-a-route-here')).status).toBe(404);
    expect((await get('/berita/tidak-ada')).status).toBe(404);
  });

  it('holds an embargoed release back until its time, everywhere', async () => {
    const at = new Date(s.clock.now.getTime() + 3_600_000).toISOString();
    const pub = s.site.publisher.publish(release({ title: 'Pengumuman Berembargo' }), { scheduledAt: at });
    const everywhere = ['/berita', '/feed.xml', '/api/v1/releases?perPage=100', '/sitemap.xml'];
    expect((await get(`/berita/${pub.slug}`)).status).toBe(404);
    expect((await get(`/api/v1/releases/${pub.id}`)).status).toBe(404);
    for (const path of everywhere) expect(await (await get(path)).text(), path).not.toContain('Berembargo');
    s.clock.now = new Date(Date.parse(at) + 1000);
    expect((await get(`/berita/${pub.slug}`)).status).toBe(200);
    for (const path of everywhere)
      expect(await (await get(path)).text(), path).toMatch(/Berembargo|pengumuman-berembargo/);
  });

  it('lists newest first, paged, filtered by office and category', async () => {
    const base = Date.parse('2030-01-01T00:00:00Z');
    s.clock.now = new Date(base + 100 * 60_000);
    for (let i = 0; i < 25; i++) {
      s.site.publisher.publish(
        release({
          title: `Urutan ${String(i).padStart(2, '0')}`,
          office: i % 2 ? 'KPU Kota Semarang' : 'KPU Kabupaten Rembang',
          category: i % 5 === 0 ? 'pengumuman' : 'kegiatan',
        }),
        { at: new Date(base + i * 60_000).toISOString() },
      );
    }
    const page1 = await (await get('/berita')).text();
    const titles = [...page1.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
    expect(titles.slice(0, 3)).toEqual(['Urutan 24', 'Urutan 23', 'Urutan 22']);
    expect(titles).toHaveLength(20);
    expect(page1).toContain('rel="next" href="/berita?halaman=2"');
    const page2 = await (await get('/berita?halaman=2')).text();
    expect(page2).toContain('Urutan 04');
    const semarang = await (await get('/berita?kantor=kpu-kota-semarang')).text();
    expect(semarang).toContain('Urutan 23');
    expect(semarang).not.toContain('Urutan 24');
    const pengumuman = await (await get('/berita?kategori=pengumuman&kantor=kpu-kabupaten-rembang')).text();
    const found = [...pengumuman.matchAll(/>(Urutan \d\d)</g)].map((m) => m[1]);
    expect(found).toEqual(['Urutan 20', 'Urutan 10', 'Urutan 00']);
    // Nonsense filters fall back instead of erroring.
    expect((await get('/berita?kategori=%3Cscript%3E&halaman=-4')).status).toBe(200);
  });

  it('answers 304 to If-None-Match and If-Modified-Since, and changes the ETag when content changes', async () => {
    const r1 = await get('/berita');
    const etag = r1.headers.get('etag') ?? '';
    const lm = r1.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"/);
    expect(r1.headers.get('cache-control')).toMatch(/public/);
    expect((await get('/berita', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/berita', { 'if-modified-since': lm })).status).toBe(304);
    for (const path of ['/feed.xml', '/api/v1/releases', '/sitemap.xml']) {
      const r = await get(path);
      expect((await get(path, { 'if-none-match': r.headers.get('etag') ?? '' })).status, path).toBe(304);
    }
    s.site.publisher.publish(release({ title: 'Berita Baru Mengubah Daftar' }), { at: s.clock.now.toISOString() });
    const r2 = await get('/berita', { 'if-none-match': etag });
    expect(r2.status).toBe(200);
    expect(r2.headers.get('etag')).not.toBe(etag);
    // An article revalidates and gets 304 while nothing (content or count) changed.
    const art = await get('/berita/berita-baru-mengubah-daftar');
    expect(
      (await get('/berita/berita-baru-mengubah-daftar', { 'if-none-match': art.headers.get('etag') ?? '' })).status,
    ).toBe(304);
  });
});

describe('feed, API and sitemap', () => {
  it('serves RSS 2.0 that a real parser reads, per office too', async () => {
    s.site.publisher.publish(
      release({
        title: 'Berita Untuk Feed & <Pembaca>',
        office: 'KPU Kabupaten Grobogan',
        summary: 'Ringkasan "feed".',
      }),
      { at: s.clock.now.toISOString() },
    );
    const res = await get('/feed.xml');
    expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    const parser = new Parser();
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('Berita Terkini');
    expect(feed.items.length).toBeGreaterThan(5);
    const item = feed.items.find((i) => i.title === 'Berita Untuk Feed & <Pembaca>');
    expect(item?.link).toBe(`${s.url}/berita/berita-untuk-feed-pembaca`);
    expect(item?.contentSnippet).toBe('Ringkasan "feed".');
    expect((item as Record<string, unknown> | undefined)?.['content:encoded']).toContain(
      '<p>KPU Kabupaten Blora menggelar',
    );
    expect(item?.guid).toMatch(/^urn:uuid:/);
    const office = await parser.parseString(await (await get('/kantor/kpu-kabupaten-grobogan/feed.xml')).text());
    expect(office.title).toBe('Berita Terkini – KPU Kabupaten Grobogan');
    expect(office.items.map((i) => i.title)).toEqual(['Berita Untuk Feed & <Pembaca>']);
    const viaQuery = await parser.parseString(await (await get('/feed.xml?office=kpu-kabupaten-grobogan')).text());
    expect(viaQuery.items).toHaveLength(1);
    expect((await get('/kantor/tidak-ada/feed.xml')).status).toBe(404);
  });

  it('serves paged JSON that matches the ninjs-based schema', async () => {
    const res = await get('/api/v1/releases?perPage=5');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const page = ReleasesPageSchema.parse(await res.json());
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    expect(page.next).toMatch(/page=2/);
    const next = ReleasesPageSchema.parse(await (await fetch(page.next ?? '')).json());
    expect(next.page).toBe(2);
    expect(next.items[0]?.uri).not.toBe(page.items[0]?.uri);
    const first = page.items[0];
    expect(first?.headlines[0]?.value).toBeTruthy();
    expect(first?.bodies.find((b) => b.contenttype === 'text/html')?.value).toMatch(/^<p>/);
    expect(first?.pubstatus).toBe('usable');
    expect(first?.located).toBe('Blora');
    expect(first?.by).toBe('Humas KPU Blora');
    expect(first?.subjects.some((x) => x.rel === 'category')).toBe(true);
    const id = first?.altids.find((a) => a.role === 'warta-id')?.value ?? '';
    NinjsItemSchema.parse(await (await get(`/api/v1/releases/${id}`)).json());
  });

  it('lists visible articles in sitemap.xml, named in robots.txt', async () => {
    expect(await (await get('/robots.txt')).text()).toContain(`Sitemap: ${s.url}/sitemap.xml`);
    const xml = await (await get('/sitemap.xml')).text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<loc>${s.url}/berita/berita-untuk-feed-pembaca</loc>`);
  });
});

describe('images', () => {
  it('resizes once, caches on disk, and strips EXIF including GPS', async () => {
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#c03030' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'KameraRahasia', Artist: 'Penulis' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '6/1 58/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '111/1 25/1 0/1',
        },
      })
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif).toBeDefined(); // the source really carries EXIF with GPS
    expect(photo.includes(Buffer.from('KameraRahasia'))).toBe(true);
    const sha = s.addAttachment(photo);
    const pub = s.site.publisher.publish(
      release({
        title: 'Berita Berfoto',
        leadImage: { attachment: sha, caption: 'Rapat pleno', credit: 'Foto: Humas', alt: 'Peserta rapat' },
      }),
      { at: s.clock.now.toISOString() },
    );
    const html = await (await get(`/berita/${pub.slug}`)).text();
    expect(html).toContain(`<img src="/media/${sha}/w800.jpg" srcset="/media/${sha}/w400.jpg 400w`);
    expect(html).toContain('<span class="credit">Foto: Humas</span>');
    expect(html).toContain(`<meta property="og:image" content="${s.url}/media/${sha}/w1200.jpg">`);
    for (const [size, width] of [
      ['w400', 400],
      ['w800', 800],
      ['w1200', 1200],
    ] as const) {
      const res = await get(`/media/${sha}/${size}.jpg`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
      const out = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(out).metadata();
      expect(meta.width).toBe(width);
      expect(meta.exif).toBeUndefined();
      expect(out.includes(Buffer.from('KameraRahasia'))).toBe(false);
    }
    const webp = await get(`/media/${sha}/w400.webp`);
    expect(webp.headers.get('content-type')).toBe('image/webp');
    // Cached on disk: the same file is served again even after the source is gone.
    const cached = readFileSync(join(s.dir, 'public-media', sha.slice(0, 2), sha, 'w800.jpg'));
    expect(cached.length).toBeGreaterThan(100);
    expect((await get(`/media/${sha}/w999.jpg`)).status).toBe(404);
    // Only images of visible releases are served: not a draft's, not after a withdrawal.
    const draftSha = s.addAttachment(
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    expect((await get(`/media/${draftSha}/w400.jpg`)).status).toBe(404);
    s.site.publisher.withdraw(pub.id, 'Foto salah.');
    expect((await get(`/media/${sha}/w400.jpg`)).status).toBe(404);
    expect((await get(`/media/${'b'.repeat(64)}/w400.jpg`)).status).toBe(404);
    expect((await get(`/media/..%2f..%2fetc/w400.jpg`)).status).toBe(404);
  });
});
