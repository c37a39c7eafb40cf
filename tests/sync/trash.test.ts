import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract';
import { TRASH_DAYS } from '../../src/shared/contract/releases';
import { purgeTrash, setStatus } from '../../src/main/store';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { enrollDevice, push } from '../helpers/hq-api';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, pendingOutbox, writeRelease, type Workstation } from './helpers/world';

/** Handlers may throw synchronously: as a promise, for `rejects`. */
const later = <T>(fn: () => T): Promise<Awaited<T>> => Promise.resolve().then(fn) as Promise<Awaited<T>>;

// Deleting moves a release to the trash ("Sampah"); the delete syncs as a tombstone and a
// restore ("Pulihkan") syncs too, so every workstation sees it leave and come back.
describe('the trash across two workstations', () => {
  const tmp = makeTempDir('warta-trash-');
  let hq: Hq;
  let a: Workstation;
  let b: Workstation;

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    a = openWorkstation(tmp.dir, 'a');
    b = openWorkstation(tmp.dir, 'b');
    for (const [w, name] of [
      [a, 'Penulis A'],
      [b, 'Penulis B'],
    ] as const)
      await w.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', name) });
  });

  afterAll(() => closeAll(tmp, [a, b], hq));

  const syncBoth = async (): Promise<void> => {
    for (let round = 0; round < 2; round++) for (const w of [a, b]) await w.sync.handlers.syncNow({});
  };
  const listed = async (w: Workstation): Promise<string[]> =>
    (await w.releases.listReleases({ sort: 'updated_desc', limit: 100, offset: 0 })).items.map((r) => r.id);
  const trash = async (w: Workstation): Promise<string[]> => (await w.releases.listTrash({})).items.map((r) => r.id);

  it("delete on A: gone on B after sync and in A's trash; Pulihkan on A: back on both", async () => {
    const id = await writeRelease(a, {
      title: 'Rekapitulasi suara tingkat kecamatan',
      body: doc(paragraph('p1', 'Blora – Rekapitulasi berjalan lancar.')),
    });
    await syncBoth();
    expect(await listed(b)).toContain(id);

    await a.releases.deleteRelease({ id });
    expect(await listed(a)).not.toContain(id);
    expect(await trash(a)).toEqual([id]);
    await syncBoth();
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: true });
    expect(await listed(b)).not.toContain(id);

    const restored = await a.releases.restoreRelease({ id });
    expect(restored.title).toBe('Rekapitulasi suara tingkat kecamatan');
    expect(await trash(a)).toEqual([]);
    expect(await listed(a)).toContain(id);
    await syncBoth();
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: false, status: 'draf' });
    expect(await listed(b)).toContain(id);
    expect((await b.releases.getRelease({ id })).body).toEqual(restored.body);
    // Found by search again on both.
    for (const w of [a, b])
      expect(
        (await w.releases.searchReleases({ query: 'kecamatan', limit: 10 })).items.map((i) => i.release.id),
      ).toContain(id);
    expect(pendingOutbox(a) + pendingOutbox(b)).toBe(0);

    // Restoring something not in the trash is refused.
    await expect(later(() => a.releases.restoreRelease({ id }))).rejects.toMatchObject({
      reason: 'release.notInTrash',
    });
  });

  it(`forgets a deleted release after ${TRASH_DAYS} days, but only once HQ has the delete`, async () => {
    const synced = await writeRelease(a, { title: 'Jadwal kampanye' });
    const unsent = await writeRelease(a, { title: 'Catatan rapat' });
    await a.sync.handlers.syncNow({});
    await a.releases.deleteRelease({ id: synced });
    await a.sync.handlers.syncNow({});
    await a.releases.deleteRelease({ id: unsent });
    expect((await trash(a)).sort()).toEqual([synced, unsent].sort());

    const day = 24 * 3600_000;
    expect(purgeTrash(a.store.db, new Date(Date.now() + (TRASH_DAYS - 1) * day))).toBe(0);
    // The unsent one was never at HQ: its outbox row is trimmed when sync runs, then it can go too.
    expect(purgeTrash(a.store.db, new Date(Date.now() + (TRASH_DAYS + 1) * day))).toBe(1);
    expect(await trash(a)).toEqual([unsent]);
    await expect(later(() => a.releases.getRelease({ id: synced }))).rejects.toBeInstanceOf(WartaError);
  });

  it('a published release cannot be deleted here either: the shared rule, worded', async () => {
    const id = await writeRelease(a, { title: 'Penetapan calon terpilih' });
    setStatus(a.store.db, id, 'terbit');
    await expect(later(() => a.releases.deleteRelease({ id }))).rejects.toMatchObject({
      code: 'conflict',
      reason: 'release.deleteLocked',
    });
    expect(await listed(a)).toContain(id);
    expect(await trash(a)).not.toContain(id);
  });

  it('a delete HQ refuses (published there meanwhile) brings the release back here', async () => {
    const id = await writeRelease(a, { title: 'Hasil rekapitulasi kabupaten' });
    await a.sync.handlers.syncNow({});
    const reviewer = await enrollDevice(hq.server, hq.url, {
      office: 'KPU Kabupaten Blora',
      name: 'Kasubag',
      role: 'peninjau',
    });
    const writer = await enrollDevice(hq.server, hq.url, {
      office: 'KPU Kabupaten Blora',
      name: 'Siti',
      role: 'penulis',
    });
    await push(hq.url, writer, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' }]);
    await push(hq.url, reviewer, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' }]);
    await push(hq.url, reviewer, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'terbit' }]);
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ status: 'terbit' });

    await a.releases.deleteRelease({ id });
    await a.sync.handlers.syncNow({});
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: false, status: 'terbit' });
    expect(await listed(a)).toContain(id);
    expect(await trash(a)).not.toContain(id);
    expect((await a.releases.getRelease({ id })).status).toBe('terbit');
  });
});
