import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields } from '../helpers/docs';
import { runHqCli, startHq, type Hq } from '../helpers/hq';
import { call, enrollDevice, newId, push, type Device } from '../helpers/hq-api';
import { removeDir, tempDir } from '../helpers/tmp';

// A release that is public can only be taken down by a withdrawal: a delete (even a forged
// push from a writer, or one from an admin) is refused, and the page stays up until then.
let hq: Hq;
const dataDir = tempDir();
let writer: Device;
let reviewer: Device;
let admin: Device;

beforeAll(async () => {
  hq = await startHq(dataDir, 0, { publicSite: true });
  const office = 'KPU Kabupaten Blora';
  writer = await enrollDevice(hq.server, hq.url, { office, name: 'Siti', role: 'penulis' });
  reviewer = await enrollDevice(hq.server, hq.url, { office, name: 'Kasubag', role: 'peninjau' });
  admin = await enrollDevice(hq.server, hq.url, { office, name: 'Admin', role: 'admin' });
});

afterAll(async () => {
  await hq?.close();
  removeDir(dataDir);
});

type Entry = Parameters<typeof push>[2][number];

async function accept(dev: Device, entry: Entry): Promise<void> {
  const res = await push(hq.url, dev, [entry]);
  expect(res.body.results[0], JSON.stringify(entry)).toMatchObject({ status: 'accepted' });
}

/** Created, submitted, approved, published: HQ's head is revision 4. */
async function published(title: string, publishAt?: string): Promise<string> {
  const id = newId();
  await accept(writer, { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ title, slug: '' }) });
  await accept(writer, { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' });
  await accept(reviewer, { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' });
  await accept(reviewer, {
    kind: 'workflow.transition',
    releaseId: id,
    baseRevision: 3,
    to: 'terbit',
    ...(publishAt ? { publishAt } : {}),
  });
  return id;
}

async function publicSurfaces(id: string, title: string) {
  const item = await call(hq.url, `/api/v1/releases/${id}`);
  const list = await call(hq.url, '/api/v1/releases?perPage=100');
  const feed = await call(hq.url, '/feed.xml');
  return {
    item: item.status,
    inList: JSON.stringify(list.body).includes(title),
    inFeed: String(feed.body).includes(title),
  };
}

describe('deleting a published release', () => {
  it('a forged delete is refused, naming the rule; the page stays until a withdrawal takes it off everywhere', async () => {
    const title = `Hasil Pleno ${newId().slice(-6)}`;
    const id = await published(title);
    const slug = (hq.server.storage.dump().pub_releases as { id: string; slug: string }[]).find(
      (p) => p.id === id,
    )!.slug;
    const page = `/berita/${slug}`;
    expect((await call(hq.url, page)).status).toBe(200);

    for (const dev of [writer, reviewer, admin]) {
      const res = await push(hq.url, dev, [{ kind: 'release.delete', releaseId: id, baseRevision: 4 }]);
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'published' });
    }
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: false, status: 'terbit', revision: 4 });
    expect((await call(hq.url, page)).status).toBe(200);
    expect(await publicSurfaces(id, title)).toEqual({ item: 200, inList: true, inFeed: true });

    // The withdrawal is still possible, and takes it off every public surface at once.
    await accept(reviewer, {
      kind: 'workflow.transition',
      releaseId: id,
      baseRevision: 4,
      to: 'ditarik',
      note: 'Data keliru',
    });
    expect((await call(hq.url, page)).status).toBe(410);
    expect(await publicSurfaces(id, title)).toEqual({ item: 410, inList: false, inFeed: false });

    // Withdrawn, it may go to the trash; it stays off the site.
    await accept(writer, { kind: 'release.delete', releaseId: id, baseRevision: 5 });
    expect((await call(hq.url, page)).status).toBe(410);
  });

  it('a release scheduled for later cannot be deleted before its time either', async () => {
    const title = `Jadwal Debat ${newId().slice(-6)}`;
    const later = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const id = await published(title, later);
    const res = await push(hq.url, writer, [{ kind: 'release.delete', releaseId: id, baseRevision: 4 }]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'published' });
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: false, status: 'terbit', publishAt: later });
    expect((await call(hq.url, `/api/v1/releases/${id}`)).status).toBe(404);
  });

  it('a draft is deleted as a tombstone a restore by its writer undoes', async () => {
    const id = newId();
    const f = fields({ title: `Undangan Rapat ${id.slice(-6)}`, slug: '' });
    await accept(writer, { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: f });
    await accept(writer, { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' });
    await accept(writer, { kind: 'release.delete', releaseId: id, baseRevision: 2 });
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: true, revision: 3 });
    await accept(writer, { kind: 'release.upsert', releaseId: id, baseRevision: 3, fields: f });
    // Back as it was deleted: same text, same place in the workflow.
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: false, status: 'diajukan', revision: 4 });
  });

  it('an admin restores a deleted release at HQ from the command line; devices pull it back', async () => {
    const id = newId();
    const f = fields({ title: `Pengumuman ${id.slice(-6)}`, slug: '' });
    await accept(writer, { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: f });
    await accept(writer, { kind: 'release.delete', releaseId: id, baseRevision: 1 });
    const cursor = hq.server.storage.headCursor();
    const r = await runHqCli(['restore-release', '--data-dir', dataDir, '--release', id]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('revision 3');
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: false, status: 'draf', fields: f });
    const pulled = await call(hq.url, `/api/v1/sync/pull?cursor=${cursor}`, { token: reviewer.token });
    expect(JSON.stringify(pulled.body)).toContain(f.title);
    const again = await runHqCli(['restore-release', '--data-dir', dataDir, '--release', id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not deleted');
  }, 120_000);
});

describe('pages left up by a delete before this rule', () => {
  it('come down when HQ starts', async () => {
    const dir = tempDir();
    let server = await startHq(dir, 0, { publicSite: true });
    try {
      const office = 'KPU Kabupaten Blora';
      const w = await enrollDevice(server.server, server.url, { office, name: 'Siti', role: 'penulis' });
      const r = await enrollDevice(server.server, server.url, { office, name: 'Kasubag', role: 'peninjau' });
      const id = newId();
      const title = `Rilis lama ${id.slice(-6)}`;
      const steps: [Device, Entry][] = [
        [w, { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ title, slug: '' }) }],
        [w, { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' }],
        [r, { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' }],
        [r, { kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'terbit' }],
      ];
      for (const [dev, entry] of steps)
        expect((await push(server.url, dev, [entry])).body.results[0]).toMatchObject({ status: 'accepted' });
      // The tombstone older code accepted for a published release, written as it stored it.
      const head = server.server.storage.getReleaseHead(id)!;
      const actor = server.server.storage.getRevision(id, 4)!.actor;
      server.server.storage.appendRevision(
        {
          ...head,
          releaseId: id,
          revision: 5,
          deleted: true,
          fields: null,
          event: 'deleted',
          fromStatus: null,
          note: null,
          actor,
        },
        new Date().toISOString(),
      );
      expect((await call(server.url, `/api/v1/releases/${id}`)).status).toBe(200);
      await server.close();
      server = await startHq(dir, 0, { publicSite: true });
      expect((await call(server.url, `/api/v1/releases/${id}`)).status).toBe(410);
      expect(JSON.stringify((await call(server.url, '/api/v1/releases')).body)).not.toContain(title);
    } finally {
      await server.close();
      removeDir(dir);
    }
  });
});
