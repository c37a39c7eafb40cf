import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HqServer } from '../../src/server/app';
import type { PullResponse } from '../../src/shared/sync/protocol';
import { contentHash } from '../../src/shared/workflow';
import { fields } from '../helpers/docs';
import { startHq } from '../helpers/hq';
import { call, enrollDevice, newId, push, threadData, type Device } from '../helpers/hq-api';
import { removeDir } from '../helpers/tmp';

let hq: HqServer;
let url: string;
let dataDir: string;
const rel: Record<string, string> = {};
let writers: Record<string, Device>;
let reviewerBlora: Device;
let reviewerJateng: Device;
let reviewerJabar: Device;
let admin: Device;

const offices = { blora: 'KPU Kabupaten Blora', rembang: 'KPU Kabupaten Rembang', bandung: 'KPU Kota Bandung' };

beforeAll(async () => {
  ({ server: hq, url, dataDir } = await startHq());
  writers = {};
  for (const [key, office] of Object.entries(offices)) {
    writers[key] = await enrollDevice(hq, url, { office, name: `Penulis ${key}`, role: 'penulis' });
    rel[key] = newId();
    const r = await push(url, writers[key]!, [
      {
        kind: 'release.upsert',
        releaseId: rel[key]!,
        baseRevision: 0,
        fields: fields({ office, title: `Rilis ${key}` }),
      },
    ]);
    expect(r.body.results[0]!.status).toBe('accepted');
  }
  reviewerBlora = await enrollDevice(hq, url, { office: offices.blora, name: 'Kasubag Blora', role: 'peninjau' });
  reviewerJateng = await enrollDevice(hq, url, {
    office: 'KPU Kota Semarang',
    name: 'Provinsi Jateng',
    role: 'peninjau',
    scope: 'province',
  });
  reviewerJabar = await enrollDevice(hq, url, {
    office: 'KPU Kota Bandung',
    name: 'Provinsi Jabar',
    role: 'peninjau',
    scope: 'province',
  });
  admin = await enrollDevice(hq, url, { office: 'KPU Kabupaten Blora', name: 'Admin', role: 'admin' });
});

afterAll(async () => {
  await hq?.close();
  removeDir(dataDir);
});

async function visible(dev: Device): Promise<string[]> {
  const res = await call(url, '/api/v1/sync/pull?cursor=0&limit=500', { token: dev.token });
  expect(res.status).toBe(200);
  const ids = new Set((res.body as PullResponse).changes.map((c) => c.releaseId));
  return Object.entries(rel)
    .filter(([, id]) => ids.has(id))
    .map(([k]) => k)
    .sort();
}

describe('who reads what', () => {
  it('a writer and an office reviewer see their office; a provincial reviewer the province; admin all', async () => {
    expect(await visible(writers.blora!)).toEqual(['blora']);
    expect(await visible(reviewerBlora)).toEqual(['blora']);
    expect(await visible(reviewerJateng)).toEqual(['blora', 'rembang']);
    expect(await visible(reviewerJabar)).toEqual(['bandung']);
    expect(await visible(admin)).toEqual(['bandung', 'blora', 'rembang']);
  });

  it('a reviewer annotates in scope; outside it the batch is 403 and nothing changes', async () => {
    const ok = await push(url, reviewerJateng, [
      {
        kind: 'annotation.put',
        releaseId: rel.rembang!,
        annotationId: newId(),
        annotationType: 'review.thread',
        baseRevision: 1,
        data: threadData('Cek angka partisipasi.'),
      },
    ]);
    expect(ok.body.results[0]).toMatchObject({ status: 'accepted', annotationVersion: 1 });
    const changes = (
      (await call(url, '/api/v1/sync/pull?cursor=0&limit=500', { token: writers.rembang!.token })).body as PullResponse
    ).changes;
    expect(changes.find((c) => c.type === 'annotation')).toMatchObject({
      releaseId: rel.rembang,
      annotationType: 'review.thread',
      data: threadData('Cek angka partisipasi.'),
      by: { name: 'Provinsi Jateng', role: 'peninjau' },
    });

    const before = hq.storage.dump();
    const refused = await push(url, reviewerJabar, [
      {
        kind: 'annotation.put',
        releaseId: rel.blora!,
        annotationId: newId(),
        annotationType: 'review.thread',
        baseRevision: 1,
        data: threadData('x'),
      },
    ]);
    expect(refused.status).toBe(403);
    const refused2 = await push(url, reviewerBlora, [
      { kind: 'workflow.transition', releaseId: rel.rembang!, baseRevision: 1, to: 'perlu_revisi' },
    ]);
    expect(refused2.status).toBe(403);
    expect(hq.storage.dump()).toEqual(before);
  });
});

