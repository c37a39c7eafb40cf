import type { Migration } from '../../../node/db/migrate';
import { createUnlessAdopted } from './adopt';

/** Which attachments each publication shows (lead image, figures): only those are served. */
export const migration004: Migration = {
  version: 4,
  name: 'public_media',
  up(db) {
    createUnlessAdopted(
      db,
      'pub_media',
      `CREATE TABLE pub_media (release_id TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (sha256, release_id)) WITHOUT ROWID;`,
    );
  },
};
