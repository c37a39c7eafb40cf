import { fsyncDirSync, fsyncFileSync } from '../../node/fs/fsync';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { WartaError } from '../../shared/contract/define';
import { assertNotNewer, migrate } from '../../node/db/migrate';
import type { Logger } from '../../node/log/logger';
import { openRaw, type OpenDbOptions } from './db';
import { MIGRATIONS } from './migrations';
import type { Db } from './types';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

const removeWithSideFiles = (path: string): void => {
  for (const f of [path, ...SIDE_FILES.map((s) => path + s)]) rmSync(f, { force: true });
};

/**
 * Checks every page of a database file on a read-only connection (integrity_check, not the
 * quicker quick_check: a restore is rare and must not bring back a damaged file).
 */
function verifyDatabase(path: string, name: string, options: OpenDbOptions = {}): void {
  let db: Db;
  try {
    db = openRaw(path, { ...options, readonly: true });
  } catch (error) {
    throw new WartaError('invalid_input', 'backup.damaged', { name, detail: String(error).slice(0, 200) });
  }
  try {
    assertNotNewer(db, name, MIGRATIONS);
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const result = rows.map((r) => r.integrity_check).join('; ');
    if (result !== 'ok')
      throw new WartaError('invalid_input', 'backup.damaged', { name, detail: result.slice(0, 200) });
  } catch (error) {
    if (error instanceof WartaError) throw error;
    throw new WartaError('invalid_input', 'backup.damaged', { name, detail: String(error).slice(0, 200) });
  } finally {
    db.close();
  }
}

/**
 * Copies a backup beside the live database, checks the copy (so what is checked is what is
 * swapped in), brings it to the current schema and lets `adjust` fix it up against the live
 * file. Returns the ready copy's path; on any failure the copy is removed and nothing else changed.
 */
export function prepareRestore(
  source: string,
  name: string,
  dbPath: string,
  adjust: (restored: Db) => void,
  log: Logger,
  options: OpenDbOptions = {},
): string {
  const staged = `${dbPath}.restore-tmp`;
  removeWithSideFiles(staged);
  try {
    copyFileSync(source, staged);
    verifyDatabase(staged, name, options);
    const db = openRaw(staged, options);
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS, log, staged);
      adjust(db);
      // Leave one self-contained file: no WAL to carry over the rename.
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    fsyncFileSync(staged);
    return staged;
  } catch (error) {
    removeWithSideFiles(staged);
    throw error;
  }
}

/**
 * Puts the prepared file in place of the (closed) live database. The live file's WAL and SHM
 * are removed first: a WAL left beside the new file would be replayed into it as if it were
 * its own. A clean close has checkpointed them already, so nothing is lost; a crash between
 * the two steps leaves the old, complete file.
 */
export function swapIn(staged: string, dbPath: string): void {
  for (const suffix of SIDE_FILES) rmSync(dbPath + suffix, { force: true });
  renameSync(staged, dbPath);
  fsyncDirSync(dirname(dbPath));
  if (existsSync(staged)) rmSync(staged, { force: true });
}
