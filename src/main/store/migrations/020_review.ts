import type { Migration } from '../../../node/db/migrate';

/**
 * Review (owned by src/main/review): comment threads, replies and their resolve /
 * reopen events, workflow transitions, the approval pin, the audit trail and the review
 * outbox. Each kind of record is append-only (a reply or an event is a new row, never an
 * edit of an old one), so concurrent work from several people merges by union and nothing a
 * reviewer wrote can be overwritten. `hq_cursor`/`hq_time` are filled once HQ confirmed a
 * record: the order and time everyone agrees on.
 */
export const migration020: Migration = {
  version: 20,
  name: 'review',
  up(db) {
    db.exec(`
      CREATE TABLE review_threads (
        id TEXT PRIMARY KEY,
        release_id TEXT NOT NULL,
        -- Anchor JSON (block id, offsets, quote, context), kept re-resolved against the body.
        anchor TEXT NOT NULL,
        -- The words first commented on: shown when the passage is gone.
        quote TEXT NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL,
        author TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        hq_time TEXT,
        hq_cursor INTEGER
      );
      CREATE INDEX review_threads_release ON review_threads (release_id);

      CREATE TABLE review_replies (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL,
        release_id TEXT NOT NULL,
        body TEXT NOT NULL,
        author TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        hq_time TEXT,
        hq_cursor INTEGER
      );
      CREATE INDEX review_replies_thread ON review_replies (thread_id);

      -- "Selesaikan" / reopen: the latest event (in HQ order once confirmed) decides the state.
      CREATE TABLE review_thread_events (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL,
        release_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('resolve', 'reopen')),
        author TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        local_seq INTEGER NOT NULL,
        hq_time TEXT,
        hq_cursor INTEGER
      );
      CREATE INDEX review_thread_events_thread ON review_thread_events (thread_id);

      -- Transitions made on this workstation: pending until HQ accepts or rejects them.
      CREATE TABLE review_transitions (
        id TEXT PRIMARY KEY,
        release_id TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        author TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        publish_at TEXT,
        content_hash TEXT NOT NULL,
        note TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
        reason TEXT,
        hq_revision INTEGER,
        hq_time TEXT
      );
      CREATE INDEX review_transitions_release ON review_transitions (release_id);

      -- The approval pin and who moved the release last.
      CREATE TABLE review_workflow (
        release_id TEXT PRIMARY KEY,
        approved_hash TEXT,
        publish_at TEXT,
        changed_by TEXT,
        changed_role TEXT,
        changed_at TEXT,
        notice TEXT
      ) WITHOUT ROWID;

      -- The local audit trail: append-only.
      CREATE TABLE review_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        release_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT,
        detail TEXT,
        ref TEXT,
        hq_time TEXT
      );
      CREATE INDEX review_audit_release ON review_audit (release_id, id);
      CREATE UNIQUE INDEX review_audit_ref ON review_audit (ref) WHERE ref IS NOT NULL;

      -- Review changes waiting to travel to HQ, written in the same transaction as the change.
      CREATE TABLE review_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('annotation.put', 'workflow.transition')),
        release_id TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Set once handed to the sync engine's queue (which owns its seq and resends): the entry.
        sent_entry TEXT
      );
    `);
  },
};
