import { existsSync, readdirSync, readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import { getRelease, readOutbox } from '../../src/main/store';
import { doc } from '../helpers/docs';
import { tempDir } from '../helpers/tmp';
import { open, openWithHandlers } from './helpers';

const asideFiles = (dir: string) => readdirSync(dir).filter((f) => /^warta\.db\.rusak-[0-9-]+$/.test(f));

async function storeWithReleases(count: number) {
  const { store, h, dataDir } = openWithHandlers();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = await h.createRelease({ fields: { title: `Rilis nomor ${i}`, body: doc(`Isi rilis ${i} `.repeat(40)) } });
    ids.push(r.id);
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { dataDir, ids, file: join(dataDir, 'warta.db') };
}

describe('opening a damaged database', () => {
  it('keeps a non-database file aside, starts fresh and says where the file went', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'warta.db');
    const garbage = Buffer.from('Ini bukan basis data, hanya teks biasa.\n'.repeat(500));
    writeFileSync(file, garbage);

    const { store, h } = openWithHandlers(dataDir);
    const [aside] = asideFiles(dataDir);
    expect(aside).toBeDefined();
    expect(readFileSync(join(dataDir, aside!)).equals(garbage)).toBe(true); // kept byte for byte
    const notices = store.notices();
    expect(notices).toEqual([expect.objectContaining({ code: 'db_recovered' })]);
    expect(notices[0]!.message).toContain(join(dataDir, aside!));
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The fresh database works.
    const r = await h.createRelease({ fields: { title: 'Baru' } });
    expect((await h.getRelease({ id: r.id })).title).toBe('Baru');
    // The notice stays until dismissed, across restarts.
    store.close();
    const again = open(dataDir);
    expect(again.notices().map((n) => n.code)).toEqual(['db_recovered']);
    again.dismissNotice(again.notices()[0]!.id);
    expect(again.notices()).toEqual([]);
  });

  it('salvages every readable release when only an index is damaged', async () => {
    const { dataDir, ids, file } = await storeWithReleases(40);
    const raw = new Database(file, { readonly: true });
    const pages = raw.prepare(`SELECT pageno FROM dbstat WHERE name = 'releases_slug'`).all() as { pageno: number }[];
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    expect(pages.length).toBeGreaterThan(0);
    const fd = openSync(file, 'r+');
    for (const { pageno } of pages) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
    closeSync(fd);
    const damaged = readFileSync(file);

    const store = open(dataDir);
    expect(store.recovery?.report.releases).toBe(40);
    const [aside] = asideFiles(dataDir);
    expect(readFileSync(join(dataDir, aside!)).equals(damaged)).toBe(true);
    expect(store.notices()[0]).toMatchObject({ code: 'db_recovered' });
    expect(store.notices()[0]!.message).toMatch(/40 rilis berhasil diselamatkan/);
    for (const [i, id] of ids.entries()) {
      const r = getRelease(store.db, id);
      expect(r.title).toBe(`Rilis nomor ${i}`);
      expect(r.body).toEqual(doc(`Isi rilis ${i} `.repeat(40)));
    }
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Salvaged releases are searchable again and still queued for HQ.
    const { searchReleases } = await import('../../src/main/store');
    expect(searchReleases(store.db, 'nomor', 100)).toHaveLength(40);
    expect(new Set(readOutbox(store.db, 0, 1000).map((e) => e.releaseId)).size).toBe(40);
  });

  it('salvages what it can from a file whose table pages are damaged', async () => {
    const { dataDir, ids, file } = await storeWithReleases(60);
    const raw = new Database(file, { readonly: true });
    const leaves = raw
      .prepare(`SELECT pageno FROM dbstat WHERE name = 'releases' AND pagetype = 'leaf' ORDER BY pageno`)
      .all() as { pageno: number }[];
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    expect(leaves.length).toBeGreaterThan(3);
    const victim = leaves[Math.floor(leaves.length / 2)]!.pageno;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (victim - 1) * pageSize);
    closeSync(fd);

    const store = open(dataDir);
    const saved = store.recovery?.report.releases ?? -1;
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(60);
    expect(asideFiles(dataDir)).toHaveLength(1);
    expect(store.notices()[0]!.message).toContain(`${saved} rilis berhasil diselamatkan`);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every salvaged release is one that was written, with exactly the content written.
    const salvaged = store.db
      .prepare<[], { id: string }>('SELECT id FROM releases ORDER BY id')
      .all()
      .map((r) => r.id);
    expect(salvaged).toHaveLength(saved);
    for (const id of salvaged) {
      const i = ids.indexOf(id);
      expect(i, `salvaged ${id} was never written`).toBeGreaterThanOrEqual(0);
      const r = getRelease(store.db, id);
      expect(r.title).toBe(`Rilis nomor ${i}`);
      expect(r.body).toEqual(doc(`Isi rilis ${i} `.repeat(40)));
    }
  });

  it('finishes a recovery that a crash interrupted right after the file was moved aside', async () => {
    const { dataDir, ids, file } = await storeWithReleases(5);
    const { renameSync } = await import('node:fs');
    const aside = `${file}.rusak-20251204-031500-000`;
    renameSync(file, aside); // killed here: no fresh database, no notice yet
    const store = open(dataDir);
    expect(store.recovery?.asidePath).toBe(aside);
    expect(store.notices()).toEqual([expect.objectContaining({ code: 'db_recovered' })]);
    expect(store.notices()[0]!.message).toContain(aside);
    expect(getRelease(store.db, ids[4]!).title).toBe('Rilis nomor 4');
    store.close();
    // Told exactly once: the next start finds the notice and leaves the kept file alone.
    const again = open(dataDir);
    expect(again.recovery).toBeNull();
    expect(again.notices()).toHaveLength(1);
    expect(existsSync(aside)).toBe(true);
  });

  it('does not treat a healthy database as damaged', async () => {
    const { dataDir, ids } = await storeWithReleases(3);
    const store = open(dataDir);
    expect(store.recovery).toBeNull();
    expect(store.notices()).toEqual([]);
    expect(asideFiles(dataDir)).toEqual([]);
    expect(getRelease(store.db, ids[2]!).title).toBe('Rilis nomor 2');
  });
});

describe('a data dir that cannot be written', () => {
  const expectStorageError = (fn: () => unknown, path: string) => {
    let error: unknown;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WartaError);
    expect((error as WartaError).code).toBe('storage');
    expect((error as WartaError).message).toContain(path);
    expect((error as WartaError).message).toMatch(/tidak dapat ditulis/);
  };

  it('names the path when the folder cannot be created (a file stands in the way)', () => {
    const base = tempDir();
    writeFileSync(join(base, 'berkas'), 'bukan folder');
    const dataDir = join(base, 'berkas', 'data');
    expectStorageError(() => open(dataDir), dataDir);
  });

  it('names the path when the data dir exists but is not a folder it can write in (a file)', () => {
    // The OS refuses this whatever the privileges (mode bits would not stop root).
    const dataDir = join(tempDir(), 'ro');
    writeFileSync(dataDir, 'bukan folder');
    expectStorageError(() => open(dataDir), dataDir);
    expect(readFileSync(dataDir, 'utf8')).toBe('bukan folder');
  });
});
