import type { Migration } from '../../../node/db/migrate';

/** The public site's own step counter: user_version now records every step, so it goes. */
export const migration006: Migration = {
  version: 6,
  name: 'drop_pub_schema',
  up(db) {
    db.exec('DROP TABLE IF EXISTS pub_schema');
  },
};
