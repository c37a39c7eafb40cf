import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import type { PullResponse } from '../../src/shared/sync/protocol';
import { createHqServer, HQ_DB_FILE, openStorage, type HqServer } from '../../src/server/app';
import { openPublicSite, type Publication } from '../../src/server/public';
import { HQ_MIGRATIONS } from '../../src/server/storage/migrations';
import { latestVersion, migrate } from '../../src/node/db/migrate';
import { call, enrollDevice } from '../helpers/hq-api';
import { removeDir, tempDir } from '../helpers/tmp';

type Db = Database.Database;

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'before-one-house', 'hq.sqlite');
const LATEST = latestVersion(HQ_MIGRATIONS);
const silent = { info: () => {} };
const PUB_TABLES = [
  'pub_releases',
  'pub_meta',
  'pub_view_marks',
  'pub_view_salt',
  'pub_media',
  'pub_wp_queue',
  'pub_wp_posts',
];
const OFFICE = { id: '0192f5a0-0000-7000-8000-00000000000a', name: 'KPU Kabupaten Blora' };
const RELEASE = '0192f5a0-0000-7000-8000-000000000001';
const ACTOR = JSON.stringify({ name: 'Sari', role: 'penulis', hqTime: '2025-12-04T03:00:00.000Z' });

const dirs: string[] = [];
const servers: HqServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) removeDir(d);
});
const dir = (): string => {
  const d = tempDir('warta-hq-migrate-');
  dirs.push(d);
  return d;
};

const tables = (db: Db): string[] =>
  (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (t) => t.name,
  );
const count = (db: Db, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

/** Every row of every table, in a stable order (what HqStorage.dump returns). */
function dumpTables(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables(db).filter((t) => !t.startsWith('sqlite_'))) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
  }
  return out;
}

/** A raw hq.sqlite at exactly `version`, built by the real steps up to it, then seeded. */
function hqAt(version: number, seed: (db: Db) => void = () => {}): string {
  const dataDir = dir();
  const db = new Database(join(dataDir, HQ_DB_FILE));
  migrate(
    db,
    HQ_MIGRATIONS.filter((m) => m.version <= version),
    silent,
  );
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  seed(db);
  db.close();
  return dataDir;
}

/** What the public site's own counter did before HQ numbered every step: old steps 1..`upTo`. */
function oldPubSchema(upTo: number) {
  return (db: Db) => {
    db.exec('CREATE TABLE pub_schema (version INTEGER NOT NULL)');
    db.prepare('INSERT INTO pub_schema (version) VALUES (?)').run(upTo);
    for (const m of HQ_MIGRATIONS.filter((s) => s.version >= 3 && s.version < 3 + upTo)) m.up(db);
  };
}

function seedCore(db: Db) {
  db.prepare(`INSERT INTO offices (id, name, province, created_at) VALUES (?, ?, 'Jawa Tengah', '2025-12-04')`).run(
    OFFICE.id,
    OFFICE.name,
  );
  const cursor = db
    .prepare(`INSERT INTO changes (type, office_id, release_id, revision) VALUES ('release', ?, ?, 1)`)
    .run(OFFICE.id, RELEASE).lastInsertRowid;
  db.prepare(
    `INSERT INTO revisions (release_id, revision, office_id, deleted, fields, status, event, actor, cursor)
     VALUES (?, 1, ?, 0, '{"title":"Rapat"}', 'draf', 'upsert', ?, ?)`,
  ).run(RELEASE, OFFICE.id, ACTOR, cursor);
  db.prepare(
    `INSERT INTO releases (id, office_id, revision, deleted, status, slug, created_at, updated_at)
     VALUES (?, ?, 1, 0, 'draf', 'rapat', '2025-12-04', '2025-12-04')`,
  ).run(RELEASE, OFFICE.id);
}

function seedPublication(db: Db) {
  db.prepare(
    `INSERT INTO pub_releases (id, slug, office, office_slug, category, tags, title, summary, byline, dateline, date,
       body_json, body_html, body_text, render_version, first_published_at, visible_from, last_modified_at, state,
       corrections, version)
     VALUES (?, 'rapat', ?, 'kpu-kabupaten-blora', 'berita-terkini', '[]', 'Rapat', '', '', 'Blora', '2025-12-04',
       '{"type":"doc","content":[]}', '', '', 1, '2025-12-04T03:00:00.000Z', '2025-12-04T03:00:00.000Z',
       '2025-12-04T03:00:00.000Z', 'terbit', '[]', 1)`,
  ).run(RELEASE, OFFICE.name);
  db.prepare(`UPDATE pub_meta SET value = '1' WHERE key = 'seq'`).run();
}

