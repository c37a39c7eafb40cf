import type { Migration } from '../../../node/db/migrate';

/**
 * The outbox: one row per local change, written in the same transaction as the change.
 * The sync client reads it in `seq` order and may coalesce several saves of one release.
 */
export const migration002: Migration = {
  version: 2,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        release_id TEXT NOT NULL REFERENCES releases (id),
        kind TEXT NOT NULL CHECK (kind IN ('create', 'save', 'delete')),
        local_rev INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX outbox_release ON outbox (release_id);
    `);
    // Releases written before the outbox existed still have to reach HQ.
    db.prepare(
      `INSERT INTO outbox (release_id, kind, local_rev, created_at)
       SELECT id, CASE WHEN deleted_at IS NULL THEN 'create' ELSE 'delete' END, local_rev, updated_at
       FROM releases WHERE sync_state <> 'terkirim' ORDER BY num`,
    ).run();
  },
};
