import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS } from '../../src/shared/sync/protocol';
import { fields } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { call, enrollDevice, newId, push, type Device } from '../helpers/hq-api';

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const path = (s: string): string => `${PATHS.attachments}/${s}`;
const image = (background: string): Promise<Buffer> =>
  sharp({ create: { width: 8, height: 8, channels: 3, background } })
    .png()
    .toBuffer();

const put = (hq: Hq, dev: Device, bytes: Buffer, contentType = 'image/png') =>
  call(hq.url, path(sha(bytes)), { method: 'PUT', token: dev.token, raw: bytes, contentType });
const get = (hq: Hq, dev: Device, s: string) => call(hq.url, path(s), { method: 'GET', token: dev.token });
const head = (hq: Hq, dev: Device, s: string) => call(hq.url, path(s), { method: 'HEAD', token: dev.token });

const withLead = (s: string, office: string) =>
  fields({ office, leadImage: { attachment: s, caption: 'Rapat', credit: 'Humas', alt: 'Rapat pleno' } });

describe('attachments are read only by who may see them', { timeout: 60_000 }, () => {
  let hq: Hq;
  let blora: Device;
  let bandung: Device;
  let jateng: Device;
  let photo: Buffer;

  beforeAll(async () => {
    hq = await startHq();
    blora = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'Sari', role: 'penulis' });
    bandung = await enrollDevice(hq.server, hq.url, { office: 'KPU Kota Bandung', name: 'Dedi', role: 'penulis' });
    jateng = await enrollDevice(hq.server, hq.url, {
      office: 'KPU Kota Semarang',
      name: 'Provinsi Jateng',
      role: 'peninjau',
      scope: 'province',
    });
    photo = await image('#208040');
    expect((await put(hq, blora, photo)).status).toBe(201);
  });
  afterAll(() => hq?.close());

  it('another office gets the same 404 as for a hash that does not exist', async () => {
    const s = sha(photo);
    const unknown = 'f'.repeat(64);
    expect((await get(hq, blora, s)).status).toBe(200);
    const theirs = await get(hq, bandung, s);
    const none = await get(hq, bandung, unknown);
    expect(theirs.status).toBe(404);
    expect(none.status).toBe(404);
    expect(theirs.body).toEqual({ code: 'not_found', message: `no attachment ${s}` });
    expect(none.body).toEqual({ code: 'not_found', message: `no attachment ${unknown}` });
    expect((await head(hq, bandung, s)).status).toBe(404);
    expect((await head(hq, jateng, s)).status).toBe(404);
  });

  it("naming another office's hash in a release neither confirms it nor grants it", async () => {
    const s = sha(photo);
    const r = await push(hq.url, bandung, [
      { kind: 'release.upsert', releaseId: newId(), baseRevision: 0, fields: withLead(s, 'KPU Kota Bandung') },
    ]);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', reason: 'missing_attachment', missing: [s] });
    expect((await get(hq, bandung, s)).status).toBe(404);
  });

  it('once a release shows it, readers of that release may fetch it; others still may not', async () => {
    const s = sha(photo);
    const r = await push(hq.url, blora, [
      { kind: 'release.upsert', releaseId: newId(), baseRevision: 0, fields: withLead(s, 'KPU Kabupaten Blora') },
    ]);
    expect(r.body.results[0]).toMatchObject({ status: 'accepted' });
    const got = await fetch(new URL(path(s), hq.url), { headers: { authorization: `Bearer ${jateng.token}` } });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(photo);
    expect((await get(hq, bandung, s)).status).toBe(404);
  });

  it('SVG and HTML are refused with 415 whatever type they claim, and nothing is stored', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
    for (const [bytes, type] of [
      [svg, 'image/svg+xml'],
      [svg, 'image/png'],
      [html, 'text/html'],
      [html, 'application/octet-stream'],
    ] as const) {
      const res = await put(hq, blora, bytes, type);
      expect(res.status, type).toBe(415);
      expect(res.body).toMatchObject({ code: 'unsupported_media' });
      expect(hq.server.storage.hasAttachment(sha(bytes))).toBe(false);
    }
  });
});

describe('office attachment quota', () => {
  it('an office past its quota gets 507 with the reason; another office is not affected', async () => {
    const first = await image('#102030');
    const second = await image('#405060');
    const hq = await startHq(undefined, 0, { limits: { officeQuotaBytes: first.length + 10 } });
    try {
      const a = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'A', role: 'penulis' });
      const b = await enrollDevice(hq.server, hq.url, { office: 'KPU Kota Bandung', name: 'B', role: 'penulis' });
      expect((await put(hq, a, first)).status).toBe(201);
      // The same bytes again cost nothing more.
      expect((await put(hq, a, first)).status).toBe(200);
      const over = await put(hq, a, second);
      expect(over.status).toBe(507);
      expect(over.body).toMatchObject({ code: 'quota_exceeded', message: expect.stringMatching(/quota/) });
      expect(hq.server.storage.hasAttachment(sha(second))).toBe(false);
      expect((await put(hq, b, second)).status).toBe(201);
    } finally {
      await hq.close();
    }
  });

  it('one attachment over the configured size cap is 413', async () => {
    const big = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const hq = await startHq(undefined, 0, { limits: { attachmentMaxBytes: big.length - 1 } });
    try {
      const a = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'A', role: 'penulis' });
      expect((await put(hq, a, big)).status).toBe(413);
    } finally {
      await hq.close();
    }
  });
});
