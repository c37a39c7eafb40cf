import { z } from 'zod';
import { TimestampSchema } from '../domain/release';
import { method } from './define';

/**
 * The names "Cadangkan" gives its files (`warta-<UTC stamp>[-n].db`). A restore takes only a
 * name of this shape, resolved inside the backups folder: no separators, so no traversal.
 */
export const BACKUP_NAME = /^warta-\d{8}-\d{6}-\d{3}(?:-\d{1,4})?\.db$/;

const BackupInfoSchema = z.object({
  name: z.string(),
  createdAt: TimestampSchema,
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const backupMethods = {
  /** "Pulihkan dari cadangan": the backups folder's backups, newest first. */
  listBackups: method(z.object({}), z.object({ items: z.array(BackupInfoSchema) })),
  /**
   * Restores a listed backup after checking it, keeping the current database as a backup
   * first; the services reopen over the restored file, so the renderer reloads its state.
   */
  restoreBackup: method(z.object({ name: z.string().max(80) }), z.object({ restored: z.string(), keptAs: z.string() })),
};
