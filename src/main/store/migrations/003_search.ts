import { docToPlainText } from '../../../shared/editor/text';
import type { DocNode } from '../../../shared/domain/doc';
import { indexableText } from '../search-text';
import type { Migration } from '../../../node/db/migrate';

/**
 * Full-text search: FTS5, case- and diacritic-insensitive ("Pemilu" finds "pemilú").
 * Its rowid is releases.num; it keeps its own copy of the text for highlight()/snippet().
 */
export const migration003: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE release_search USING fts5 (
        title, summary, body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
    const insert = db.prepare('INSERT INTO release_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)');
    const rows = db.prepare('SELECT num, title, summary, body FROM releases WHERE deleted_at IS NULL').all() as {
      num: number;
      title: string;
      summary: string;
      body: string;
    }[];
    for (const row of rows) {
      let text = '';
      try {
        text = docToPlainText(JSON.parse(row.body) as DocNode);
      } catch {
        // A body that is not JSON still gets its title and summary indexed.
      }
      insert.run(row.num, indexableText(row.title), indexableText(row.summary), indexableText(text));
    }
  },
};
