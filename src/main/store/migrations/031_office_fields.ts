import type { Migration } from '../../../node/db/migrate';

/**
 * The release number HQ assigns ("Nomor") and the contact person ("Narahubung": name, role,
 * phone, as JSON). Releases stored before have neither: an empty number and an empty contact.
 * And the templates a writer saved for the office, waiting to be sent to HQ (owned by
 * src/main/templates). Numbered after the review steps: the runner only applies steps above a file's user_version,
 * and every workstation already in use is at 20.
 */
export const migration031: Migration = {
  version: 31,
  name: 'office_fields',
  up(db) {
    db.exec(`
      ALTER TABLE releases ADD COLUMN number TEXT NOT NULL DEFAULT '';
      ALTER TABLE releases ADD COLUMN contact TEXT NOT NULL DEFAULT '{}';
      CREATE TABLE template_outbox (
        id TEXT PRIMARY KEY, template TEXT NOT NULL, created_at TEXT NOT NULL,
        -- 1 once handed to the sync engine's push queue (which then owns the resend).
        queued INTEGER NOT NULL DEFAULT 0
      );
    `);
  },
};
