import type { Migration } from '../../../node/db/migrate';

/**
 * Sync-log lines keep their reason and params next to the Indonesian text, so the interface
 * can word them in the user's language. Older lines have neither and show their text.
 * Adds only missing columns, so the step is safe on a file that already has them.
 */
export const migration012: Migration = {
  version: 12,
  name: 'sync_log_reasons',
  up(db) {
    const cols = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('sync_log')")
        .all()
        .map((c) => c.name),
    );
    for (const col of ['reason', 'params']) {
      if (!cols.has(col)) db.exec(`ALTER TABLE sync_log ADD COLUMN ${col} TEXT`);
    }
  },
};
