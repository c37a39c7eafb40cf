import type { Migration } from './types';

/**
 * Sync-log lines keep their reason and params next to the Indonesian text, so the interface
 * can word them in the user's language. Idempotent: the sync client may create `sync_log`
 * itself, and older lines have neither column filled.
 */
export const migration012: Migration = {
  version: 12,
  name: 'sync_log_reasons',
  up(db) {
    const cols = (db.prepare("SELECT name FROM pragma_table_info('sync_log')").all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!cols.includes('reason')) db.exec('ALTER TABLE sync_log ADD COLUMN reason TEXT');
    if (!cols.includes('params')) db.exec('ALTER TABLE sync_log ADD COLUMN params TEXT');
  },
};
