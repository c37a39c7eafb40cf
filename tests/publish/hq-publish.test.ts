import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { enrollPerson } from '../../src/server/admin';
import type { HqServer } from '../../src/server/app';
import { ReleasesPageSchema } from '../../src/server/public';
import type { DocNode } from '../../src/shared/domain';
import type { WireFields } from '../../src/shared/sync/protocol';
import { auditHtml } from './html-audit';
import { threadData } from '../helpers/hq-api';
import { startHq } from '../helpers/hq';
import { removeDir, tempDir } from '../helpers/tmp';
import { PHONE_UA } from './helpers';
import { forgedNodes, HREF_PAYLOADS, STRING_PAYLOADS } from './payloads';

/**
 * The publishing path as HQ runs it: releases arrive through the real sync API, a reviewer's
 * transitions (terbit / dikoreksi / ditarik, with an embargo) reach the publisher inside the
 * batch, and the public pages on the same server show the result.
 */
let hq: HqServer;
let url: string;
let dir: string;
interface Device {
  deviceId: string;
  token: string;
  seq: number;
}
let writer: Device;
let reviewer: Device;

async function enroll(role: 'penulis' | 'peninjau', name: string): Promise<Device> {
  const { code } = await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name, role });
  const res = await fetch(new URL('/api/v1/enroll', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: name }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { deviceId: string; token: string };
  return { deviceId: body.deviceId, token: body.token, seq: 1 };
}

