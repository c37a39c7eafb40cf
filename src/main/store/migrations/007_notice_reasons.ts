import type { Migration } from '../../../node/db/migrate';

/**
 * Notices keep the reason and its params next to the Indonesian text, so the interface
 * can word them in the user's language. Older rows have neither and show their text.
 */
export const migration007: Migration = {
  version: 7,
  name: 'notice_reasons',
  up(db) {
    db.exec(`
      ALTER TABLE notices ADD COLUMN reason TEXT;
      ALTER TABLE notices ADD COLUMN params TEXT;
    `);
  },
};
