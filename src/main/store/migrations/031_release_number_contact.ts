import type { Migration } from '../../../node/db/migrate';

/**
 * The release number HQ assigns ("Nomor") and the contact person ("Narahubung": name, role,
 * phone, as JSON). Releases stored before have neither: an empty number and an empty contact.
 * Numbered after the review steps: the runner only applies steps above a file's user_version,
 * and every workstation already in use is at 20.
 */
export const migration031: Migration = {
  version: 31,
  name: 'release_number_contact',
  up(db) {
    db.exec(`
      ALTER TABLE releases ADD COLUMN number TEXT NOT NULL DEFAULT '';
      ALTER TABLE releases ADD COLUMN contact TEXT NOT NULL DEFAULT '{}';
    `);
  },
};
