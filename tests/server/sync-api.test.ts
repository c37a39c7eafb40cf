import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HqServer } from '../../src/server/app';
import {
  MAX_PUSH_ENTRIES,
  PushResponseSchema,
  type ConflictResultSchema,
  type PullResponse,
} from '../../src/shared/sync/protocol';
import type { z } from 'zod';
import { fields } from '../helpers/docs';
import { startHq } from '../helpers/hq';
import { call, enrollDevice, newId, push, type Device } from '../helpers/hq-api';
import { removeDir } from '../helpers/tmp';

let hq: HqServer;
let url: string;
let dataDir: string;
let blora: Device;
let blora2: Device;
let rembang: Device;

beforeAll(async () => {
  ({ server: hq, url, dataDir } = await startHq());
  blora = await enrollDevice(hq, url, { office: 'KPU Kabupaten Blora', name: 'Siti', role: 'penulis' });
  blora2 = await enrollDevice(hq, url, { office: 'KPU Kabupaten Blora', name: 'Budi', role: 'penulis' });
  rembang = await enrollDevice(hq, url, { office: 'KPU Kabupaten Rembang', name: 'Ani', role: 'penulis' });
});

afterAll(async () => {
  await hq?.close();
  removeDir(dataDir);
});

async function pullAll(dev: Device, limit = 100, from = 0): Promise<PullResponse['changes']> {
  const out: PullResponse['changes'] = [];
  let cursor = from;
  for (;;) {
    const res = await call(url, `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token: dev.token });
    expect(res.status).toBe(200);
    const page = res.body as PullResponse;
    out.push(...page.changes);
    expect(page.nextCursor).toBeGreaterThanOrEqual(cursor);
    cursor = page.nextCursor;
    if (!page.hasMore) return out;
  }
}

describe('push and pull', () => {
  it('a new release is accepted as revision 1 and reaches another device of the office', async () => {
    const id = newId();
    const res = await push(url, blora, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ title: 'Sosialisasi' }) },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([{ seq: 1, status: 'accepted', releaseId: id, revision: 1 }]);
    expect(res.body.nextSeq).toBe(2);
    const changes = await pullAll(blora2);
    const mine = changes.filter((c) => c.releaseId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      type: 'release',
      revision: 1,
      deleted: false,
      status: 'draf',
      event: 'created',
      fields: { title: 'Sosialisasi' },
      by: { name: 'Siti', role: 'penulis', office: 'KPU Kabupaten Blora' },
    });
    // Another office sees nothing of Blora's.
    expect((await pullAll(rembang)).filter((c) => c.releaseId === id)).toEqual([]);
  });

  it('pulls page by page and an interrupted pull resumes from its stored cursor, each revision once', async () => {
    const ids = Array.from({ length: 7 }, () => newId());
    const res = await push(
      url,
      rembang,
      ids.map((id, i) => ({
        kind: 'release.upsert' as const,
        releaseId: id,
        baseRevision: 0,
        fields: fields({ title: `Rilis ${i}`, office: 'KPU Kabupaten Rembang' }),
      })),
    );
    expect(res.body.results.every((r) => r.status === 'accepted')).toBe(true);
    // Read two pages, "crash", resume from the cursor stored after page 2.
    const p1 = (await call(url, '/api/v1/sync/pull?cursor=0&limit=3', { token: rembang.token })).body as PullResponse;
    const p2 = (await call(url, `/api/v1/sync/pull?cursor=${p1.nextCursor}&limit=3`, { token: rembang.token }))
      .body as PullResponse;
    expect(p1.hasMore).toBe(true);
    const rest = await pullAll(rembang, 3, p2.nextCursor);
    const seen = [...p1.changes, ...p2.changes, ...rest].map(
      (c) => `${c.releaseId}@${c.type === 'release' ? c.revision : ''}`,
    );
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(`${id}@1`);
    // Cursors ascend strictly.
    const cursors = [...p1.changes, ...p2.changes, ...rest].map((c) => c.cursor);
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
  });

  it('a page stops at the byte budget and the rest follows on the next page', async () => {
    const big = (n: number) =>
      fields(
        { title: `Besar ${n}` },
        ...Array.from({ length: 18 }, (_, j): [string, string] => [`b${j}`, `${'Kalimat panjang. '.repeat(3000)}${n}`]),
      );
    const ids = [newId(), newId(), newId(), newId(), newId()];
    // ~0.9 MiB each (under the body cap): five of them exceed the 4 MiB page budget.
    for (const id of ids)
      expect(
        (
          await push(url, blora, [
            { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: big(ids.indexOf(id)) },
          ])
        ).body.results[0]!.status,
      ).toBe('accepted');
    const start = hq.storage.headCursor() - ids.length;
    const first = (await call(url, `/api/v1/sync/pull?cursor=${start}&limit=500`, { token: blora2.token }))
      .body as PullResponse;
    expect(first.hasMore).toBe(true);
    expect(first.changes.length).toBeGreaterThan(0);
    expect(first.changes.length).toBeLessThan(ids.length);
    const rest = await pullAll(blora2, 500, first.nextCursor);
    expect([...first.changes, ...rest].map((c) => c.releaseId)).toEqual(ids);
  });

  it('a replayed batch returns the stored results and changes nothing', async () => {
    const id = newId();
    const entries = [
      {
        kind: 'release.upsert' as const,
        releaseId: id,
        baseRevision: 0,
        seq: blora.nextSeq,
        fields: fields({ title: 'Sekali saja' }),
      },
    ];
    const first = await call(url, '/api/v1/sync/push', {
      token: blora.token,
      body: { deviceId: blora.deviceId, entries },
    });
    expect(first.status).toBe(200);
    blora.nextSeq++;
    const before = hq.storage.dump();
    const again = await call(url, '/api/v1/sync/push', {
      token: blora.token,
      body: { deviceId: blora.deviceId, entries },
    });
    expect(again.status).toBe(200);
    const body = again.body as { results: { replayed?: boolean; status: string; revision?: number }[] };
    expect(body.results[0]).toMatchObject({ status: 'accepted', revision: 1, replayed: true });
    expect(hq.storage.dump()).toEqual(before);
    // A forged replay — an applied seq with other content — answers the stored result, changes nothing.
    const forged = await call(url, '/api/v1/sync/push', {
      token: blora.token,
      body: { deviceId: blora.deviceId, entries: [{ ...entries[0]!, fields: fields({ title: 'Dipalsukan' }) }] },
    });
    expect(forged.status).toBe(200);
    expect((forged.body as { results: unknown[] }).results[0]).toMatchObject({
      status: 'accepted',
      revision: 1,
      replayed: true,
    });
    expect(hq.storage.dump()).toEqual(before);
    // A batch that overlaps: the old part replays, the new part applies.
    const id2 = newId();
    const mixed = await call(url, '/api/v1/sync/push', {
      token: blora.token,
      body: {
        deviceId: blora.deviceId,
        entries: [
          ...entries,
          { kind: 'release.upsert', releaseId: id2, baseRevision: 0, seq: blora.nextSeq, fields: fields() },
        ],
      },
    });
    expect(mixed.status).toBe(200);
    blora.nextSeq++;
    expect(
      (mixed.body as { results: { status: string; replayed?: boolean }[] }).results.map((r) => [
        r.status,
        r.replayed ?? false,
      ]),
    ).toEqual([
      ['accepted', true],
      ['accepted', false],
    ]);
  });

  it('a gap or forged future seq is refused with 409 and the expected seq, nothing applied', async () => {
    const before = hq.storage.dump();
    const res = await call(url, '/api/v1/sync/push', {
      token: blora.token,
      body: {
        deviceId: blora.deviceId,
        entries: [
          { kind: 'release.upsert', releaseId: newId(), baseRevision: 0, seq: blora.nextSeq + 5, fields: fields() },
        ],
      },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'seq_gap', expectedSeq: blora.nextSeq });
    expect(hq.storage.dump()).toEqual(before);
    const me = await call(url, '/api/v1/sync/me', { token: blora.token });
    expect(me.body).toMatchObject({
      deviceId: blora.deviceId,
      nextSeq: blora.nextSeq,
      person: { name: 'Siti', role: 'penulis', office: 'KPU Kabupaten Blora', province: 'Jawa Tengah' },
    });
  });

  it("another office's release id is refused with 403 and nothing in the batch is applied", async () => {
    const id = newId();
    await push(url, rembang, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ office: 'KPU Kabupaten Rembang' }) },
    ]);
    const before = hq.storage.dump();
    const res = await call(url, '/api/v1/sync/push', {
      token: blora.token,
      body: {
        deviceId: blora.deviceId,
        entries: [
          { kind: 'release.upsert', releaseId: newId(), baseRevision: 0, seq: blora.nextSeq, fields: fields() },
          {
            kind: 'release.upsert',
            releaseId: id,
            baseRevision: 1,
            seq: blora.nextSeq + 1,
            fields: fields({ title: 'Diambil alih' }),
          },
        ],
      },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'forbidden', seq: blora.nextSeq + 1 });
    expect(hq.storage.dump()).toEqual(before);
    // Nor may a device push under another device's id.
    const spoof = await call(url, '/api/v1/sync/push', {
      token: blora.token,
      body: {
        deviceId: rembang.deviceId,
        entries: [{ kind: 'release.delete', releaseId: id, baseRevision: 1, seq: rembang.nextSeq }],
      },
    });
    expect(spoof.status).toBe(403);
    expect(hq.storage.dump()).toEqual(before);
  });

  it('deletes are tombstones that travel; a repeated delete is accepted without a new revision', async () => {
    const id = newId();
    await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields() }]);
    const del = await push(url, blora, [{ kind: 'release.delete', releaseId: id, baseRevision: 1 }]);
    expect(del.body.results[0]).toMatchObject({ status: 'accepted', revision: 2 });
    const again = await push(url, blora2, [{ kind: 'release.delete', releaseId: id, baseRevision: 1 }]);
    expect(again.body.results[0]).toMatchObject({ status: 'accepted', revision: 2 });
    const changes = (await pullAll(blora2)).filter((c) => c.releaseId === id);
    expect(changes.map((c) => (c.type === 'release' ? [c.revision, c.deleted, c.fields === null] : null))).toEqual([
      [1, false, false],
      [2, true, true],
    ]);
  });
});

describe('concurrent edits over HTTP', () => {
  it('different paragraphs merge (merged, new revision); the same paragraph conflicts; the resolution is accepted', async () => {
    const id = newId();
    const base = fields({}, ['a', 'Alinea A.'], ['b', 'Alinea B.'], ['c', 'Alinea C.']);
    expect(
      (await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: base }])).body
        .results[0]!.status,
    ).toBe('accepted');
    // Budi edits paragraph a from revision 1 → accepted as revision 2.
    const budi = fields(
      { tags: ['pemilu', 'blora'] },
      ['a', 'Alinea A, versi Budi.'],
      ['b', 'Alinea B.'],
      ['c', 'Alinea C.'],
    );
    expect(
      (await push(url, blora2, [{ kind: 'release.upsert', releaseId: id, baseRevision: 1, fields: budi }])).body
        .results[0],
    ).toMatchObject({ status: 'accepted', revision: 2 });
    // Siti, offline from revision 1, edits paragraph c and the title → merged as revision 3.
    const siti = fields(
      { title: 'Judul baru' },
      ['a', 'Alinea A.'],
      ['b', 'Alinea B.'],
      ['c', 'Alinea C, versi Siti.'],
    );
    const merged = await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 1, fields: siti }]);
    const m = merged.body.results[0]!;
    expect(m).toMatchObject({ status: 'merged', revision: 3 });
    if (m.status !== 'merged') throw new Error('unreachable');
    expect(m.fields.title).toBe('Judul baru');
    expect(m.fields.tags).toEqual(['pemilu', 'blora']);
    expect(m.fields.body.content!.map((b) => b.content![0]!.text)).toEqual([
      'Alinea A, versi Budi.',
      'Alinea B.',
      'Alinea C, versi Siti.',
    ]);

    // Both change paragraph b from revision 3: Budi first (accepted), Siti conflicts.
    const budi2 = {
      ...m.fields,
      body: {
        type: 'doc',
        content: [
          m.fields.body.content![0]!,
          { type: 'paragraph', attrs: { id: 'b' }, content: [{ type: 'text', text: 'B menurut Budi.' }] },
          m.fields.body.content![2]!,
        ],
      },
    };
    expect(
      (await push(url, blora2, [{ kind: 'release.upsert', releaseId: id, baseRevision: 3, fields: budi2 }])).body
        .results[0],
    ).toMatchObject({ status: 'accepted', revision: 4 });
    const siti2 = {
      ...m.fields,
      body: {
        type: 'doc',
        content: [
          m.fields.body.content![0]!,
          { type: 'paragraph', attrs: { id: 'b' }, content: [{ type: 'text', text: 'B menurut Siti.' }] },
          m.fields.body.content![2]!,
        ],
      },
    };
    const before = hq.storage.getReleaseHead(id);
    const conflict = (
      await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 3, fields: siti2 }])
    ).body.results[0] as z.infer<typeof ConflictResultSchema>;
    expect(conflict).toMatchObject({
      status: 'conflict',
      headRevision: 4,
      baseRevision: 3,
      conflictBlocks: ['b'],
      conflictFields: [],
      deleted: false,
    });
    expect(conflict.head!.body.content![1]!.content![0]!.text).toBe('B menurut Budi.');
    // HQ kept its head unchanged.
    expect(hq.storage.getReleaseHead(id)).toEqual(before);

    // Siti resolves against head 4 with both sentences: accepted as revision 5, travels to Budi.
    const resolved = {
      ...siti2,
      body: {
        type: 'doc',
        content: [
          m.fields.body.content![0]!,
          { type: 'paragraph', attrs: { id: 'b' }, content: [{ type: 'text', text: 'B menurut Budi dan Siti.' }] },
          m.fields.body.content![2]!,
        ],
      },
    };
    expect(
      (await push(url, blora, [{ kind: 'release.resolve', releaseId: id, baseRevision: 4, fields: resolved }])).body
        .results[0],
    ).toMatchObject({ status: 'accepted', revision: 5 });
    const last = (await pullAll(blora2)).filter((c) => c.releaseId === id).at(-1)!;
    expect(last).toMatchObject({ type: 'release', revision: 5, event: 'resolved' });
  });

  it('an edit of a release deleted meanwhile is a delete-vs-edit conflict', async () => {
    const id = newId();
    await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields() }]);
    await push(url, blora2, [{ kind: 'release.delete', releaseId: id, baseRevision: 1 }]);
    const r = await push(url, blora, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 1, fields: fields({ title: 'Masih hidup' }) },
    ]);
    expect(r.body.results[0]).toMatchObject({ status: 'conflict', deleted: true, head: null, headRevision: 2 });
  });
});

describe('attachments', () => {
  // HQ takes image bytes only: a PNG signature, then anything.
  const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('image')]);
  const sha = createHash('sha256').update(bytes).digest('hex');

  it('a figure naming a path instead of a digest is refused as invalid content, in a reply the protocol accepts', async () => {
    const id = newId();
    const forged = fields();
    forged.body = {
      type: 'doc',
      content: [
        { type: 'figure', attrs: { id: 'f1', attachment: '../../etc/passwd', caption: '', credit: '', alt: '' } },
      ],
    };
    const r = await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: forged }]);
    expect(r.status).toBe(200);
    expect(PushResponseSchema.safeParse(r.body).success).toBe(true);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid_content' });
    expect(hq.storage.getReleaseHead(id)).toBeNull();
  });

  it('an upsert referencing a missing attachment is rejected; after the upload it is accepted', async () => {
    const id = newId();
    const withImage = fields({
      leadImage: { attachment: sha, caption: 'Rapat', credit: 'Foto: Humas', alt: 'Rapat pleno' },
    });
    const r1 = await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: withImage }]);
    expect(r1.body.results[0]).toMatchObject({ status: 'rejected', reason: 'missing_attachment', missing: [sha] });
    expect(hq.storage.getReleaseHead(id)).toBeNull();

    const head0 = await call(url, `/api/v1/attachments/${sha}`, { method: 'HEAD', token: blora.token });
    expect(head0.status).toBe(404);
    const bad = await call(url, `/api/v1/attachments/${sha}`, {
      method: 'PUT',
      token: blora.token,
      raw: Buffer.from('other bytes'),
      contentType: 'application/octet-stream',
    });
    expect(bad.status).toBe(400);
    const put = await call(url, `/api/v1/attachments/${sha}`, {
      method: 'PUT',
      token: blora.token,
      raw: bytes,
      contentType: 'image/png',
    });
    expect(put).toEqual({ status: 201, body: { sha256: sha, size: bytes.length, created: true } });
    const again = await call(url, `/api/v1/attachments/${sha}`, {
      method: 'PUT',
      token: blora.token,
      raw: bytes,
      contentType: 'application/octet-stream',
    });
    expect(again).toEqual({ status: 200, body: { sha256: sha, size: bytes.length, created: false } });
    expect((await call(url, `/api/v1/attachments/${sha}`, { method: 'HEAD', token: blora.token })).status).toBe(200);
    const got = await fetch(new URL(`/api/v1/attachments/${sha}`, url), {
      headers: { authorization: `Bearer ${blora.token}` },
    });
    expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes);
    expect((await call(url, `/api/v1/attachments/${sha}`, { method: 'HEAD' })).status).toBe(401);

    const r2 = await push(url, blora, [{ kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: withImage }]);
    expect(r2.body.results[0]).toMatchObject({ status: 'accepted', revision: 1 });
  });

  it('an attachment over the size cap is refused with 413', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 7);
    const s = createHash('sha256').update(big).digest('hex');
    const res = await call(url, `/api/v1/attachments/${s}`, {
      method: 'PUT',
      token: blora.token,
      raw: big,
      contentType: 'application/octet-stream',
    });
    expect(res.status).toBe(413);
    expect(hq.storage.hasAttachment(s)).toBe(false);
  });
});

describe('bad input leaves HQ unchanged', () => {
  const cases: [string, () => Promise<{ status: number; body: unknown }>, number, string][] = [];
  const batch = (entries: unknown[], extra: object = {}) => ({ deviceId: blora.deviceId, entries, ...extra });
  const good = (seq: number) => ({
    kind: 'release.upsert',
    releaseId: newId(),
    baseRevision: 0,
    seq,
    fields: fields(),
  });
  cases.push([
    'malformed JSON',
    () => call(url, '/api/v1/sync/push', { token: blora.token, raw: '{"deviceId": "x", "entries": [' }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'not an object',
    () => call(url, '/api/v1/sync/push', { token: blora.token, raw: '[1,2,3]' }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'wrong type',
    () =>
      call(url, '/api/v1/sync/push', {
        token: blora.token,
        body: batch([{ ...good(blora.nextSeq), baseRevision: 'zero' }]),
      }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'unknown top-level field',
    () => call(url, '/api/v1/sync/push', { token: blora.token, body: batch([good(blora.nextSeq)], { admin: true }) }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'unknown entry field',
    () =>
      call(url, '/api/v1/sync/push', {
        token: blora.token,
        body: batch([{ ...good(blora.nextSeq), status: 'terbit' }]),
      }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'unknown field in fields',
    () =>
      call(url, '/api/v1/sync/push', {
        token: blora.token,
        body: batch([{ ...good(blora.nextSeq), fields: { ...fields(), views: 1 } }]),
      }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'unknown kind',
    () =>
      call(url, '/api/v1/sync/push', {
        token: blora.token,
        body: batch([{ ...good(blora.nextSeq), kind: 'release.publish' }]),
      }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'non-contiguous seqs',
    () =>
      call(url, '/api/v1/sync/push', {
        token: blora.token,
        body: batch([good(blora.nextSeq), good(blora.nextSeq + 2)]),
      }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'empty batch',
    () => call(url, '/api/v1/sync/push', { token: blora.token, body: batch([]) }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'too many entries',
    () =>
      call(url, '/api/v1/sync/push', {
        token: blora.token,
        body: batch(Array.from({ length: MAX_PUSH_ENTRIES + 1 }, (_, i) => good(blora.nextSeq + i))),
      }),
    413,
    'too_large',
  ]);
  cases.push([
    'too many bytes',
    () =>
      call(url, '/api/v1/sync/push', {
        token: blora.token,
        body: batch([
          {
            ...good(blora.nextSeq),
            fields: {
              ...fields(),
              body: {
                type: 'doc',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(9 * 1024 * 1024) }] }],
              },
            },
          },
        ]),
      }),
    413,
    'too_large',
  ]);
  cases.push([
    'text/plain body',
    () => call(url, '/api/v1/sync/push', { token: blora.token, raw: 'hello', contentType: 'text/plain' }),
    415,
    'unsupported_media',
  ]);
  cases.push([
    'missing token',
    () => call(url, '/api/v1/sync/push', { body: batch([good(blora.nextSeq)]) }),
    401,
    'unauthorized',
  ]);
  cases.push([
    'unknown token',
    () => call(url, '/api/v1/sync/push', { token: 'wt_forged', body: batch([good(blora.nextSeq)]) }),
    401,
    'unauthorized',
  ]);
  cases.push([
    'pull with an unknown parameter',
    () => call(url, '/api/v1/sync/pull?cursor=0&all=1', { token: blora.token }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'pull with a negative cursor',
    () => call(url, '/api/v1/sync/pull?cursor=-1', { token: blora.token }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'enroll with an unknown field',
    () => call(url, '/api/v1/enroll', { body: { code: 'WARTA-0000-0000-0000-0000', deviceName: 'x', role: 'admin' } }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'enroll with an unknown code',
    () => call(url, '/api/v1/enroll', { body: { code: 'WARTA-0000-0000-0000-0000', deviceName: 'x' } }),
    401,
    'unauthorized',
  ]);
  cases.push([
    'attachment with a bad address',
    () =>
      call(url, '/api/v1/attachments/not-a-hash', {
        method: 'PUT',
        token: blora.token,
        raw: Buffer.from('x'),
        contentType: 'application/octet-stream',
      }),
    400,
    'invalid_input',
  ]);
  cases.push([
    'a body nested 5,000 deep',
    () => {
      const inner = '{"type":"paragraph","content":['.repeat(5000) + '{"type":"text","text":"x"}' + ']}'.repeat(5000);
      const f = JSON.stringify({ ...fields(), body: { type: 'doc', content: [] } }).replace(
        '"content":[]',
        `"content":[${inner}]`,
      );
      return call(url, '/api/v1/sync/push', {
        token: blora.token,
        raw: `{"deviceId":"${blora.deviceId}","entries":[{"seq":${blora.nextSeq},"kind":"release.upsert","releaseId":"${newId()}","baseRevision":0,"fields":${f}}]}`,
      });
    },
    400,
    'invalid_input',
  ]);

  it.each(cases.map((c) => [c[0], c] as const))('%s', async (_name, [, send, status, code]) => {
    const before = hq.storage.dump();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code });
    expect(typeof (res.body as { message: unknown }).message).toBe('string');
    expect(hq.storage.dump()).toEqual(before);
  });

  it('refuses a real batch carrying prototype-pollution keys, pollutes nothing, and takes the same batch clean', async () => {
    const entry = good(blora.nextSeq);
    const json = JSON.stringify(batch([entry]));
    const keys = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
    // The keys at the top, inside the entry, and inside the fields: each alone is enough to refuse.
    const poisoned = [
      json.replace(/^\{/, `{${keys},`),
      json.replace('"kind":', `${keys},"kind":`),
      json.replace('"title":', `${keys},"title":`),
    ];
    for (const raw of poisoned) {
      expect(raw).not.toBe(json);
      const before = hq.storage.dump();
      const res = await call(url, '/api/v1/sync/push', { token: blora.token, raw });
      expect(res.status, raw.slice(0, 120)).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_input' });
      expect(hq.storage.dump()).toEqual(before);
      expect(hq.storage.getReleaseHead(entry.releaseId)).toBeNull();
    }
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    // The refusal was for the keys alone: the very same entries, clean, are accepted.
    const clean = await call(url, '/api/v1/sync/push', { token: blora.token, raw: json });
    expect(clean.status, JSON.stringify(clean.body)).toBe(200);
    expect((clean.body as { results: unknown[] }).results).toEqual([
      { seq: entry.seq, status: 'accepted', releaseId: entry.releaseId, revision: 1 },
    ]);
    blora.nextSeq++;
    expect(hq.storage.getReleaseHead(entry.releaseId)?.fields?.title).toBe(entry.fields.title);
  });
});
