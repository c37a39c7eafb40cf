import type { Migration } from '../../../node/db/migrate';

/**
 * Push entries that other features hand to the sync client (review annotations, workflow
 * transitions): they share the one per-device seq counter and the durable push queue, so a
 * resend after a lost answer reuses the same seq whatever kind of entry it is. Only release
 * entries stay one-in-flight per release. Idempotent: data dirs from before this migration
 * existed may have the columns already, added back then by the sync client itself.
 */
export const migration011: Migration = {
  version: 11,
  name: 'sync_extensions',
  up(db) {
    const cols = (db.prepare("SELECT name FROM pragma_table_info('sync_push')").all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!cols.includes('owner')) {
      db.exec(`
        ALTER TABLE sync_push ADD COLUMN owner TEXT NOT NULL DEFAULT 'release';
        ALTER TABLE sync_push ADD COLUMN ref TEXT;
        ALTER TABLE sync_push ADD COLUMN entry TEXT;
      `);
    }
    db.exec(`
      DROP INDEX IF EXISTS sync_push_release;
      CREATE UNIQUE INDEX IF NOT EXISTS sync_push_release_one ON sync_push (release_id) WHERE owner = 'release';
    `);
  },
};
