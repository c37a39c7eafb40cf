import type { Migration } from '../../../node/db/migrate';

/**
 * Releases whose search index lags their row: a save marks the release here in its own
 * transaction, and the next search reindexes what is marked before it queries.
 */
export const migration033: Migration = {
  version: 33,
  name: 'search_pending',
  up(db) {
    db.exec('CREATE TABLE search_pending (num INTEGER PRIMARY KEY)');
  },
};
