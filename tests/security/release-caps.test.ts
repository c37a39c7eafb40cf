import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../src/main/store';
import type { DocNode } from '../../src/shared/domain/doc';
import { checkReleaseSize, MAX_RELEASE_BODY_BYTES, MAX_RELEASE_NODES } from '../../src/shared/domain/limits';
import { doc, fields, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { enrollDevice, newId, push, type Device } from '../helpers/hq-api';
import { removeDir } from '../helpers/tmp';
import { openWithHandlers } from '../store/helpers';

/** A one-paragraph body whose JSON is exactly `bytes` long (ASCII text). */
function bodyOfBytes(bytes: number): DocNode {
  const overhead = JSON.stringify(doc(paragraph('p1', 'x'))).length - 1;
  return doc(paragraph('p1', 'a'.repeat(bytes - overhead)));
}

/** A body of exactly `nodes` nodes: doc, one paragraph, and line breaks in it (small in bytes). */
function bodyOfNodes(nodes: number): DocNode {
  return {
    type: 'doc',
    content: [{ type: 'paragraph', content: Array.from({ length: nodes - 2 }, () => ({ type: 'hardBreak' })) }],
  };
}

const overBytes = bodyOfBytes(MAX_RELEASE_BODY_BYTES + 1);
const atBytes = bodyOfBytes(MAX_RELEASE_BODY_BYTES);
const overNodes = bodyOfNodes(MAX_RELEASE_NODES + 1);
const atNodes = bodyOfNodes(MAX_RELEASE_NODES);

describe('checkReleaseSize', () => {
  it('accepts bodies at the caps and names the cap a body is over', () => {
    expect(JSON.stringify(atBytes)).toHaveLength(MAX_RELEASE_BODY_BYTES);
    expect(checkReleaseSize(atBytes)).toEqual({ ok: true });
    expect(checkReleaseSize(atNodes)).toEqual({ ok: true });
    expect(checkReleaseSize(overBytes)).toEqual({ ok: false, limit: 'bytes', max: MAX_RELEASE_BODY_BYTES });
    expect(checkReleaseSize(overNodes)).toEqual({ ok: false, limit: 'nodes', max: MAX_RELEASE_NODES });
    // The node cap binds on its own: that body is far under the byte cap.
    expect(JSON.stringify(overNodes).length).toBeLessThan(MAX_RELEASE_BODY_BYTES / 2);
  });

  it('counts bytes as UTF-8, not string length', () => {
    const wide = doc(paragraph('p1', 'é'.repeat(MAX_RELEASE_BODY_BYTES / 2)));
    expect(JSON.stringify(wide).length).toBeLessThan(MAX_RELEASE_BODY_BYTES);
    expect(checkReleaseSize(wide)).toMatchObject({ ok: false, limit: 'bytes' });
  });

  it('walks a deeply nested body without recursion', () => {
    let deep: DocNode = { type: 'text', text: 'x' };
    for (let i = 0; i < 200_000; i++) deep = { type: 'paragraph', content: [deep] };
    expect(checkReleaseSize({ type: 'doc', content: [deep] })).toMatchObject({ ok: false, limit: 'nodes' });
  });
});

describe('HQ refuses a pushed release over the caps', () => {
  let hq: Hq;
  let dev: Device;

  beforeAll(async () => {
    hq = await startHq();
    dev = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'Siti', role: 'penulis' });
  });

  afterAll(async () => {
    await hq?.close();
    removeDir(hq.dataDir);
  });

  it('a new release over either cap is rejected too_large and nothing is stored', async () => {
    for (const body of [overBytes, overNodes]) {
      const releaseId = newId();
      const res = await push(hq.url, dev, [
        { kind: 'release.upsert', releaseId, baseRevision: 0, fields: fields({ body }) },
      ]);
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'too_large' });
      expect(hq.server.storage.getReleaseHead(releaseId)).toBeNull();
    }
  });

  it('an edit over either cap leaves the head unchanged; one at the caps is accepted', async () => {
    const releaseId = newId();
    const first = fields();
    const created = await push(hq.url, dev, [{ kind: 'release.upsert', releaseId, baseRevision: 0, fields: first }]);
    expect(created.body.results[0]).toMatchObject({ status: 'accepted', revision: 1 });

    for (const body of [overBytes, overNodes]) {
      const res = await push(hq.url, dev, [
        { kind: 'release.upsert', releaseId, baseRevision: 1, fields: fields({ body }) },
      ]);
      expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'too_large' });
      expect(hq.server.storage.getReleaseHead(releaseId)).toMatchObject({ revision: 1, fields: first });
    }

    const atCaps = await push(hq.url, dev, [
      { kind: 'release.upsert', releaseId, baseRevision: 1, fields: fields({ body: atBytes }) },
      { kind: 'release.upsert', releaseId, baseRevision: 2, fields: fields({ body: atNodes }) },
    ]);
    expect(atCaps.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(hq.server.storage.getReleaseHead(releaseId)).toMatchObject({ revision: 3, fields: { body: atNodes } });
  });
});

describe('the workstation refuses to store a release over the caps', () => {
  it('a save over either cap is refused and the stored release stays as it was', async () => {
    const { store, h } = openWithHandlers();
    const r = await h.createRelease({ fields: { title: 'Rapat Pleno', body: doc('Paragraf satu.') } });
    const outboxBefore = readOutbox(store.db);
    for (const [body, limit] of [
      [overBytes, 'bytes'],
      [overNodes, 'nodes'],
    ] as const) {
      await expect(async () => h.saveRelease({ id: r.id, fields: { title: 'Diubah', body } })).rejects.toMatchObject({
        code: 'too_large',
        reason: 'release.tooLarge',
        params: { limit },
      });
      expect(await h.getRelease({ id: r.id })).toEqual(r);
      expect(readOutbox(store.db)).toEqual(outboxBefore);
      expect((await h.listRevisions({ releaseId: r.id })).items).toHaveLength(1);
    }
    const saved = await h.saveRelease({ id: r.id, fields: { body: atBytes } });
    expect(saved).toMatchObject({ localRev: 2, body: atBytes });
    expect((await h.getRelease({ id: r.id })).body).toEqual(atBytes);
  });

  it('a new release with an over-cap body is not created', async () => {
    const { h } = openWithHandlers();
    await expect(async () => h.createRelease({ fields: { body: overNodes } })).rejects.toMatchObject({
      code: 'too_large',
      reason: 'release.tooLarge',
    });
    expect((await h.listReleases({ sort: 'updated_desc', limit: 10, offset: 0 })).total).toBe(0);
    const ok = await h.createRelease({ fields: { body: atNodes } });
    expect((await h.getRelease({ id: ok.id })).body).toEqual(atNodes);
  });
});
