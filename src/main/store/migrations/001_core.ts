import type { Migration } from '../../../node/db/migrate';

/** Releases, settings and notices: the tables everything else hangs off. */
export const migration001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE releases (
        -- A stable integer key: the search index (release_search.rowid) points at it.
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        slug TEXT NOT NULL DEFAULT '',
        -- 1 once the writer chose a slug; otherwise it follows the title while a draft.
        slug_custom INTEGER NOT NULL DEFAULT 0,
        dateline TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL,
        category TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        summary TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        office TEXT NOT NULL DEFAULT '',
        lead_image TEXT,
        -- TipTap JSON, the source of truth. Never HTML.
        body TEXT NOT NULL,
        word_count INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'draf',
        sync_state TEXT NOT NULL DEFAULT 'belum_terkirim',
        sync_error TEXT,
        local_rev INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Tombstone: deletes keep the row so the deletion can travel to HQ.
        deleted_at TEXT
      );
      CREATE INDEX releases_live_updated ON releases (deleted_at, updated_at);
      CREATE INDEX releases_slug ON releases (slug);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE notices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL,
        dismissed_at TEXT
      );
    `);
  },
};