describe('workflow transitions at HQ', () => {
  it('roles, stale revisions and the approval pinned to its revision', async () => {
    const id = rel.blora!;
    const w = writers.blora!;
    expect(
      (await push(url, w, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' }])).body
        .results[0],
    ).toMatchObject({ status: 'accepted', revision: 2 });
    // A writer cannot approve, even by a forged request.
    expect(
      (await push(url, w, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' }])).body
        .results[0],
    ).toMatchObject({ status: 'rejected', reason: 'transition_not_allowed' });
    // A reviewer acting on a stale revision is refused.
    expect(
      (
        await push(url, reviewerBlora, [
          { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'disetujui' },
        ])
      ).body.results[0],
    ).toMatchObject({ status: 'rejected', reason: 'stale_revision' });
    expect(
      (
        await push(url, reviewerBlora, [
          { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui', note: 'Oke' },
        ])
      ).body.results[0],
    ).toMatchObject({ status: 'accepted', revision: 3 });
    // An edit after approval sends it back to diajukan.
    const edit = await push(url, w, [
      {
        kind: 'release.upsert',
        releaseId: id,
        baseRevision: 3,
        fields: fields({ office: offices.blora, title: 'Rilis blora, diperbaiki' }),
      },
    ]);
    expect(edit.body.results[0]).toMatchObject({ status: 'accepted', revision: 4 });
    expect(hq.storage.getReleaseHead(id)).toMatchObject({ status: 'diajukan', revision: 4 });
    const history = hq.storage
      .listRevisions(id)
      .map((r) => [r.revision, r.event, r.fromStatus, r.status, r.actor.role]);
    expect(history).toEqual([
      [1, 'created', null, 'draf', 'penulis'],
      [2, 'transition', 'draf', 'diajukan', 'penulis'],
      [3, 'transition', 'diajukan', 'disetujui', 'peninjau'],
      [4, 'edited', 'disetujui', 'diajukan', 'penulis'],
    ]);
  });
});

describe('open suggestions at HQ', () => {
  it('a forged approval over unaccepted suggested edits is refused and nothing changes', async () => {
    const w = writers.rembang!;
    const id = newId();
    const proposal = {
      type: 'suggestionInsert',
      attrs: { id: 's1', author: 'Provinsi Jateng', at: '2025-12-04T03:00:00.000Z' },
    };
    const suggested = fields({ office: offices.rembang }, ['p1', 'Paragraf satu.']);
    suggested.body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { id: 'p1' },
          content: [
            { type: 'text', text: 'Paragraf ' },
            { type: 'text', text: 'baru ', marks: [proposal] },
            { type: 'text', text: 'satu.' },
          ],
        },
      ],
    };
    const r = await push(url, w, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: suggested },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' },
    ]);
    expect(r.body.results.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    const before = hq.storage.dump();
    const approve = await push(url, reviewerJateng, [
      { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' },
    ]);
    expect(approve.body.results[0]).toMatchObject({ status: 'rejected', reason: 'transition_not_allowed' });
    expect(JSON.stringify(approve.body.results[0])).toMatch(/suggested edit/);
    expect(hq.storage.getReleaseHead(id)).toMatchObject({ revision: 2, status: 'diajukan' });
    // Only the push bookkeeping of the refused entry differs: no revision was added.
    expect(hq.storage.dump().revisions).toEqual(before.revisions);
  });
});

describe('transitions pinned by content hash', () => {
  it('an edit and a submit queued together are both accepted; a submit on other text is stale', async () => {
    const w = writers.rembang!;
    const id = newId();
    const edited = fields({ office: offices.rembang, title: 'Versi dua' });
    const r = await push(url, w, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ office: offices.rembang }) },
      { kind: 'release.upsert', releaseId: id, baseRevision: 1, fields: edited },
      // The workstation knew revision 1 only; the hash says which text it submits.
      {
        kind: 'workflow.transition',
        releaseId: id,
        baseRevision: 1,
        to: 'diajukan',
        note: null,
        contentHash: contentHash(edited),
      },
    ]);
    expect(r.body.results.map((x) => x.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(hq.storage.getReleaseHead(id)).toMatchObject({ revision: 3, status: 'diajukan' });
    const stale = await push(url, reviewerJateng, [
      {
        kind: 'workflow.transition',
        releaseId: id,
        baseRevision: 3,
        to: 'disetujui',
        contentHash: contentHash(fields({ office: offices.rembang })),
      },
    ]);
    expect(stale.body.results[0]).toMatchObject({ status: 'rejected', reason: 'stale_revision' });
    expect(hq.storage.getReleaseHead(id)).toMatchObject({ revision: 3, status: 'diajukan' });
  });
});

describe('audit trail', () => {
  it('revisions, push results and the change log cannot be rewritten', () => {
    const storage = hq.storage as unknown as { db: { prepare(sql: string): { run(): unknown } } };
    for (const sql of [
      "UPDATE revisions SET status = 'terbit'",
      'DELETE FROM revisions',
      'DELETE FROM push_results',
      "UPDATE changes SET office_id = 'x'",
    ]) {
      expect(() => storage.db.prepare(sql).run(), sql).toThrow(/append-only/);
    }
  });
});
