import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WartaError } from '../../shared/contract/define';
import { BACKUP_NAME, type BackupInfo } from '../../shared/contract/backups';

/** `warta-20251204-104233-517.db` (or `-2.db` …) → the ISO time of its stamp. */
function stampTime(name: string): string {
  const m = /^warta-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})/.exec(name);
  if (!m) return new Date(0).toISOString();
  const [, y, mo, d, h, mi, s, ms] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
}

const isPlainFile = (path: string): boolean => {
  try {
    // lstat: a symlink planted in the folder is not a backup of ours.
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
};

/** The backups folder's backups, newest first. */
export function listBackups(backupsDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_NAME.test(name) && isPlainFile(join(backupsDir, name)))
    .map((name) => ({ name, createdAt: stampTime(name), bytes: lstatSync(join(backupsDir, name)).size }))
    .sort((a, b) =>
      a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt),
    );
}

/**
 * The path of a backup named by the listing. Only a plain file directly in the backups
 * folder whose name has the backup pattern: no separators, no `..`, no symlinks.
 */
export function backupPath(backupsDir: string, name: string): string {
  if (!BACKUP_NAME.test(name)) throw new WartaError('invalid_input', 'backup.badName', { name: name.slice(0, 80) });
  const path = join(backupsDir, name);
  if (!isPlainFile(path)) throw new WartaError('not_found', 'backup.notFound', { name });
  return path;
}
