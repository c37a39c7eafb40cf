import { fsyncDirSync, fsyncFileSync } from '../node/fs/fsync';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { assertNotNewer } from '../node/db/migrate';
import { ensurePrivateFile } from '../node/fs/private-dir';
import { lockHqDataDir } from './data-dir-lock';
import { HQ_MIGRATIONS } from './storage/migrations';

const DB_FILE = 'hq.sqlite';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** A filename-safe UTC stamp, e.g. 20251204-104233-517. */
const stamp = (d = new Date()): string =>
  d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');

/**
 * `hq backup`: SQLite's online backup of hq.sqlite, consistent even while HQ serves (a plain
 * copy of a WAL database could catch it half-written). Returns the written file.
 */
export async function backupHq(dataDir: string, out?: string): Promise<string> {
  const file = join(dataDir, DB_FILE);
  if (!existsSync(file)) throw new Error(`no HQ database at ${file}`);
  const target = resolve(out ?? join(dataDir, 'backups', `hq-${stamp()}.sqlite`));
  if (existsSync(target)) throw new Error(`${target} exists already; choose another --out`);
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  // Owner-only from the first byte (SQLite gives its WAL and SHM the same mode).
  ensurePrivateFile(target);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

/** Checks every page of a would-be HQ database, read-only; throws naming the file. */
function verifyHqFile(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    let result: string;
    try {
      result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    } catch (error) {
      result = error instanceof Error ? error.message : String(error);
    }
    if (result !== 'ok') throw new Error(`${file} is damaged (${result.slice(0, 160)})`);
    assertNotNewer(db, file, HQ_MIGRATIONS);
    const devices = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'devices'").get();
    if (!devices) throw new Error(`${file} is not an HQ database`);
  } finally {
    db.close();
  }
}

/**
 * `hq restore`: refuses while an HQ holds the data dir, checks the backup (a copy of it, so
 * what is checked is what goes in), keeps the current database aside with its WAL (never
 * deleted: it may hold more than the backup), then renames the copy into place.
 */
export function restoreHq(dataDir: string, source: string): { restored: string; keptAside: string | null } {
  const lock = lockHqDataDir(dataDir);
  const file = join(dataDir, DB_FILE);
  const staged = `${file}.restore-tmp`;
  const clean = () => {
    for (const f of [staged, ...SIDE_FILES.map((s) => staged + s)]) rmSync(f, { force: true });
  };
  try {
    verifyHqFile(resolve(source));
    clean();
    copyFileSync(source, staged);
    verifyHqFile(staged);
    const single = new Database(staged);
    try {
      // One self-contained file: no WAL to carry across the rename.
      single.pragma('journal_mode = DELETE');
    } finally {
      single.close();
    }
    fsyncFileSync(staged);

    let keptAside: string | null = null;
    if (existsSync(file)) {
      keptAside = `${file}.before-restore-${stamp()}`;
      // The WAL moves with its file (SQLite finds it by name); the SHM is rebuilt from it.
      renameSync(file, keptAside);
      for (const suffix of ['-wal', '-journal'])
        if (existsSync(file + suffix)) renameSync(file + suffix, keptAside + suffix);
      rmSync(`${file}-shm`, { force: true });
    }
    renameSync(staged, file);
    fsyncDirSync(dataDir);
    return { restored: basename(source), keptAside };
  } catch (error) {
    clean();
    throw error;
  } finally {
    lock.release();
  }
}
