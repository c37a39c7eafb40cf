import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HqServer } from '../../src/server/app';
import { fields } from '../helpers/docs';
import { startHq } from '../helpers/hq';
import { call, enrollDevice, newId, push, type Device } from '../helpers/hq-api';
import { removeDir, tempDir } from '../helpers/tmp';

// HQ hands Terbit / Dikoreksi / Ditarik to the publishing code in src/server/public (when present).
let hq: HqServer;
let url: string;
const dataDir = tempDir();
let writer: Device;
let reviewer: Device;

beforeAll(async () => {
  ({ server: hq, url } = await startHq(dataDir, 0, { publicSite: true }));
  writer = await enrollDevice(hq, url, { office: 'KPU Kabupaten Blora', name: 'Siti', role: 'penulis' });
  reviewer = await enrollDevice(hq, url, { office: 'KPU Kabupaten Blora', name: 'Kasubag', role: 'peninjau' });
});

afterAll(async () => {
  await hq?.close();
  removeDir(dataDir);
});

describe('publishing hook', () => {
  it('a release moved to terbit appears on the public API; ditarik answers 410', async () => {
    const id = newId();
    const title = `Penetapan DPT ${id.slice(-6)}`;
    const steps: [Device, Parameters<typeof push>[2][number]][] = [
      [writer, { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ title, slug: '' }) }],
      [writer, { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' }],
      [reviewer, { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' }],
      [reviewer, { kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'terbit' }],
    ];
    for (const [dev, entry] of steps) expect((await push(url, dev, [entry])).body.results[0]!.status).toBe('accepted');
    const api = await call(url, '/api/v1/releases');
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).toContain(title);
    const items = JSON.stringify(api.body);
    expect(items).toContain('KPU Kabupaten Blora');
    const page = /\/berita\/[a-z0-9-]+/.exec(items)?.[0];
    expect(page).toBeDefined();
    const html = await fetch(new URL(page!, url));
    expect(html.status).toBe(200);
    expect(await html.text()).toContain(title);

    expect(
      (
        await push(url, reviewer, [
          { kind: 'workflow.transition', releaseId: id, baseRevision: 4, to: 'ditarik', note: 'Data keliru' },
        ])
      ).body.results[0]!.status,
    ).toBe('accepted');
    // A forged transition (a writer publishing) changes nothing, public tables included.
    const before = hq.storage.dump();
    expect(Object.keys(before).some((t) => t.startsWith('pub_'))).toBe(true);
    expect(
      (await push(url, writer, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 5, to: 'terbit' }])).body
        .results[0],
    ).toMatchObject({ status: 'rejected', reason: 'transition_not_allowed' });
    const { push_results: _a, devices: _b, ...rest } = hq.storage.dump();
    const { push_results: _c, devices: _d, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    const after = await call(url, '/api/v1/releases');
    expect(JSON.stringify(after.body)).not.toContain(title);
    expect((await fetch(new URL(page!, url))).status).toBe(410);
  });
});

describe('embargo', () => {
  it('an edit before the embargo time cancels the publication and sends the release back to Diajukan', async () => {
    const id = newId();
    const title = `Jadwal Kampanye ${id.slice(-6)}`;
    const later = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const steps: [Device, Parameters<typeof push>[2][number]][] = [
      [writer, { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ title, slug: '' }) }],
      [writer, { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' }],
      [reviewer, { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' }],
      [reviewer, { kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'terbit', publishAt: later }],
    ];
    for (const [dev, entry] of steps) expect((await push(url, dev, [entry])).body.results[0]!.status).toBe('accepted');
    const pub = () => (hq.storage.dump().pub_releases as { id: string; state: string }[]).find((p) => p.id === id);
    expect(pub()?.state).toBe('terbit');
    // A slug-only change is not a change of the approved text.
    expect(
      (
        await push(url, writer, [
          {
            kind: 'release.upsert',
            releaseId: id,
            baseRevision: 4,
            fields: fields({ title, slug: 'jadwal-kampanye' }),
          },
        ])
      ).body.results[0],
    ).toMatchObject({ status: 'accepted', revision: 5 });
    expect(hq.storage.getReleaseHead(id)).toMatchObject({ status: 'terbit', publishAt: later });
    expect(
      (
        await push(url, writer, [
          {
            kind: 'release.upsert',
            releaseId: id,
            baseRevision: 5,
            fields: fields({ title: `${title} (revisi)`, slug: 'jadwal-kampanye' }),
          },
        ])
      ).body.results[0],
    ).toMatchObject({ status: 'accepted', revision: 6 });
    expect(hq.storage.getReleaseHead(id)).toMatchObject({ status: 'diajukan', publishAt: null });
    expect(hq.storage.getRevision(id, 6)).toMatchObject({
      fromStatus: 'terbit',
      note: expect.stringContaining('dibatalkan'),
    });
    expect(pub()?.state).toBe('ditarik');
  });
});

describe('the address HQ prints', () => {
  it('leads to the public index', async () => {
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/berita');
  });
});
