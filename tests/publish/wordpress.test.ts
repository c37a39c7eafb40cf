import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHqServer } from '../../src/server/app';
import { directoryAttachmentSource, openPublicSite, readWordPressConfig } from '../../src/server/public';
import type { PublicSite } from '../../src/server/public';
import { plainParagraph } from '../helpers/docs';
import { release } from './helpers';

/**
 * Forwarding to an office's WordPress: a stand-in for WordPress's REST API (a real HTTP server
 * on loopback that checks the Application Password and keeps posts) receives what HQ sends.
 */
interface Post {
  id: number;
  title: string;
  content: string;
  excerpt: string;
  slug: string;
  status: string;
  date_gmt: string;
}
let wp: FastifyInstance;
let wpUrl: string;
const posts = new Map<number, Post>();
const requests: { method: string; url: string; auth: string | undefined }[] = [];
let failNext = 0;
let dir: string;
let site: PublicSite;
const clock = { now: new Date('2025-12-04T03:00:00Z') };

beforeAll(async () => {
  wp = Fastify();
  const handle = async (id: number | null, body: Partial<Post>, auth: string | undefined) => {
    if (auth !== `Basic ${Buffer.from('warta:abcd efgh ijkl mnop').toString('base64')}`)
      return { code: 401, body: { code: 'rest_not_logged_in' } };
    if (failNext > 0) {
      failNext -= 1;
      return { code: 503, body: { code: 'unavailable' } };
    }
    const postId = id ?? posts.size + 100;
    const prev = posts.get(postId);
    if (id !== null && !prev) return { code: 404, body: { code: 'rest_post_invalid_id' } };
    posts.set(postId, {
      ...(prev ?? { title: '', content: '', excerpt: '', slug: '', status: 'draft', date_gmt: '' }),
      ...body,
      id: postId,
    } as Post);
    return { code: id === null ? 201 : 200, body: { id: postId } };
  };
  wp.post('/wp-json/wp/v2/posts', async (req, reply) => {
    requests.push({ method: req.method, url: req.url, auth: req.headers.authorization });
    const r = await handle(null, req.body as Partial<Post>, req.headers.authorization);
    return reply.code(r.code).send(r.body);
  });
  wp.post<{ Params: { id: string } }>('/wp-json/wp/v2/posts/:id', async (req, reply) => {
    requests.push({ method: req.method, url: req.url, auth: req.headers.authorization });
    const r = await handle(Number(req.params.id), req.body as Partial<Post>, req.headers.authorization);
    return reply.code(r.code).send(r.body);
  });
  wpUrl = await wp.listen({ host: '127.0.0.1', port: 0 });

  dir = mkdtempSync(join(tmpdir(), 'warta-wp-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'wordpress.json'),
    JSON.stringify({
      offices: [
        { office: 'kpu-kabupaten-blora', url: wpUrl, username: 'warta', applicationPassword: 'abcd efgh ijkl mnop' },
      ],
    }),
    { mode: 0o600 },
  );
  site = openPublicSite({
    dataDir: dir,
    attachments: directoryAttachmentSource(join(dir, 'att')),
    now: () => clock.now,
    baseUrl: 'https://berita.kpu.example',
  });
});
afterAll(async () => {
  site?.close();
  await wp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('forwarding to an office WordPress site', () => {
  it('posts on Terbit, updates the same post on Dikoreksi, unpublishes on Ditarik, retries after a failure', async () => {
    const forwarder = site.wordpress;
    expect(forwarder).not.toBeNull();
    const r = release({
      title: 'Rapat Pleno Terbuka',
      body: { type: 'doc', content: [plainParagraph('Isi <b>rilis</b>.')] },
    });
    site.publisher.publish(r);
    // Another office without a WordPress site: never queued.
    site.publisher.publish(release({ office: 'KPU Kota Semarang', title: 'Rilis Semarang' }));
    expect(site.store.wpQueue().map((q) => q.officeSlug)).toEqual(['kpu-kabupaten-blora']);

    failNext = 1;
    expect(await forwarder?.runOnce()).toBe(0);
    const [queued] = site.store.wpQueue();
    expect(queued?.attempts).toBe(1);
    expect(queued?.lastError).toContain('503');
    expect(await forwarder?.runOnce()).toBe(0); // not due yet: backing off
    clock.now = new Date(Date.parse(queued?.nextAt ?? '') + 1000);
    expect(await forwarder?.runOnce()).toBe(1);
    expect(site.store.wpQueue()).toEqual([]);
    const post = [...posts.values()][0];
    expect(post).toMatchObject({
      title: 'Rapat Pleno Terbuka',
      status: 'publish',
      slug: 'rapat-pleno-terbuka',
      excerpt: r.summary,
    });
    expect(post?.content).toContain('<p>Isi &lt;b&gt;rilis&lt;/b&gt;.</p>');
    expect(post?.content).toContain(
      '<a href="https://berita.kpu.example/berita/rapat-pleno-terbuka">KPU Kabupaten Blora</a>',
    );
    expect(requests.every((q) => q.auth?.startsWith('Basic '))).toBe(true);

    site.publisher.correct(
      { ...r, body: { type: 'doc', content: [plainParagraph('Isi yang benar.')] } },
      'Angka diperbaiki.',
    );
    expect(await forwarder?.runOnce()).toBe(1);
    expect(posts.size).toBe(1); // the same post, updated
    expect(post && posts.get(post.id)?.content).toContain('Isi yang benar.');
    expect(post && posts.get(post.id)?.content).toContain('Dikoreksi pada');

    site.publisher.withdraw(r.id, 'Ditarik.');
    expect(await forwarder?.runOnce()).toBe(1);
    expect(post && posts.get(post.id)?.status).toBe('draft');
    expect(requests.at(-1)?.url).toBe(`/wp-json/wp/v2/posts/${post?.id}`);
  });

  it('schedules an embargoed release as a future post', async () => {
    const at = new Date(clock.now.getTime() + 86_400_000).toISOString();
    site.publisher.publish(release({ title: 'Pengumuman Besok' }), { scheduledAt: at });
    expect(await site.wordpress?.runOnce()).toBe(1);
    const post = [...posts.values()].find((x) => x.title === 'Pengumuman Besok');
    expect(post).toMatchObject({ status: 'future', date_gmt: at.slice(0, 19) });
  });

  it('a malformed wordpress.json is refused with the file and the field named', () => {
    const file = join(dir, 'wordpress-bad.json');
    writeFileSync(file, '{ "offices": [ ');
    expect(() => readWordPressConfig(file)).toThrow(/wordpress-bad\.json is not valid JSON/);
    writeFileSync(
      file,
      JSON.stringify({
        offices: [{ office: 'kpu-kabupaten-blora', url: 'http://wp.example', username: 'w', applicationPassword: 'x' }],
      }),
    );
    expect(() => readWordPressConfig(file)).toThrow(
      /wordpress-bad\.json is not a valid WordPress forwarding config:[\s\S]*offices\[0\]\.url/,
    );
  });

  it('HQ does not start without its public site when wordpress.json is malformed', async () => {
    const hqDir = mkdtempSync(join(tmpdir(), 'warta-wp-hq-'));
    try {
      writeFileSync(join(hqDir, 'wordpress.json'), JSON.stringify({ offices: [{ office: 'Bukan Slug' }] }));
      await expect(createHqServer({ dataDir: hqDir })).rejects.toThrow(
        /wordpress\.json is not a valid WordPress forwarding config/,
      );
    } finally {
      rmSync(hqDir, { recursive: true, force: true });
    }
  });
});
