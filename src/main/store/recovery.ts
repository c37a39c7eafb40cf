import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../../node/log/logger';
import { docToPlainText } from '../../shared/editor/text';
import { fileStamp, nowIso } from './clock';
import { openRaw, type OpenDbOptions } from './db';
import { rowFields, type ReleaseRow } from './rows';
import { indexRelease } from './search';
import { recordRevision } from './revisions';
import type { Db } from './types';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Moves a damaged database (and its WAL/SHM/journal) aside as `warta.db.rusak-<stamp>`.
 * Never deletes: the file is the user's data and may hold more than we could salvage.
 */
export function moveAside(dbPath: string, stamp = fileStamp()): string {
  const aside = `${dbPath}.rusak-${stamp}`;
  renameSync(dbPath, aside);
  for (const suffix of SIDE_FILES) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  }
  return aside;
}

/** Damaged files kept aside next to the database (the main files, not their -wal/-shm). */
export function listAside(dbPath: string): string[] {
  const prefix = `${basename(dbPath)}.rusak-`;
  return readdirSync(dirname(dbPath))
    .filter((f) => f.startsWith(prefix) && /^[0-9-]+$/.test(f.slice(prefix.length)))
    .sort()
    .map((f) => join(dirname(dbPath), f));
}

export interface SalvageReport {
  /** Rows copied per table. */
  rows: Record<string, number>;
  releases: number;
  /** Set when the damaged file could not be read at all. */
  error?: string;
}

/** Tables the salvage copies; FTS shadow tables are rebuilt instead of copied. */
function salvageableTables(fresh: Db): string[] {
  const names = fresh
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'release_search%' ORDER BY name`,
    )
    .all()
    .map((r) => r.name);
  // Parents before children, so foreign keys hold.
  return ['releases', ...names.filter((n) => n !== 'releases')].filter((n) => names.includes(n));
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads what it can: on a damaged page it skips ahead by rowid instead of giving up. */
function* readableRows(old: Db, table: string, log: Logger): Generator<Record<string, unknown>> {
  let byRowid = true;
  try {
    old.prepare(`SELECT rowid FROM ${quoteId(table)} LIMIT 0`).all();
  } catch {
    byRowid = false;
  }
  if (!byRowid) {
    try {
      for (const row of old.prepare(`SELECT * FROM ${quoteId(table)}`).iterate()) yield row as Record<string, unknown>;
    } catch (error) {
      log.warn({ table, err: String(error) }, 'salvage stopped early');
    }
    return;
  }
  let after = -Infinity;
  let skip = 1;
  for (let attempts = 0; attempts < 40;) {
    try {
      const stmt = old.prepare(`SELECT rowid AS __rowid, * FROM ${quoteId(table)} WHERE rowid > ? ORDER BY rowid`);
      for (const raw of stmt.iterate(after === -Infinity ? Number.MIN_SAFE_INTEGER : after)) {
        const row = raw as Record<string, unknown>;
        after = Number(row['__rowid']);
        skip = 1;
        delete row['__rowid'];
        yield row;
      }
      return;
    } catch (error) {
      attempts += 1;
      log.warn({ table, after, err: String(error) }, 'salvage skipping a damaged region');
      after = (after === -Infinity ? 0 : after) + skip;
      skip *= 2;
    }
  }
}

/**
 * Copies every row it can read from the damaged file (via a scratch copy, so the kept
 * file stays byte for byte as it was) into the fresh database, then rebuilds the search
 * index and makes sure every unsent release is queued for HQ again.
 */
export function salvage(asidePath: string, fresh: Db, log: Logger, options: OpenDbOptions = {}): SalvageReport {
  const report: SalvageReport = { rows: {}, releases: 0 };
  const scratch = `${asidePath}.salvage-tmp`;
  const scratchFiles = [scratch, `${scratch}-wal`, `${scratch}-shm`];
  let old: Db | null = null;
  try {
    copyFileSync(asidePath, scratch);
    if (existsSync(`${asidePath}-wal`)) copyFileSync(`${asidePath}-wal`, `${scratch}-wal`);
    old = openRaw(scratch, options);
    const oldDb = old;
    const oldColumns = (table: string): Set<string> =>
      new Set(
        oldDb
          .prepare<[], { name: string }>(`PRAGMA table_info(${quoteId(table)})`)
          .all()
          .map((c) => c.name),
      );
    fresh.transaction(() => {
      for (const table of salvageableTables(fresh)) {
        let have: Set<string>;
        try {
          have = oldColumns(table);
        } catch (error) {
          log.warn({ table, err: String(error) }, 'salvage: table unreadable');
          continue;
        }
        const columns = fresh
          .prepare<[], { name: string }>(`PRAGMA table_info(${quoteId(table)})`)
          .all()
          .map((c) => c.name)
          .filter((c) => have.has(c));
        if (!columns.length) continue;
        const insert = fresh.prepare(
          `INSERT OR IGNORE INTO ${quoteId(table)} (${columns.map(quoteId).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        let copied = 0;
        for (const row of readableRows(oldDb, table, log)) {
          try {
            copied += insert.run(...columns.map((c) => row[c] ?? null)).changes;
          } catch (error) {
            log.warn({ table, err: String(error) }, 'salvage: row skipped');
          }
        }
        report.rows[table] = copied;
      }
      report.releases = report.rows['releases'] ?? 0;
      afterSalvage(fresh);
    })();
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
    log.warn({ err: report.error }, 'salvage failed; the damaged file is kept aside untouched');
  } finally {
    old?.close();
    for (const f of scratchFiles) rmSync(f, { force: true });
  }
  return report;
}

/** Search index, history and outbox for the rows that came back. */
function afterSalvage(db: Db): void {
  const now = nowIso();
  const rows = db.prepare<[], ReleaseRow>('SELECT * FROM releases').all();
  const hasRevision = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM revisions WHERE release_id = ? LIMIT 1',
  );
  const hasOutbox = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM outbox WHERE release_id = ? LIMIT 1');
  const enqueue = db.prepare(`INSERT INTO outbox (release_id, kind, local_rev, created_at) VALUES (?, ?, ?, ?)`);
  for (const row of rows) {
    const fields = rowFields(row);
    if (row.deleted_at === null) {
      indexRelease(db, row.num, { title: row.title, summary: row.summary, body: docToPlainText(fields.body) });
    }
    if (!hasRevision.get(row.id)) recordRevision(db, row.id, fields, { author: 'Pemulihan', reason: 'recovered', now });
    if (row.sync_state !== 'terkirim' && !hasOutbox.get(row.id)) {
      enqueue.run(row.id, row.deleted_at === null ? 'save' : 'delete', row.local_rev, now);
    }
  }
}
