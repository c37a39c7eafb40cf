import type { Migration } from '../../../node/db/migrate';
import { createUnlessAdopted } from './adopt';

/**
 * The public site's publications, its change counter and the daily view marks. They share
 * HQ's file so a publication is stored in the same transaction as its workflow transition.
 */
export const migration003: Migration = {
  version: 3,
  name: 'public_site',
  up(db) {
    createUnlessAdopted(
      db,
      'pub_releases',
      `CREATE TABLE pub_releases (
         id TEXT PRIMARY KEY,
         slug TEXT NOT NULL UNIQUE,
         office TEXT NOT NULL,
         office_slug TEXT NOT NULL,
         province TEXT,
         category TEXT NOT NULL,
         tags TEXT NOT NULL,
         title TEXT NOT NULL,
         summary TEXT NOT NULL,
         byline TEXT NOT NULL,
         dateline TEXT NOT NULL,
         date TEXT NOT NULL,
         lead_image TEXT,
         body_json TEXT NOT NULL,
         body_html TEXT NOT NULL,
         body_text TEXT NOT NULL,
         render_version INTEGER NOT NULL,
         revision INTEGER,
         first_published_at TEXT NOT NULL,
         scheduled_at TEXT,
         visible_from TEXT NOT NULL,
         last_modified_at TEXT NOT NULL,
         state TEXT NOT NULL CHECK (state IN ('terbit','ditarik','dikoreksi')),
         corrections TEXT NOT NULL,
         withdrawn_at TEXT,
         withdrawn_reason TEXT,
         views INTEGER NOT NULL DEFAULT 0,
         version INTEGER NOT NULL
       );
       CREATE INDEX pub_releases_visible ON pub_releases (state, visible_from DESC);
       CREATE INDEX pub_releases_office ON pub_releases (office_slug, visible_from DESC);
       CREATE TABLE pub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
       INSERT INTO pub_meta (key, value) VALUES ('seq', '0');
       -- Readers counted today: an opaque hash of (daily salt, address, user agent), never the address.
       CREATE TABLE pub_view_marks (day TEXT NOT NULL, release_id TEXT NOT NULL, visitor TEXT NOT NULL,
         PRIMARY KEY (day, release_id, visitor)) WITHOUT ROWID;
       CREATE TABLE pub_view_salt (day TEXT PRIMARY KEY, salt TEXT NOT NULL);`,
    );
  },
};
