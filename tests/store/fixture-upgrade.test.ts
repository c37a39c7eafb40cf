import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, getRelease, listReleases, listRevisions, MIGRATIONS, searchReleases } from '../../src/main/store';
import type { Db } from '../../src/main/store';
import { latestVersion } from '../../src/node/db/migrate';
import { tempDir } from '../helpers/tmp';
import { open } from './helpers';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'before-one-house', 'warta-penulis.db');
const PUBLISHED = '01a23bc7-8ddc-74b1-8dbc-972f1cc7e020';

/** Every row of every table (the search index's shadow tables included), in a stable order. */
function dumpTables(db: Db): Record<string, unknown[]> {
  const names = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of names) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
    if (columns === 0) continue; // virtual tables: their shadow tables hold the rows
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
  }
  return out;
}

describe("a writer's warta.db written before the shared Node layer", () => {
  it('opens with its releases, history, review threads and sync state intact', () => {
    const dataDir = tempDir();
    const file = join(dataDir, DB_FILE);
    copyFileSync(FIXTURE, file);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(20);
    const before = dumpTables(raw);
    raw.close();
    expect(before.releases).toHaveLength(8);
    expect(before.review_threads).toHaveLength(2);

    const store = open(dataDir);
    const { db } = store;
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
    expect(store.recovery).toBeNull();
    expect(store.identity()).toMatchObject({ name: 'Sari Penulis', role: 'penulis', office: 'KPU Kabupaten Blora' });
    // Every row as it was; releases gain an empty number and contact person, and the office
    // template outbox (step 031), the office dictionary (step 032) and the releases waiting
    // for their search index (step 033) are new and empty.
    expect(dumpTables(db)).toEqual({
      ...before,
      template_outbox: [],
      office_words: [],
      search_pending: [],
      releases: (before.releases as Record<string, unknown>[]).map((r) => ({ ...r, number: '', contact: '{}' })),
    });

    // Releases and their history, through the store.
    const { items, total } = listReleases(db, { sort: 'updated_desc', limit: 50, offset: 0 });
    expect(total).toBe(8);
    expect(items.map((r) => r.title)).toContain('Rahasia Blora');
    expect(getRelease(db, PUBLISHED)).toMatchObject({
      title: 'Rapat pleno rekapitulasi',
      status: 'terbit',
      syncState: 'terkirim',
      localRev: 6,
    });
    expect(listRevisions(db, PUBLISHED).length).toBeGreaterThan(0);
    expect(searchReleases(db, 'rekapitulasi', 10).map((h) => h.release.id)).toContain(PUBLISHED);

    // Review threads and sync state as the review and sync services read them.
    expect(db.prepare('SELECT release_id, quote, body, author FROM review_threads ORDER BY hq_cursor').all()).toEqual([
      {
        release_id: PUBLISHED,
        quote: 'rekapitulasi berjalan',
        body: 'Rekapitulasi tingkat apa?',
        author: 'Budi Peninjau',
      },
      {
        release_id: '01a23bc7-8f09-7598-a90e-347d43a7f232',
        quote: 'Jumlah TPS',
        body: 'Angka pastinya?',
        author: 'Budi Peninjau',
      },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM review_replies').get()).toEqual({ n: 3 });
    expect(
      Object.fromEntries(
        (db.prepare('SELECT key, value FROM sync_meta').all() as { key: string; value: string }[]).map((r) => [
          r.key,
          r.value,
        ]),
      ),
    ).toMatchObject({ pull_cursor: '46', next_seq: '30', seq_device: '01a23bc7-8d9e-73f8-ae9e-849583f6a7cd' });
    expect(db.prepare('SELECT count(*) AS n FROM sync_base').get()).toEqual({ n: 8 });
  });
});
