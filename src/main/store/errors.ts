import { WartaError } from '../../shared/contract/define';
import type { StorageAction } from '../../shared/errors/reasons';

/** better-sqlite3's SqliteError carries a string code such as SQLITE_FULL. */
export const sqliteCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Errors that mean the file itself is damaged (as opposed to a full disk or a lock). */
export const isCorruption = (error: unknown): boolean => {
  const code = sqliteCode(error) ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
};

/**
 * Turns storage failures into reasons a writer can act on; the failed save is rolled
 * back, so what was stored before stays intact. `action` is worded per language.
 */
export function toStorageError(error: unknown, action: StorageAction): unknown {
  if (error instanceof WartaError) return error;
  const code = sqliteCode(error) ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new WartaError('storage', 'storage.diskFull', { action });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new WartaError('storage', 'storage.readOnly', { action, code });
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new WartaError('storage', 'storage.ioError', { action, code });
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
    return new WartaError('storage', 'storage.busy', { action });
  }
  return error;
}
