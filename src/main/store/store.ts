import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IdentitySchema, type Identity } from '../../shared/contract/app';
import { WartaError } from '../../shared/contract/define';
import type { ErrorParams, ErrorReason } from '../../shared/errors/reasons';
import { sweepStaleTemp } from '../../node/fs/atomic-write';
import { ensurePrivateDir, ensurePrivateFile, PRIVATE_FILE_MODE, repairModes } from '../../node/fs/private-dir';
import type { Logger } from '../../node/log/logger';
import { silentLogger } from '../../node/log/silent';
import { applyPragmas, openRaw, type OpenDbOptions } from './db';
import { isCorruption, sqliteCode } from './errors';
import { assertNotNewer, migrate, type Migration } from '../../node/db/migrate';
import { MIGRATIONS } from './migrations';
import { addNotice, dismissNotice, listNotices, type Notice } from './notices';
import { listAside, moveAside, salvage, type SalvageReport } from './recovery';
import { createSettings, type Settings } from './settings';
import type { Db } from './types';

export const DB_FILE = 'warta.db';
/** Who history entries name when the workstation is not enrolled yet. */
const LOCAL_AUTHOR = 'Penulis lokal';

export interface OpenStoreOptions {
  /** All local data (SQLite file, attachments, backups) lives here. */
  dataDir: string;
  log?: Logger;
  /** better-sqlite3 addon built for the running runtime (Electron ABI on the desktop). */
  nativeBinding?: string;
  /** Defaults to every registered migration; tests pass a prefix to build older schemas. */
  migrations?: readonly Migration[];
}

export interface Store {
  readonly db: Db;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly attachmentsDir: string;
  readonly backupsDir: string;
  readonly log: Logger;
  readonly settings: Settings;
  /** Set when this open found a damaged database and started afresh. */
  readonly recovery: { asidePath: string; report: SalvageReport } | null;
  notices(): Notice[];
  addNotice(code: string, reason: ErrorReason, params?: ErrorParams): Notice;
  dismissNotice(id: number): void;
  /** The enrolled identity (settings key `identity`), or null. */
  identity(): Identity | null;
  /** The name history entries carry: the identity's name, else "Penulis lokal". */
  authorName(): string;
  close(): void;
}

/** Fails early, naming the folder, when the data dir can't be created or written. */
function ensureWritableDir(dataDir: string, log: Logger): void {
  try {
    // Owner-only: the releases, the device secret and the images are nobody else's business.
    ensurePrivateDir(dataDir, log);
    // mode bits alone don't tell (root ignores them; read-only mounts don't show in them): try it.
    const probe = join(dataDir, `.warta-tulis-${process.pid}-${Date.now()}`);
    writeFileSync(probe, 'ok', { mode: PRIVATE_FILE_MODE });
    rmSync(probe, { force: true });
  } catch (error) {
    const code = sqliteCode(error) ?? 'error';
    throw new WartaError('storage', 'store.dataDirNotWritable', { dataDir, code });
  }
}

class DamagedDatabase extends Error {}

/** Opens an existing file read-only in spirit: refuses a newer schema, then checks its pages. */
function openChecked(dbPath: string, migrations: readonly Migration[], nativeBinding: string | undefined): Db {
  const db = openRaw(dbPath, nativeBinding ? { nativeBinding } : {});
  try {
    assertNotNewer(db, dbPath, migrations);
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new DamagedDatabase(String(result));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Salvages every kept-aside file that no notice mentions yet — the one this open just moved,
 * or one a previous run moved before it was killed — and records the notice in the same
 * transaction as the salvaged rows, so the user is told exactly once.
 */
function finishRecoveries(
  db: Db,
  dbPath: string,
  justMoved: string | null,
  damage: string,
  log: Logger,
  dbOptions: OpenDbOptions,
): Store['recovery'] {
  let result: Store['recovery'] = null;
  const mentioned = db.prepare<[string], { one: number }>(
    `SELECT 1 AS one FROM notices WHERE code = 'db_recovered' AND instr(message, ?) > 0`,
  );
  for (const aside of listAside(dbPath)) {
    if (mentioned.get(basename(aside))) continue;
    db.transaction(() => {
      const report = salvage(aside, db, log, dbOptions);
      const params = { aside, count: report.releases };
      if (aside === justMoved) {
        const damaged = { ...params, damage: damage.slice(0, 200) };
        addNotice(
          db,
          'db_recovered',
          report.error ? 'notice.dbDamagedUnreadable' : 'notice.dbDamagedSalvaged',
          damaged,
        );
      } else {
        addNotice(db, 'db_recovered', report.error ? 'notice.dbEarlierUnreadable' : 'notice.dbEarlierSalvaged', params);
      }
      if (aside === justMoved || !result) result = { asidePath: aside, report };
    })();
  }
  return result;
}

export function openStore(options: OpenStoreOptions): Store {
  const log = options.log ?? silentLogger;
  const migrations = options.migrations ?? MIGRATIONS;
  const { dataDir } = options;
  const dbPath = join(dataDir, DB_FILE);
  const dbOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  ensureWritableDir(dataDir, log);

  let db: Db;
  let asidePath: string | null = null;
  let damage = '';
  try {
    ensurePrivateFile(dbPath);
    db = openChecked(dbPath, migrations, options.nativeBinding);
  } catch (error) {
    if (error instanceof WartaError) throw error;
    if (!(error instanceof DamagedDatabase) && !isCorruption(error)) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new WartaError('storage', 'store.cannotOpen', { path: dbPath, detail });
    }
    damage = error instanceof Error ? error.message : String(error);
    asidePath = moveAside(dbPath);
    log.error({ dbPath, asidePath, damage }, 'database damaged; kept aside and starting a fresh one');
    ensurePrivateFile(dbPath);
    db = openRaw(dbPath, dbOptions);
  }

  try {
    applyPragmas(db);
    migrate(db, migrations, log, dbPath);
  } catch (error) {
    db.close();
    if (error instanceof WartaError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new WartaError('storage', 'store.cannotPrepare', { path: dbPath, detail });
  }

  // Also picks up a recovery a crash interrupted after the damaged file was moved aside.
  const recovery = finishRecoveries(db, dbPath, asidePath, damage, log, dbOptions);

  sweepStaleTemp(join(dataDir, 'attachments'));
  // Files from older versions (or copied in) were created 0644; WAL/SHM exist only now.
  repairModes(dataDir, log);
  const settings = createSettings(db);
  const identity = (): Identity | null => settings.get('identity', IdentitySchema) ?? null;
  const database = db;
  return {
    db: database,
    dataDir,
    dbPath,
    attachmentsDir: join(dataDir, 'attachments'),
    backupsDir: join(dataDir, 'backups'),
    log,
    settings,
    recovery,
    notices: () => listNotices(database),
    addNotice: (code, reason, params) => addNotice(database, code, reason, params),
    dismissNotice: (id) => dismissNotice(database, id),
    identity,
    authorName: () => identity()?.name.trim() || LOCAL_AUTHOR,
    close: () => {
      if (database.open) database.close();
    },
  };
}
