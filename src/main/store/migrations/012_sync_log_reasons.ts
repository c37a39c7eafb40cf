import type { Migration } from '../../../node/db/migrate';

/**
 * Sync-log lines keep their reason and params next to the Indonesian text, so the interface
 * can word them in the user's language. Older lines have neither and show their text.
 */
export const migration012: Migration = {
  version: 12,
  name: 'sync_log_reasons',
  up(db) {
    db.exec('ALTER TABLE sync_log ADD COLUMN reason TEXT; ALTER TABLE sync_log ADD COLUMN params TEXT;');
  },
};