/** Opens the data dir as HQ does and checks the schema is complete and current. */
function openUpgraded(dataDir: string) {
  const storage = openStorage(dataDir);
  const { db } = storage;
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
  expect(tables(db)).toEqual(expect.arrayContaining(['offices', 'releases', 'revisions', 'changes', ...PUB_TABLES]));
  expect(tables(db)).not.toContain('pub_schema');
  return storage;
}

function expectCoreIntact(storage: ReturnType<typeof openStorage>) {
  expect(storage.getOffice(OFFICE.id)).toMatchObject({ name: OFFICE.name });
  expect(storage.getReleaseHead(RELEASE)).toMatchObject({ revision: 1, status: 'draf', fields: { title: 'Rapat' } });
  expect(storage.readChanges(0, 10, { all: true }).rows).toHaveLength(1);
}

function expectAppendOnly(db: Db) {
  expect(() => db.prepare('DELETE FROM revisions').run()).toThrow(/append-only/);
  expect(() => db.prepare('UPDATE changes SET office_id = office_id').run()).toThrow(/append-only/);
}

describe('HQ migrations', () => {
  it('are numbered 1–11 without gaps, and each has a test below', () => {
    expect(HQ_MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('from an empty file to the latest version', () => {
    const storage = openUpgraded(dir());
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.prepare(`SELECT value FROM pub_meta WHERE key = 'seq'`).get()).toEqual({ value: '0' });
    seedCore(storage.db);
    expectCoreIntact(storage);
    expectAppendOnly(storage.db);
    storage.close();
  });

  it('001 → latest: core rows are kept and history becomes append-only', () => {
    const storage = openUpgraded(hqAt(1, seedCore));
    expectCoreIntact(storage);
    expectAppendOnly(storage.db);
    storage.close();
  });

  it('002 → latest: an HQ that ran with the public site off gets the site tables', () => {
    const storage = openUpgraded(hqAt(2, seedCore));
    expectCoreIntact(storage);
    for (const t of PUB_TABLES.filter((t) => t !== 'pub_meta')) expect(count(storage.db, t)).toBe(0);
    expect(storage.db.prepare(`SELECT value FROM pub_meta WHERE key = 'seq'`).get()).toEqual({ value: '0' });
    storage.close();
  });

  it('003 → latest: publications are kept; media and WordPress tables are added', () => {
    const storage = openUpgraded(
      hqAt(3, (db) => {
        seedCore(db);
        seedPublication(db);
      }),
    );
    expectCoreIntact(storage);
    expect(storage.db.prepare('SELECT id, slug, state FROM pub_releases').all()).toEqual([
      { id: RELEASE, slug: 'rapat', state: 'terbit' },
    ]);
    expect(storage.db.prepare(`SELECT value FROM pub_meta WHERE key = 'seq'`).get()).toEqual({ value: '1' });
    expect(count(storage.db, 'pub_wp_queue')).toBe(0);
    storage.close();
  });

  it('004 → latest: media rows are kept', () => {
    const sha = 'a'.repeat(64);
    const storage = openUpgraded(
      hqAt(4, (db) => {
        seedPublication(db);
        db.prepare('INSERT INTO pub_media (release_id, sha256) VALUES (?, ?)').run(RELEASE, sha);
      }),
    );
    expect(storage.db.prepare('SELECT release_id, sha256 FROM pub_media').all()).toEqual([
      { release_id: RELEASE, sha256: sha },
    ]);
    storage.close();
  });

  it('005 → latest: the WordPress queue and posts are kept', () => {
    const storage = openUpgraded(
      hqAt(5, (db) => {
        db.prepare(
          `INSERT INTO pub_wp_queue (release_id, office_slug, version, next_at) VALUES (?, 'blora', 2, '2025-12-04')`,
        ).run(RELEASE);
        db.prepare(`INSERT INTO pub_wp_posts (release_id, office_slug, wp_id) VALUES (?, 'blora', 41)`).run(RELEASE);
      }),
    );
    expect(storage.db.prepare('SELECT release_id, version FROM pub_wp_queue').all()).toEqual([
      { release_id: RELEASE, version: 2 },
    ]);
    expect(storage.db.prepare('SELECT wp_id FROM pub_wp_posts').get()).toEqual({ wp_id: 41 });
    storage.close();
  });

  it('006 → latest: a current file opens as it is', () => {
    const dataDir = hqAt(6, seedCore);
    const storage = openUpgraded(dataDir);
    expectCoreIntact(storage);
    storage.close();
  });

  it('008 → 009: updates and device logs get their (empty) tables, nothing else changes', () => {
    const at8 = new Database(join(hqAt(8, seedCore), HQ_DB_FILE), { readonly: true });
    const before = dumpTables(at8);
    at8.close();
    const dataDir = hqAt(8, seedCore);
    const storage = openUpgraded(dataDir);
    expectCoreIntact(storage);
    expect(tables(storage.db)).toEqual(expect.arrayContaining(['update_releases', 'device_logs']));
    const after = dumpTables(storage.db);
    expect(after.update_releases).toEqual([]);
    expect(after.device_logs).toEqual([]);
    for (const [name, rows] of Object.entries(before)) expect(after[name], name).toEqual(rows);
    storage.close();
  });

  it('007 → latest: a current file opens as it is', () => {
    const storage = openUpgraded(hqAt(7, seedCore));
    expectCoreIntact(storage);
    storage.close();
  });

  it('007 → 008: offices gain settings, empty until an admin sets one', () => {
    const storage = openUpgraded(hqAt(7, seedCore));
    expectCoreIntact(storage);
    expect(storage.officeSettings(OFFICE.id)).toEqual({});
    storage.setOfficeSetting(OFFICE.id, 'timeZone', 'WITA', '2025-12-04T00:00:00.000Z');
    expect(storage.officeSettings(OFFICE.id)).toEqual({ timeZone: 'WITA' });
    storage.setOfficeSetting(OFFICE.id, 'timeZone', null, '2025-12-04T00:00:00.000Z');
    expect(storage.officeSettings(OFFICE.id)).toEqual({});
    storage.close();
  });

  it('009 → 010: publications made before keep showing their times in WIB', () => {
    const storage = openUpgraded(
      hqAt(9, (db) => {
        seedCore(db);
        seedPublication(db);
      }),
    );
    expectCoreIntact(storage);
    const site = openPublicSite({ dataDir: dir(), db: storage.db, attachments: { read: async () => null } });
    expect(site.store.get(RELEASE)?.timeZone).toBe('WIB');
    site.close();
    storage.close();
  });

  it('010 → 011: releases have no numbers yet; each number is given once per office and once per release', () => {
    const storage = openUpgraded(hqAt(10, seedCore));
    expectCoreIntact(storage);
    expect(storage.releaseNumber(RELEASE)).toBeNull();
    expect(storage.nextNumberSeq(OFFICE.id, '2025')).toBe(1);
    expect(storage.nextNumberSeq(OFFICE.id, '2025')).toBe(2);
    expect(storage.nextNumberSeq(OFFICE.id, '2026')).toBe(1);
    const row = { officeId: OFFICE.id, number: '1/HM.02-SP/3316/2025', releaseId: RELEASE, assignedAt: 'x' };
    expect(storage.insertReleaseNumber(row)).toBe(true);
    expect(storage.insertReleaseNumber({ ...row, releaseId: '0192f5a0-0000-7000-8000-0000000000ff' })).toBe(false);
    expect(storage.insertReleaseNumber({ ...row, number: '2/HM.02-SP/3316/2025' })).toBe(false);
    expect(storage.releaseNumber(RELEASE)).toBe('1/HM.02-SP/3316/2025');
    storage.close();
  });

  it("006 → 007: attachments shown by stored revisions become readable to those releases' readers", () => {
    const shown = 'b'.repeat(64);
    const figure = 'c'.repeat(64);
    const storage = openUpgraded(
      hqAt(6, (db) => {
        seedCore(db);
        const body = {
          type: 'doc',
          content: [{ type: 'figure', attrs: { attachment: figure }, content: [{ type: 'figure', attrs: {} }] }],
        };
        const fields = JSON.stringify({ title: 'Rapat', leadImage: { attachment: shown }, body });
        const cursor = db
          .prepare(`INSERT INTO changes (type, office_id, release_id, revision) VALUES ('release', ?, ?, 2)`)
          .run(OFFICE.id, RELEASE).lastInsertRowid;
        db.prepare(
          `INSERT INTO revisions (release_id, revision, office_id, deleted, fields, status, event, actor, cursor)
           VALUES (?, 2, ?, 0, ?, 'draf', 'upsert', ?, ?)`,
        ).run(RELEASE, OFFICE.id, fields, ACTOR, cursor);
        // A malformed row from long ago must not stop the upgrade.
        db.prepare(
          `INSERT INTO revisions (release_id, revision, office_id, deleted, fields, status, event, actor, cursor)
           VALUES (?, 3, ?, 0, 'not json', 'draf', 'upsert', ?, ?)`,
        ).run(RELEASE, OFFICE.id, ACTOR, cursor);
        for (const sha of [shown, figure, 'd'.repeat(64)])
          db.prepare(`INSERT INTO attachments (sha256, size, created_at) VALUES (?, 1, '2025-12-04')`).run(sha);
      }),
    );
    const mine = { all: false as const, officeIds: [OFFICE.id] };
    const elsewhere = { all: false as const, officeIds: ['0192f5a0-0000-7000-8000-00000000000b'] };
    expect(storage.attachmentReferencedIn(shown, mine)).toBe(true);
    expect(storage.attachmentReferencedIn(figure, mine)).toBe(true);
    expect(storage.attachmentReferencedIn('d'.repeat(64), mine)).toBe(false);
    expect(storage.attachmentReferencedIn(shown, elsewhere)).toBe(false);
    expect(storage.officeAttachmentBytes(OFFICE.id)).toBe(0);
    storage.close();
  });

  it.each([1, 2, 3])(
    'an older HQ whose public site had reached its own step %i: tables adopted, pub_schema dropped',
    (upTo) => {
      const storage = openUpgraded(
        hqAt(2, (db) => {
          seedCore(db);
          oldPubSchema(upTo)(db);
          seedPublication(db);
        }),
      );
      expectCoreIntact(storage);
      expect(storage.db.prepare('SELECT id FROM pub_releases').all()).toEqual([{ id: RELEASE }]);
      expect(storage.db.prepare(`SELECT value FROM pub_meta WHERE key = 'seq'`).get()).toEqual({ value: '1' });
      storage.close();
    },
  );

  it('an old public.sqlite of its own (no HQ steps, pub_schema only) opens with its publications', () => {
    const dataDir = dir();
    const db = new Database(join(dataDir, 'public.sqlite'));
    oldPubSchema(3)(db);
    seedPublication(db);
    db.close();
    const site = openPublicSite({ dataDir, attachments: { read: async () => null }, forwardToWordPress: false });
    const pub = site.store.get(RELEASE) as Publication;
    expect(pub).toMatchObject({ slug: 'rapat', state: 'terbit' });
    expect(site.store.stamp('2025-12-05T00:00:00.000Z')).toMatchObject({ seq: 1, count: 1 });
    site.close();
    const after = new Database(join(dataDir, 'public.sqlite'), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(tables(after)).not.toContain('pub_schema');
    after.close();
  });
});

describe('an hq.sqlite written before HQ numbered every step', () => {
  /** A copy of the fixture in a fresh data dir: the fixture itself is never opened. */
  function fixtureCopy(): string {
    const dataDir = dir();
    copyFileSync(FIXTURE, join(dataDir, HQ_DB_FILE));
    return dataDir;
  }

  it('upgrades in place keeping every row, and HQ serves it', async () => {
    const dataDir = fixtureCopy();
    const raw = new Database(join(dataDir, HQ_DB_FILE));
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    expect(raw.prepare('SELECT version FROM pub_schema').all()).toEqual([{ version: 3 }]);
    const before = dumpTables(raw);
    raw.close();
    const counts = Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length]));
    expect(counts).toMatchObject({
      releases: 8,
      revisions: 25,
      changes: 46,
      annotations: 21,
      pub_releases: 2,
      devices: 3,
      offices: 3,
      push_results: 51,
    });

    const hq = await createHqServer({ dataDir });
    servers.push(hq);
    const url = await hq.listen(0);
    const upgraded = new Database(join(dataDir, HQ_DB_FILE), { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(LATEST);
    upgraded.close();

    // Every row of every table as it was; only the old counter is gone, and the attachment
    // access tables are new (no uploads recorded before them; references taken from revisions),
    // and offices have no settings yet; publications gain their zone, WIB as the site showed them.
    const { pub_schema: _counter, ...kept } = before;
    kept['pub_releases'] = (kept['pub_releases'] ?? []).map((row) => ({ ...(row as object), time_zone: 'WIB' }));
    const {
      attachment_uploads: uploads,
      attachment_refs: refs,
      office_settings: officeSettings,
      update_releases: updates,
      device_logs: logs,
      number_counters: counters,
      release_numbers: numbers,
      pub_releases: publications,
      ...dumped
    } = hq.storage.dump();
    const { pub_releases: publicationsBefore, ...keptRest } = kept;
    expect(dumped).toEqual(keptRest);
    // Publications gain an empty number and no contact person.
    expect(publications).toEqual(
      (publicationsBefore as Record<string, unknown>[]).map((p) => ({ ...p, number: '', contact: null })),
    );
    expect([officeSettings, updates, logs, counters, numbers]).toEqual([[], [], [], [], []]);
    expect(uploads).toEqual([]);
    expect(refs).toBeInstanceOf(Array);

    // A few real rows through the storage interface.
    const published = '01a23bc7-8ddc-74b1-8dbc-972f1cc7e020';
    expect(hq.storage.getReleaseHead(published)).toMatchObject({
      revision: 8,
      status: 'terbit',
      fields: { title: 'Rapat pleno rekapitulasi', slug: 'rapat-pleno-rekapitulasi' },
    });
    expect(hq.storage.listRevisions(published).map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(hq.storage.getAnnotation('01a23bc7-8e02-761d-a6ac-83fa98c6e5b4')).toMatchObject({
      type: 'review.transition',
      version: 1,
      cursor: 3,
    });
    expect(hq.storage.headCursor()).toBe(46);
    expect(hq.storage.readChanges(0, 100, { all: true }).rows).toHaveLength(46);
    expect(hq.storage.listDevices().map((d) => [d.personName, d.lastSeq])).toEqual([
      ['Sari Penulis', 29],
      ['Budi Peninjau', 22],
      ['Peninjau Jabar', 0],
    ]);

    // The public site serves what was published before the upgrade, still holding the embargo.
    const api = await call(url, '/api/v1/releases');
    expect(api.status).toBe(200);
    const listed = JSON.stringify(api.body);
    expect(listed).toContain('Rapat pleno rekapitulasi');
    expect(listed).not.toContain('/berita/embargo');
    const page = await fetch(new URL('/berita/rapat-pleno-rekapitulasi', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Rapat pleno rekapitulasi');

    // A device enrolled after the upgrade pulls the old change log.
    const reader = await enrollDevice(hq, url, {
      office: 'KPU Kabupaten Blora',
      name: 'Pembaca',
      role: 'peninjau',
      scope: 'all',
    });
    let cursor = 0;
    let pulled = 0;
    for (let more = true; more;) {
      const res = await call(url, `/api/v1/sync/pull?cursor=${cursor}`, { token: reader.token });
      expect(res.status).toBe(200);
      const body = res.body as PullResponse;
      pulled += body.changes.length;
      cursor = body.nextCursor;
      more = body.hasMore;
    }
    expect(pulled).toBe(46);
    expect(cursor).toBe(46);
  });

  it('refuses a file from a newer HQ and leaves it byte for byte as it was', async () => {
    const dataDir = fixtureCopy();
    const file = join(dataDir, HQ_DB_FILE);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST + 5}`);
    raw.pragma('journal_mode = DELETE'); // one self-contained file, so its bytes say everything
    raw.close();
    const bytes = readFileSync(file);

    let error: unknown;
    try {
      openStorage(dataDir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WartaError);
    expect((error as WartaError).code).toBe('storage');
    expect((error as WartaError).message).toMatch(/versi Warta yang lebih baru/);
    expect((error as WartaError).message).toContain(file);
    await expect(createHqServer({ dataDir })).rejects.toThrow(/versi Warta yang lebih baru/);

    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
