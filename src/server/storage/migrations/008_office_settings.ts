import type { Migration } from '../../../node/db/migrate';

/**
 * Settings an admin gives an office at HQ (one JSON value per key) that travel to the office's
 * workstations in its profile. A key, not a column each, so a new setting needs no migration.
 */
export const migration008: Migration = {
  version: 8,
  name: 'office_settings',
  up(db) {
    db.exec(`
      CREATE TABLE office_settings (
        office_id TEXT NOT NULL REFERENCES offices(id), key TEXT NOT NULL, value TEXT NOT NULL,
        updated_at TEXT NOT NULL, PRIMARY KEY (office_id, key)
      ) WITHOUT ROWID;
    `);
  },
};
