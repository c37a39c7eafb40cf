import { request } from 'node:http';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryAttachmentSource, openPublicSite, registerPublicSite } from '../../src/server/public';
import { PHONE_UA, release, startSite, type TestSite } from '../publish/helpers';
import { nodeWithTsx, REPO_ROOT, runToExit } from '../helpers/spawn';
import { removeDir, tempDir } from '../helpers/tmp';

const FORGED = 'evil.example';

/** GET with a Host header of our choosing (fetch will not send a forged one). */
function getAs(
  url: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; vary: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, vary: String(res.headers.vary ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a forged Host header never reaches public links', { timeout: 60_000 }, () => {
  let s: TestSite;
  let slug = '';
  beforeAll(async () => {
    s = await startSite();
    slug = s.site.publisher.publish(release({ title: 'Rapat Pleno Terbuka' })).slug;
  });
  afterAll(() => s?.close());

  it('feed, sitemap, robots.txt and the canonical link use the site address, not the Host', async () => {
    const own = new URL(s.url).origin;
    for (const path of ['/feed.xml', '/sitemap.xml', '/robots.txt', `/berita/${slug}`, '/berita']) {
      const res = await getAs(s.url, path, { host: FORGED, 'user-agent': PHONE_UA });
      expect(res.status, path).toBe(200);
      expect(res.body, path).not.toContain(FORGED);
      if (path !== '/berita') expect(res.body, path).toContain(own);
    }
  });

  it('a reader is counted once a day, whatever user agents they send', async () => {
    for (const ua of [PHONE_UA, `${PHONE_UA} A`, `${PHONE_UA} B`, `${PHONE_UA} C`])
      await getAs(s.url, `/berita/${slug}`, { host: new URL(s.url).host, 'user-agent': ua });
    const last = await getAs(s.url, `/berita/${slug}`, { host: new URL(s.url).host, 'user-agent': 'Mozilla/5.0 Z' });
    expect(last.body).toMatch(/Telah dilihat 1 kali/);
  });
});

describe('an allowlist of origins', () => {
  it('links follow an allowed Host, fall back to the first for any other, and vary by Host', async () => {
    const dir = tempDir('warta-pub-origins-');
    const site = openPublicSite({
      dataDir: dir,
      attachments: directoryAttachmentSource(join(dir, 'att')),
      allowedOrigins: ['https://berita.kpu.example', 'https://www.berita.kpu.example'],
      forwardToWordPress: false,
    });
    const app = Fastify();
    try {
      await registerPublicSite(app, site);
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      site.publisher.publish(release({ title: 'Rapat Pleno Terbuka' }));
      const www = await getAs(url, '/feed.xml', { host: 'www.berita.kpu.example' });
      expect(www.body).toContain('https://www.berita.kpu.example/berita/');
      expect(www.vary).toMatch(/\bHost\b/);
      const forged = await getAs(url, '/feed.xml', { host: FORGED });
      expect(forged.body).not.toContain(FORGED);
      expect(forged.body).toContain('https://berita.kpu.example/berita/');
    } finally {
      await app.close();
      site.close();
      removeDir(dir);
    }
  });
});

describe('production mode', () => {
  it('HQ refuses to start its public site without WARTA_PUBLIC_URL or an allowlist', async () => {
    const dir = tempDir('warta-hq-prod-');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
      delete env.WARTA_PUBLIC_URL;
      delete env.WARTA_PUBLIC_ORIGINS;
      const [cmd, args] = nodeWithTsx(join(REPO_ROOT, 'src/server/cli.ts'), ['--port', '0', '--data-dir', dir]);
      const out = await runToExit(cmd, args, { env, timeoutMs: 60_000 });
      expect(out.code).not.toBe(0);
      expect(out.stderr).toMatch(/WARTA_PUBLIC_URL/);
      expect(out.stdout).not.toMatch(/Warta HQ: http/);
    } finally {
      removeDir(dir);
    }
  });
});
