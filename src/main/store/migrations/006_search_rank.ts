import type { Migration } from '../../../node/db/migrate';

/**
 * Stores the ranking (bm25, title weighing most) in the FTS5 table itself, so searches can
 * `ORDER BY rank LIMIT n`: FTS5 then hands rows over already ranked and SQLite computes
 * highlights and snippets only for the rows it returns, not for every match.
 */
export const migration006: Migration = {
  version: 6,
  name: 'search_rank',
  up(db) {
    db.prepare(`INSERT INTO release_search (release_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')`).run();
  },
};
