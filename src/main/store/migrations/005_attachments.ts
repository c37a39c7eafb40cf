import type { Migration } from '../../../node/db/migrate';

/** Images stored content-addressed under <dataDir>/attachments/<sha256>. */
export const migration005: Migration = {
  version: 5,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
