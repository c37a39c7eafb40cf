import Database from 'better-sqlite3';
import type { Db } from './types';

export interface OpenDbOptions {
  /** Path to a better-sqlite3 addon built for the running runtime (Electron's ABI on the desktop). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens the SQLite file without touching it: no pragma that writes, so a refused file stays as it was. */
export function openRaw(file: string, options: OpenDbOptions = {}): Db {
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * The connection settings every writer uses.
 *
 * synchronous = FULL, not NORMAL. In WAL mode NORMAL fsyncs only at checkpoints: a commit
 * survives the app crashing, but a power cut can roll back the last commits — the very ones
 * the UI already announced as "Tersimpan". FULL fsyncs the WAL on every commit, so what we
 * acknowledged survives power loss too. Autosave commits at most about once a second, so
 * one fsync per commit is cheap (see bench/store.bench.ts for the measured latency).
 */
export function applyPragmas(db: Db): void {
  // Wait for another connection (e.g. a backup or a second process) rather than fail at once.
  db.pragma('busy_timeout = 5000');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal')
    throw new Error(`could not switch the database to WAL (got ${String(mode)})`);
  db.pragma('synchronous = FULL');
  // On macOS plain fsync leaves data in the drive's cache; F_FULLFSYNC really flushes. Elsewhere a no-op.
  db.pragma('fullfsync = ON');
  db.pragma('checkpoint_fullfsync = ON');
  db.pragma('foreign_keys = ON');
  // Keep the WAL from growing without bound during long editing sessions.
  db.pragma('wal_autocheckpoint = 1000');
}
