import type { Migration } from '../../../node/db/migrate';

/** Offices, people, devices, releases with every revision, annotations and the change log. */
export const migration001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE offices (
        id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, regency_code TEXT,
        province TEXT NOT NULL, province_code TEXT, created_at TEXT NOT NULL
      );
      CREATE TABLE people (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL,
        office_id TEXT NOT NULL REFERENCES offices(id), created_at TEXT NOT NULL
      );
      CREATE TABLE enrollment_codes (
        code_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id),
        expires_at INTEGER NOT NULL, used_at TEXT, created_at TEXT NOT NULL
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id), name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT,
        last_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE push_results (
        device_id TEXT NOT NULL REFERENCES devices(id), seq INTEGER NOT NULL, result TEXT NOT NULL,
        PRIMARY KEY (device_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE releases (
        id TEXT PRIMARY KEY, office_id TEXT NOT NULL REFERENCES offices(id), revision INTEGER NOT NULL,
        deleted INTEGER NOT NULL, status TEXT NOT NULL, publish_at TEXT, slug TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX releases_slug ON releases(slug) WHERE slug <> '' AND deleted = 0;
      CREATE INDEX releases_status ON releases(status, deleted);
      CREATE TABLE changes (
        cursor INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, office_id TEXT NOT NULL,
        release_id TEXT NOT NULL, revision INTEGER, annotation_id TEXT, annotation_version INTEGER
      );
      CREATE INDEX changes_office ON changes(office_id, cursor);
      CREATE TABLE revisions (
        release_id TEXT NOT NULL, revision INTEGER NOT NULL, office_id TEXT NOT NULL,
        deleted INTEGER NOT NULL, fields TEXT, status TEXT NOT NULL, publish_at TEXT,
        event TEXT NOT NULL, from_status TEXT, note TEXT, actor TEXT NOT NULL, cursor INTEGER NOT NULL,
        PRIMARY KEY (release_id, revision)
      ) WITHOUT ROWID;
      CREATE TABLE annotations (
        id TEXT NOT NULL, version INTEGER NOT NULL, release_id TEXT NOT NULL, office_id TEXT NOT NULL,
        type TEXT NOT NULL, base_revision INTEGER NOT NULL, data TEXT NOT NULL, actor TEXT NOT NULL,
        cursor INTEGER NOT NULL, PRIMARY KEY (id, version)
      ) WITHOUT ROWID;
      CREATE TABLE attachments (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, created_at TEXT NOT NULL);
    `);
  },
};
