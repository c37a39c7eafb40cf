import type { Migration } from '../../../node/db/migrate';
import { createUnlessAdopted } from './adopt';

/**
 * Forwarding to offices' WordPress sites: what is due (one row per release, latest version
 * wins) and which WordPress post each release became.
 */
export const migration005: Migration = {
  version: 5,
  name: 'wordpress_queue',
  up(db) {
    createUnlessAdopted(
      db,
      'pub_wp_queue',
      `CREATE TABLE pub_wp_queue (release_id TEXT PRIMARY KEY, office_slug TEXT NOT NULL, version INTEGER NOT NULL,
         attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, last_error TEXT);
       CREATE TABLE pub_wp_posts (release_id TEXT NOT NULL, office_slug TEXT NOT NULL, wp_id INTEGER NOT NULL,
         PRIMARY KEY (release_id, office_slug));`,
    );
  },
};
