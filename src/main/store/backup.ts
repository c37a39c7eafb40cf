import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile } from '../../node/fs/private-dir';
import { fileStamp } from './clock';
import type { Store } from './store';

/**
 * "Cadangkan": SQLite's online backup API copies a consistent snapshot page by page while
 * the app keeps working; a plain file copy of a WAL database could catch it half-written.
 */
export async function backupDatabase(store: Store): Promise<{ path: string; bytes: number }> {
  ensurePrivateDir(store.backupsDir, store.log);
  const stamp = fileStamp();
  let path = join(store.backupsDir, `warta-${stamp}.db`);
  for (let n = 2; existsSync(path); n += 1) path = join(store.backupsDir, `warta-${stamp}-${n}.db`);
  // Created owner-only before SQLite writes a byte (it would make the copy 0644).
  ensurePrivateFile(path);
  await store.db.backup(path);
  return { path, bytes: statSync(path).size };
}
