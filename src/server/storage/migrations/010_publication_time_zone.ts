import type { Migration } from '../../../node/db/migrate';

/**
 * The zone a publication's times are shown in (its office's: WIB, WITA or WIT). Publications
 * made before are from offices the site showed in WIB, so that is their value.
 */
export const migration010: Migration = {
  version: 10,
  name: 'publication_time_zone',
  up(db) {
    db.exec(`ALTER TABLE pub_releases ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'WIB'`);
  },
};
