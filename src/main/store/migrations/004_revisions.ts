import { countWords } from '../../../shared/editor/text';
import type { DocNode } from '../../../shared/domain/doc';
import type { Migration } from '../../../node/db/migrate';

/** History: one row per revision, holding all of the release's editable fields as JSON. */
export const migration004: Migration = {
  version: 4,
  name: 'revisions',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        release_id TEXT NOT NULL REFERENCES releases (id),
        rev INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        -- Typing keeps refreshing the newest revision; this is when it last changed.
        updated_at TEXT NOT NULL,
        author TEXT NOT NULL,
        reason TEXT NOT NULL,
        restored_from INTEGER,
        title TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        fields TEXT NOT NULL,
        PRIMARY KEY (release_id, rev)
      ) WITHOUT ROWID;
    `);
    // Existing releases start their history with what they hold now.
    const rows = db.prepare('SELECT * FROM releases').all() as Record<string, unknown>[];
    const insert = db.prepare(
      `INSERT INTO revisions (release_id, rev, created_at, updated_at, author, reason, restored_from, title, word_count, fields)
       VALUES (?, 1, ?, ?, ?, 'migrated', NULL, ?, ?, ?)`,
    );
    for (const r of rows) {
      let body: DocNode = { type: 'doc', content: [] };
      try {
        body = JSON.parse(String(r['body'])) as DocNode;
      } catch {
        // keep the empty doc
      }
      const fields = {
        title: r['title'],
        slug: r['slug'],
        dateline: r['dateline'],
        date: r['date'],
        category: r['category'],
        tags: JSON.parse(String(r['tags'] ?? '[]')) as unknown,
        summary: r['summary'],
        byline: r['byline'],
        office: r['office'],
        leadImage: r['lead_image'] ? (JSON.parse(String(r['lead_image'])) as unknown) : null,
        body,
      };
      insert.run(
        r['id'],
        r['updated_at'],
        r['updated_at'],
        'Penulis lokal',
        r['title'],
        countWords(body),
        JSON.stringify(fields),
      );
    }
  },
};
