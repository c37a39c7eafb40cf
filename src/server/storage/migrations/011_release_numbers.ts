import type { Migration } from '../../../node/db/migrate';

/**
 * Release numbers HQ assigns: a counter per office (and per year when the office's pattern has
 * one), and every number given — unique per office, one per release, the last line of defence
 * against a number repeating. The checklist reads a release's comments by release. The public site keeps the number and the contact person it shows.
 */
export const migration011: Migration = {
  version: 11,
  name: 'release_numbers',
  up(db) {
    db.exec(`
      CREATE TABLE number_counters (
        office_id TEXT NOT NULL REFERENCES offices(id), scope TEXT NOT NULL, last_seq INTEGER NOT NULL,
        PRIMARY KEY (office_id, scope)
      ) WITHOUT ROWID;
      CREATE TABLE release_numbers (
        office_id TEXT NOT NULL REFERENCES offices(id), number TEXT NOT NULL,
        release_id TEXT NOT NULL UNIQUE, assigned_at TEXT NOT NULL,
        PRIMARY KEY (office_id, number)
      ) WITHOUT ROWID;
      ALTER TABLE pub_releases ADD COLUMN number TEXT NOT NULL DEFAULT '';
      ALTER TABLE pub_releases ADD COLUMN contact TEXT;
      -- The checklist counts a release's open comment threads when it is submitted or published.
      CREATE INDEX annotations_release ON annotations (release_id, type);
    `);
  },
};
