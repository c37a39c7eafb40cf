import type { Migration } from '../../../node/db/migrate';

/**
 * Words added to the office dictionary on this workstation ("Tambahkan ke kamus"). Accepted
 * by the spellchecker at once, kept until HQ took them (`sent_at`), after which the office's
 * profile carries them to every workstation of the office.
 */
export const migration032: Migration = {
  version: 32,
  name: 'office_words',
  up(db) {
    db.exec(`
      CREATE TABLE office_words (
        word TEXT PRIMARY KEY, added_at TEXT NOT NULL, sent_at TEXT
      ) WITHOUT ROWID;
    `);
  },
};
