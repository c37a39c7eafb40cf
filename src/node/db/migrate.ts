import type Database from 'better-sqlite3';
import type { Logger } from '../log/logger';
import { WartaError } from '../../shared/contract/define';

type Db = Database.Database;

/**
 * One schema step. `up` runs inside a transaction together with the `user_version` bump,
 * so a step is either fully applied or not at all.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

const userVersion = (db: Db): number => Number(db.pragma('user_version', { simple: true }));

/** Sorted by version; refuses duplicates so two steps can't silently claim one number. */
export function orderMigrations(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version <= 0)
      throw new Error(`migration "${m.name}" has an invalid version ${m.version}`);
    const prev = sorted[i - 1];
    if (prev && prev.version === m.version)
      throw new Error(`migrations "${prev.name}" and "${m.name}" share version ${m.version}`);
  });
  return sorted;
}

export const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0);

/** A database written by a newer Warta: refuse it, leaving the file exactly as it is. */
export function assertNotNewer(db: Db, file: string, migrations: readonly Migration[]): void {
  const found = userVersion(db);
  const latest = latestVersion(migrations);
  if (found > latest) {
    throw new WartaError('storage', 'store.newerSchema', { file, found, latest });
  }
}

/**
 * Applies every migration above the file's user_version, each in its own transaction.
 * Returns the versions it applied.
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[],
  log: Pick<Logger, 'info'>,
  file = 'database',
): number[] {
  assertNotNewer(db, file, migrations);
  const applied: number[] = [];
  for (const m of orderMigrations(migrations)) {
    if (m.version <= userVersion(db)) continue;
    // IMMEDIATE takes the write lock before the version is read again, so two processes
    // opening the same file at once cannot both apply a step.
    const ran = db
      .transaction(() => {
        if (m.version <= userVersion(db)) return false;
        m.up(db);
        // user_version lives in the file header, so it commits or rolls back with the step.
        db.pragma(`user_version = ${m.version}`);
        return true;
      })
      .immediate();
    if (!ran) continue;
    log.info({ version: m.version, name: m.name }, 'migration applied');
    applied.push(m.version);
  }
  return applied;
}