async function push(
  dev: Device,
  entries: Record<string, unknown>[],
): Promise<{ status: string; revision?: number; reason?: string }[]> {
  const numbered = entries.map((e, i) => ({ ...e, seq: dev.seq + i }));
  const res = await fetch(new URL('/api/v1/sync/push', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${dev.token}` },
    body: JSON.stringify({ deviceId: dev.deviceId, entries: numbered }),
  });
  const body = (await res.json()) as { results: { status: string; revision?: number; reason?: string }[] };
  expect(res.status, JSON.stringify(body)).toBe(200);
  dev.seq += entries.length;
  return body.results;
}

const fields = (over: Partial<WireFields> = {}): WireFields => ({
  title: 'Rapat Pleno Terbuka Penetapan DPT',
  slug: 'rapat-pleno-penetapan-dpt',
  dateline: 'Blora',
  date: '2025-12-04',
  category: 'berita-terkini',
  tags: ['dpt', 'pleno'],
  summary: 'KPU Kabupaten Blora menetapkan daftar pemilih tetap.',
  byline: 'Humas KPU Blora',
  office: 'KPU Kabupaten Blora',
  leadImage: null,
  body: {
    type: 'doc',
    content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Isi rilis.' }] }],
  },
  number: '',
  contact: { name: '', role: '', phone: '' },
  ...over,
});

/** Writer creates and submits; reviewer approves and publishes (optionally at a time). */
async function publishThroughWorkflow(f: WireFields, publishAt?: string): Promise<string> {
  const id = uuidv7();
  const r = await push(writer, [
    { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: f },
    { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' },
  ]);
  expect(
    r.map((x) => x.status),
    JSON.stringify(r),
  ).toEqual(['accepted', 'accepted']);
  const t = await push(reviewer, [
    { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' },
    { kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'terbit', ...(publishAt ? { publishAt } : {}) },
  ]);
  expect(
    t.map((x) => x.status),
    JSON.stringify(t),
  ).toEqual(['accepted', 'accepted']);
  return id;
}

const get = (path: string) => fetch(new URL(path, url), { headers: { 'user-agent': PHONE_UA } });

beforeAll(async () => {
  ({ server: hq, url, dataDir: dir } = await startHq(tempDir('warta-hq-pub-'), 0, { publicSite: true }));
  writer = await enroll('penulis', 'Siti Penulis');
  reviewer = await enroll('peninjau', 'Budi Peninjau');
});
afterAll(async () => {
  await hq?.close();
  if (dir) removeDir(dir);
});

describe('HQ publishes through its workflow', () => {
  it('Terbit puts the release on /berita/<slug>, the feed and the API with its image; Dikoreksi and Ditarik follow', async () => {
    const photo = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#208040' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 58/1 0/1' } })
      .toBuffer();
    const sha = createHash('sha256').update(photo).digest('hex');
    const put = await fetch(new URL(`/api/v1/attachments/${sha}`, url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/octet-stream' },
      body: photo,
    });
    expect(put.status).toBe(201);
    const body: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { id: 'h1', level: 2 }, content: [{ type: 'text', text: 'Hasil Rapat' }] },
        { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Rapat dipimpin Ketua KPU.' }] },
        {
          type: 'blockquote',
          attrs: { id: 'q1' },
          content: [
            {
              type: 'paragraph',
              attrs: { id: 'p2' },
              content: [{ type: 'text', text: '"Data pemilih sudah final," ujarnya.' }],
            },
          ],
        },
        {
          type: 'bulletList',
          attrs: { id: 'l1' },
          content: [
            {
              type: 'listItem',
              attrs: { id: 'li1' },
              content: [{ type: 'paragraph', attrs: { id: 'p3' }, content: [{ type: 'text', text: 'Butir pertama' }] }],
            },
          ],
        },
        {
          type: 'paragraph',
          attrs: { id: 'p4' },
          content: [
            { type: 'text', text: 'Situs KPU', marks: [{ type: 'link', attrs: { href: 'https://kpu.go.id/' } }] },
          ],
        },
        {
          type: 'figure',
          attrs: { id: 'f1', attachment: sha, alt: 'Rapat', caption: 'Suasana rapat', credit: 'Foto: Humas' },
        },
      ],
    };
    const id = await publishThroughWorkflow(
      fields({ body, leadImage: { attachment: sha, caption: 'Pleno', credit: 'Foto: Humas', alt: 'Pleno' } }),
    );

    const res = await get('/berita/rapat-pleno-penetapan-dpt');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const piece of [
      '<h2>Hasil Rapat</h2>',
      '<p>Rapat dipimpin Ketua KPU.</p>',
      '<blockquote><p>"Data pemilih sudah final," ujarnya.</p></blockquote>',
      '<li><p>Butir pertama</p></li>',
      '<a href="https://kpu.go.id/" rel="noopener noreferrer nofollow">Situs KPU</a>',
      'Blora – Kamis (4/12/2025)',
      'KPU Kabupaten Blora',
      'Telah dilihat 1 kali',
    ]) {
      expect(html).toContain(piece);
    }
    const img = await get(`/media/${sha}/w400.jpg`);
    expect(img.status).toBe(200);
    expect((await sharp(Buffer.from(await img.arrayBuffer())).metadata()).exif).toBeUndefined();

    const feed = await new Parser().parseString(await (await get('/feed.xml')).text());
    expect(feed.items.map((i) => i.title)).toContain('Rapat Pleno Terbuka Penetapan DPT');
    const api = ReleasesPageSchema.parse(await (await get('/api/v1/releases')).json());
    const item = api.items.find((i) => i.altids.some((a) => a.value === id));
    expect(item?.places?.[0]?.name).toBe('Jawa Tengah'); // HQ's office → province
    expect(item?.version).toBe('4');

    // Dikoreksi: the writer fixes the text (a new revision), the reviewer records the correction.
    const fix = await push(writer, [
      {
        kind: 'release.upsert',
        releaseId: id,
        baseRevision: 4,
        fields: fields({
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                attrs: { id: 'p1' },
                content: [{ type: 'text', text: 'Rapat dipimpin Ketua KPU Blora.' }],
              },
            ],
          },
        }),
      },
    ]);
    expect(fix[0]?.status).toBe('accepted');
    // An edit alone does not change the public page: only a Dikoreksi transition does.
    expect(await (await get('/berita/rapat-pleno-penetapan-dpt')).text()).toContain('<p>Rapat dipimpin Ketua KPU.</p>');
    const corr = await push(reviewer, [
      {
        kind: 'workflow.transition',
        releaseId: id,
        baseRevision: 5,
        to: 'dikoreksi',
        note: 'Nama lembaga dilengkapi.',
      },
    ]);
    expect(corr[0]?.status).toBe('accepted');
    const corrected = await (await get('/berita/rapat-pleno-penetapan-dpt')).text();
    expect(corrected).toContain('Rapat dipimpin Ketua KPU Blora.');
    expect(corrected).toMatch(/Dikoreksi pada <time[^>]*>[^<]+ WIB<\/time>:<\/strong> Nama lembaga dilengkapi\./);

    const wd = await push(reviewer, [
      {
        kind: 'workflow.transition',
        releaseId: id,
        baseRevision: 6,
        to: 'ditarik',
        note: 'Ditarik atas permintaan pimpinan.',
      },
    ]);
    expect(wd[0]?.status).toBe('accepted');
    const gone = await get('/berita/rapat-pleno-penetapan-dpt');
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Ditarik atas permintaan pimpinan.');
    expect(await (await get('/feed.xml')).text()).not.toContain('rapat-pleno-penetapan-dpt');
  });

  it('an embargoed Terbit stays hidden until its time', async () => {
    const at = new Date(Date.now() + 3_000).toISOString();
    await publishThroughWorkflow(fields({ title: 'Pengumuman Terjadwal', slug: 'pengumuman-terjadwal' }), at);
    expect((await get('/berita/pengumuman-terjadwal')).status).toBe(404);
    expect(await (await get('/berita')).text()).not.toContain('Pengumuman Terjadwal');
    await expect
      .poll(async () => (await get('/berita/pengumuman-terjadwal')).status, { timeout: 30_000, interval: 500 })
      .toBe(200);
    expect(await (await get('/berita')).text()).toContain('Pengumuman Terjadwal');
  });

  it('hostile content pushed as forged sync payloads never reaches stored or served HTML', async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 12; i++) {
      const payload = STRING_PAYLOADS[i * 5] as string;
      // HQ refuses bodies that point at attachments it lacks (missing_attachment) and approvals
      // while suggested edits are open, so forged figures and suggestion marks are exercised in
      // browser.test.ts, straight through publish().
      const forged = forgedNodes('c'.repeat(64), i).filter(
        (n) => n.type !== 'figure' && !JSON.stringify(n).includes('"suggestion'),
      );
      const body = {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            attrs: { id: `p${i}` },
            content: [
              { type: 'text', text: payload },
              { type: 'text', text: ' tautan', marks: [{ type: 'link', attrs: { href: HREF_PAYLOADS[i] } }] },
            ],
          },
          ...forged,
        ],
      } as DocNode;
      const f = fields({
        title: `${payload} ${i}`.slice(0, 300),
        slug: '',
        summary: payload,
        byline: payload.slice(0, 200),
        tags: [payload.slice(0, 60)],
        body,
      });
      await publishThroughWorkflow(f);
    }
    // Reviewer comments (annotations) carry payloads too; they never reach a public page.
    const commented = await publishThroughWorkflow(
      fields({ title: 'Rilis dengan komentar', slug: 'rilis-dengan-komentar' }),
    );
    const note = await push(reviewer, [
      {
        kind: 'annotation.put',
        releaseId: commented,
        annotationId: uuidv7(),
        annotationType: 'review.thread',
        baseRevision: 4,
        data: threadData('<script>__xss(300)</script> KOMENTAR-INTERNAL', '<img src=x onerror=__xss(301)>'),
      },
    ]);
    expect(note[0]?.status).toBe('accepted');
    for (const path of [
      '/berita/rilis-dengan-komentar',
      '/berita',
      '/feed.xml',
      '/api/v1/releases?perPage=100',
      '/sitemap.xml',
    ]) {
      expect(await (await get(path)).text(), path).not.toContain('KOMENTAR-INTERNAL');
    }
    const index = await (await get('/berita?halaman=1')).text();
    expect(auditHtml(index, 'page')).toEqual([]);
    for (const m of index.matchAll(/<h2><a href="(\/berita\/[^"]+)">/g)) slugs.push(m[1] as string);
    expect(slugs.length).toBeGreaterThanOrEqual(12);
    for (const path of slugs) {
      const html = await (await get(path)).text();
      expect(auditHtml(html, 'page'), path).toEqual([]);
    }
    const db = new Database(join(dir, 'hq.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT body_html FROM pub_releases').all() as { body_html: string }[];
    db.close();
    expect(stored.length).toBeGreaterThanOrEqual(12);
    for (const r of stored) expect(auditHtml(r.body_html)).toEqual([]);
  });
});
