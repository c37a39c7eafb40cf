import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import { MIGRATIONS, readOutbox, searchReleases, listRevisions, getRelease } from '../../src/main/store';
import type { Db } from '../../src/main/store';
import { latestVersion, migrate, orderMigrations } from '../../src/node/db/migrate';
import { silentLogger } from '../../src/node/log/silent';
import { tempDir } from '../helpers/tmp';
import { open } from './helpers';
import { createReleaseHandlers } from '../../src/main/services/releases';
import type { DocNode } from '../../src/shared/domain/doc';

/** The store's own steps (001–009); other areas test theirs. */
const OWN = orderMigrations(MIGRATIONS).filter((m) => m.version < 10);
const upTo = (v: number) => OWN.filter((m) => m.version <= v);
const LATEST = latestVersion(MIGRATIONS);

const body = (text: string) =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Sample rows as an older version of the app would have written them, raw SQL only. */
function seedReleases(db: Db) {
  const insert = db.prepare(
    `INSERT INTO releases (id, title, slug, dateline, date, category, tags, summary, byline, office, body, word_count, status, sync_state, local_rev, created_at, updated_at)
     VALUES (?, ?, ?, 'Blora', '2025-12-04', 'berita-terkini', '["pemilu"]', ?, 'Humas', 'KPU Kabupaten Blora', ?, 4, ?, ?, ?, '2025-12-04T03:00:00.000Z', '2025-12-04T03:10:00.000Z')`,
  );
  insert.run(
    '0192f5a0-0000-7000-8000-000000000001',
    'Rapat Pleno Pemilú',
    'rapat-pleno-pemilu',
    'Ringkasan satu',
    body('Pleno terbuka rekapitulasi suara'),
    'draf',
    'belum_terkirim',
    3,
  );
  insert.run(
    '0192f5a0-0000-7000-8000-000000000002',
    'Sosialisasi Pemilih Pemula',
    'sosialisasi',
    'Ringkasan dua',
    body('Sosialisasi di sekolah menengah'),
    'terbit',
    'terkirim',
    7,
  );
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES ('language', '"en"', '2025-12-04T03:00:00.000Z')`,
  ).run();
}
const ID1 = '0192f5a0-0000-7000-8000-000000000001';
const ID2 = '0192f5a0-0000-7000-8000-000000000002';

/** Builds a database at exactly `version` using the real migrations up to it, then seeds it. */
function databaseAt(version: number, seed: (db: Db) => void): string {
  const dir = tempDir();
  const store = open(dir, { migrations: upTo(version) });
  expect(store.db.pragma('user_version', { simple: true })).toBe(version);
  seed(store.db);
  store.close();
  return dir;
}

/** After upgrading, the rows an old version wrote are all there, unchanged. */
function expectSamplesIntact(db: Db) {
  const r1 = getRelease(db, ID1);
  expect(r1).toMatchObject({
    title: 'Rapat Pleno Pemilú',
    slug: 'rapat-pleno-pemilu',
    tags: ['pemilu'],
    localRev: 3,
    status: 'draf',
    dateline: 'Blora',
  });
  expect(r1.body).toEqual(JSON.parse(body('Pleno terbuka rekapitulasi suara')));
  expect(getRelease(db, ID2)).toMatchObject({ status: 'terbit', syncState: 'terkirim', localRev: 7 });
  expect(
    JSON.parse((db.prepare(`SELECT value FROM settings WHERE key = 'language'`).get() as { value: string }).value),
  ).toBe('en');
}

describe('migrations', () => {
  it('are numbered uniquely, and the runner sorts them and accepts gaps', () => {
    expect(() => orderMigrations([...MIGRATIONS, { ...MIGRATIONS[0]!, name: 'dupe' }])).toThrow(/share version/);
    const gap = [
      { version: 7, name: 'b', up: (db: Db) => db.exec('CREATE TABLE b (x)') },
      { version: 2, name: 'a', up: (db: Db) => db.exec('CREATE TABLE a (x)') },
    ];
    const db = new Database(':memory:');
    expect(migrate(db, gap, silentLogger)).toEqual([2, 7]);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    db.close();
  });

  it('a failing migration leaves the previous version in place (one transaction per step)', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'ok', up: (d: Db) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'bad',
        up: (d: Db) => {
          d.exec('CREATE TABLE two (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, steps, silentLogger)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'two'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('from an empty database to the latest version', () => {
    const store = open(tempDir());
    const { db } = store;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining([
        'releases',
        'settings',
        'notices',
        'outbox',
        'release_search',
        'revisions',
        'attachments',
      ]),
    );
  });

  it('001 → latest: releases written before the outbox are queued, indexed and given a first revision', () => {
    const dir = databaseAt(1, seedReleases);
    const { db } = open(dir);
    expectSamplesIntact(db);
    // 002: only the unsent release goes to the outbox.
    expect(readOutbox(db).map((e) => [e.releaseId, e.kind, e.localRev])).toEqual([[ID1, 'create', 3]]);
    // 003: the body is searchable, diacritics folded.
    expect(searchReleases(db, 'pemilu rekapitulasi', 10).map((h) => h.release.id)).toEqual([ID1]);
    // 004: history starts with what the release holds.
    expect(listRevisions(db, ID1)).toEqual([
      expect.objectContaining({ rev: 1, reason: 'migrated', title: 'Rapat Pleno Pemilú', wordCount: 4 }),
    ]);
  });

  it('002 → latest: existing outbox rows are kept as they were, not duplicated', () => {
    const dir = databaseAt(2, (db) => {
      seedReleases(db);
      db.prepare(
        `INSERT INTO outbox (release_id, kind, local_rev, created_at) VALUES (?, 'save', 3, '2025-12-04T03:10:00.000Z')`,
      ).run(ID1);
    });
    const { db } = open(dir);
    expectSamplesIntact(db);
    expect(readOutbox(db).map((e) => [e.releaseId, e.kind, e.localRev])).toEqual([[ID1, 'save', 3]]);
    expect(searchReleases(db, 'sosialisasi', 10).map((h) => h.release.id)).toEqual([ID2]);
  });

  it('003 → latest: the search index carries over and revisions are backfilled', () => {
    const dir = databaseAt(3, (db) => {
      seedReleases(db);
      const num = (db.prepare('SELECT num FROM releases WHERE id = ?').get(ID1) as { num: number }).num;
      db.prepare('INSERT INTO release_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)').run(
        num,
        'Rapat Pleno Pemilú',
        'Ringkasan satu',
        'Pleno terbuka rekapitulasi suara',
      );
    });
    const { db } = open(dir);
    expectSamplesIntact(db);
    expect(searchReleases(db, 'PLENO', 10).map((h) => h.release.id)).toEqual([ID1]);
    expect(listRevisions(db, ID2)).toHaveLength(1);
  });

  it('004 → latest: revisions are kept and attachments become available', () => {
    const dir = databaseAt(4, (db) => {
      seedReleases(db);
      db.prepare(
        `INSERT INTO revisions (release_id, rev, created_at, updated_at, author, reason, title, word_count, fields) VALUES (?, 2, ?, ?, 'Sari', 'edited', 'Lama', 1, ?)`,
      ).run(ID1, '2025-12-04T03:05:00.000Z', '2025-12-04T03:05:00.000Z', JSON.stringify({ title: 'Lama' }));
    });
    const { db } = open(dir);
    expectSamplesIntact(db);
    expect(listRevisions(db, ID1).map((r) => [r.rev, r.author, r.reason])).toEqual([[2, 'Sari', 'edited']]);
    db.prepare(
      `INSERT INTO attachments (sha256, mime, bytes, created_at) VALUES (?, 'image/png', 10, '2025-12-04T03:00:00.000Z')`,
    ).run('f'.repeat(64));
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
  });

  it('005 → latest: attachment rows survive the later steps, and ranking is configured', () => {
    const dir = databaseAt(5, (db) => {
      seedReleases(db);
      db.prepare(
        `INSERT INTO attachments (sha256, mime, bytes, name, created_at) VALUES (?, 'image/png', 10, 'a.png', '2025-12-04T03:00:00.000Z')`,
      ).run('e'.repeat(64));
    });
    const { db } = open(dir);
    expectSamplesIntact(db);
    expect(db.prepare('SELECT sha256, mime, bytes, name FROM attachments').all()).toEqual([
      { sha256: 'e'.repeat(64), mime: 'image/png', bytes: 10, name: 'a.png' },
    ]);
    expect(db.prepare(`SELECT v FROM release_search_config WHERE k = 'rank'`).get()).toEqual({
      v: 'bm25(10.0, 4.0, 1.0)',
    });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
  });

  it('006 → latest: search ranks by the stored bm25 weights (title first)', () => {
    const dir = databaseAt(6, (db) => {
      seedReleases(db);
      const num = (id: string) => (db.prepare('SELECT num FROM releases WHERE id = ?').get(id) as { num: number }).num;
      const ins = db.prepare('INSERT INTO release_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)');
      ins.run(num(ID1), 'Rapat Pleno Pemilú', 'Ringkasan satu', 'sosialisasi sosialisasi sosialisasi sosialisasi');
      ins.run(
        num(ID2),
        'Sosialisasi Pemilih Pemula',
        'Ringkasan dua',
        'Kegiatan di sekolah menengah atas negeri satu dua tiga empat lima enam',
      );
    });
    const { db } = open(dir);
    expectSamplesIntact(db);
    expect(searchReleases(db, 'sosialisasi', 10).map((h) => h.release.id)).toEqual([ID2, ID1]);
  });

  it('007 → latest: notices written before reasons keep their text and gain empty reason columns', () => {
    const dir = databaseAt(6, (db) => {
      seedReleases(db);
      db.prepare(
        `INSERT INTO notices (code, message, at) VALUES ('db_recovered', 'Teks lama', '2025-12-04T03:00:00.000Z')`,
      ).run();
    });
    const store = open(dir);
    expectSamplesIntact(store.db);
    expect(store.notices()).toEqual([
      { id: 1, code: 'db_recovered', message: 'Teks lama', at: '2025-12-04T03:00:00.000Z' },
    ]);
    const added = store.addNotice('db_recovered', 'notice.dbEarlierUnreadable', { aside: '/x/warta.db.rusak' });
    expect(store.notices()[1]).toEqual(added);
    expect(added.message).toContain('/x/warta.db.rusak');
  });

  it('031 → latest: releases written before number and contact gain an empty number and contact', () => {
    const dir = tempDir();
    const before = open(dir, { migrations: orderMigrations(MIGRATIONS).filter((m) => m.version <= 20) });
    seedReleases(before.db);
    before.close();
    const store = open(dir);
    expectSamplesIntact(store.db);
    expect(getRelease(store.db, ID1)).toMatchObject({ number: '', contact: { name: '', role: '', phone: '' } });
    // The new columns are written like the others from here on.
    store.db.prepare(`UPDATE releases SET number = '7/HM.02-SP/3316/2025' WHERE id = ?`).run(ID2);
    expect(getRelease(store.db, ID2).number).toBe('7/HM.02-SP/3316/2025');
  });

  it('012 → latest: sync-log lines written before reasons keep their text', () => {
    const dir = tempDir();
    const before = open(dir, { migrations: orderMigrations(MIGRATIONS).filter((m) => m.version <= 11) });
    before.db
      .prepare(
        `INSERT INTO sync_log (at, level, message, release_id) VALUES ('2025-12-04T03:00:00.000Z', 'info', ?, ?)`,
      )
      .run('Sinkronisasi selesai: 1 terkirim.', ID1);
    before.close();
    const { db } = open(dir);
    expect(db.prepare('SELECT level, message, release_id, reason, params FROM sync_log').all()).toEqual([
      { level: 'info', message: 'Sinkronisasi selesai: 1 terkirim.', release_id: ID1, reason: null, params: null },
    ]);
  });

  it('020 → 032: a store from before office dictionaries keeps its releases and starts with no words of its own', () => {
    const dir = tempDir();
    const before = open(dir, { migrations: orderMigrations(MIGRATIONS).filter((m) => m.version <= 20) });
    seedReleases(before.db);
    const releases = before.db.prepare('SELECT id, title FROM releases ORDER BY id').all();
    before.close();
    const { db } = open(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare('SELECT id, title FROM releases ORDER BY id').all()).toEqual(releases);
    expect(db.prepare('SELECT count(*) AS n FROM office_words').get()).toEqual({ n: 0 });
    db.prepare(`INSERT INTO office_words (word, added_at) VALUES ('Sentani', '2025-12-04T03:00:00.000Z')`).run();
    expect(() =>
      db.prepare(`INSERT INTO office_words (word, added_at) VALUES ('Sentani', '2025-12-04T03:00:00.000Z')`).run(),
    ).toThrow(/UNIQUE|PRIMARY/);
  });

  it('032 → 033: a store from before deferred reindexing finds what a save typed', async () => {
    const dir = tempDir();
    const before = open(dir, { migrations: orderMigrations(MIGRATIONS).filter((m) => m.version <= 32) });
    seedReleases(before.db);
    before.close();
    const store = open(dir);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(store.db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
    const h = createReleaseHandlers(store);
    await h.saveRelease({ id: ID1, fields: { body: JSON.parse(body('Distribusi logistik')) as DocNode } });
    expect(searchReleases(store.db, 'logistik', 10).map((hit) => hit.release.id)).toEqual([ID1]);
    expect(searchReleases(store.db, 'rekapitulasi', 10)).toEqual([]);
  });

  it('covers every store migration with a test above', () => {
    // A new 00N migration needs its own "00N → latest" test; this fails until it has one.
    expect(OWN.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a database from a newer Warta and leaves the file untouched', () => {
    const dir = databaseAt(6, seedReleases);
    const file = join(dir, 'warta.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST + 7}`);
    raw.pragma('journal_mode = DELETE'); // one self-contained file, so its bytes say everything
    raw.close();
    const before = readFileSync(file);
    let error: unknown;
    try {
      open(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WartaError);
    expect((error as WartaError).code).toBe('storage');
    expect((error as WartaError).message).toMatch(/versi Warta yang lebih baru/);
    expect((error as WartaError).message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
