import { prepareCached } from '../../../node/db/statement-cache';
import type { Db } from '../../store';

/** sync_uploaded: attachments HQ is known to hold, so they are not offered again. */
export function isUploaded(db: Db, sha256: string): boolean {
  return !!prepareCached<[string], { one: number }>(db, 'SELECT 1 AS one FROM sync_uploaded WHERE sha256 = ?').get(
    sha256,
  );
}

export function markUploaded(db: Db, sha256: string): void {
  prepareCached(db, 'INSERT OR IGNORE INTO sync_uploaded (sha256) VALUES (?)').run(sha256);
}

export function forgetUploaded(db: Db, sha256: string): void {
  prepareCached(db, 'DELETE FROM sync_uploaded WHERE sha256 = ?').run(sha256);
}
