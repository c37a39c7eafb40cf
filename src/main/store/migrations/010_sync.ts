import type { Migration } from '../../../node/db/migrate';

/**
 * The sync client's own tables (owned by src/main/sync). The store's `outbox` is the input;
 * these remember what was sent, what HQ answered and what the workstation last saw from HQ.
 */
export const migration010: Migration = {
  version: 10,
  name: 'sync',
  up(db) {
    db.exec(`
      -- Small durable counters: pull cursor, next push seq, device id the seqs belong to.
      CREATE TABLE IF NOT EXISTS sync_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- The last HQ revision this workstation has of each release, with its content: the
      -- base of every three-way merge and the baseRevision of the next push.
      CREATE TABLE IF NOT EXISTS sync_base (
        release_id TEXT PRIMARY KEY,
        hq_rev INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        fields TEXT,
        status TEXT
      ) WITHOUT ROWID;

      -- Push entries with their seq, assigned (and committed) before they are sent, so a
      -- resend after a crash or a lost answer reuses the same seq and HQ replays its result.
      CREATE TABLE IF NOT EXISTS sync_push (
        seq INTEGER PRIMARY KEY,
        release_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        base_rev INTEGER NOT NULL,
        payload TEXT,
        outbox_upto INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS sync_push_release ON sync_push (release_id);

      -- Every HQ revision this workstation has seen, exactly once: HQ's history, mirrored.
      CREATE TABLE IF NOT EXISTS sync_hq_revisions (
        release_id TEXT NOT NULL,
        hq_rev INTEGER NOT NULL,
        event TEXT NOT NULL,
        author TEXT NOT NULL,
        hq_time TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        status TEXT,
        fields TEXT,
        PRIMARY KEY (release_id, hq_rev)
      ) WITHOUT ROWID;

      -- An open conflict per release: base, mine (at detection) and theirs, plus the clashes.
      CREATE TABLE IF NOT EXISTS sync_conflicts (
        release_id TEXT PRIMARY KEY,
        theirs_rev INTEGER NOT NULL,
        theirs_author TEXT NOT NULL,
        theirs_fields TEXT,
        theirs_status TEXT,
        base_fields TEXT,
        blocks TEXT NOT NULL,
        fields TEXT NOT NULL,
        detected_at TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Releases whose conflict was resolved locally: the next push is a release.resolve.
      CREATE TABLE IF NOT EXISTS sync_resolved (
        release_id TEXT PRIMARY KEY,
        head_rev INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Attachments HQ is known to hold, so they are not offered again.
      CREATE TABLE IF NOT EXISTS sync_uploaded (
        sha256 TEXT PRIMARY KEY
      ) WITHOUT ROWID;

      -- The sync log the writer can read afterwards.
      CREATE TABLE IF NOT EXISTS sync_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        level TEXT NOT NULL,
        message TEXT NOT NULL,
        release_id TEXT
      );
    `);
  },
};
