import type { Db } from '../../store';

/**
 * review_threads, review_replies, review_thread_events: comment threads, their replies and
 * resolve/reopen events. Each is a row of its own, never an edit of another's, so concurrent
 * work merges by union; `hq_time`/`hq_cursor` are filled once HQ confirmed a record.
 */
export interface ThreadRow {
  id: string;
  release_id: string;
  anchor: string;
  quote: string;
  orphaned: number;
  body: string;
  author: string;
  role: string;
  created_at: string;
  hq_time: string | null;
  hq_cursor: number | null;
}

export interface ReplyRow {
  id: string;
  body: string;
  author: string;
  role: string;
  created_at: string;
  hq_time: string | null;
}

export interface EventRow {
  action: 'resolve' | 'reopen';
  author: string;
  created_at: string;
  hq_time: string | null;
}

/** Who wrote a record, when, and (once HQ confirmed it) HQ's time and log position. */
export interface Authored {
  author: string;
  role: string;
  createdAt: string;
  hqTime?: string | null;
  hqCursor?: number | null;
}

export function threadRowsOf(db: Db, releaseId: string): ThreadRow[] {
  return db.prepare<[string], ThreadRow>('SELECT * FROM review_threads WHERE release_id = ?').all(releaseId);
}

export function getThreadRow(db: Db, threadId: string): ThreadRow | undefined {
  return db.prepare<[string], ThreadRow>('SELECT * FROM review_threads WHERE id = ?').get(threadId);
}

/** Replies in the order HQ confirmed them, then the unconfirmed ones by time. */
export function repliesOf(db: Db, threadId: string): ReplyRow[] {
  return db
    .prepare<[string], ReplyRow>(
      'SELECT id, body, author, role, created_at, hq_time FROM review_replies WHERE thread_id = ? ORDER BY hq_cursor IS NULL, hq_cursor, created_at, id',
    )
    .all(threadId);
}

export function eventsOf(db: Db, threadId: string): EventRow[] {
  return db
    .prepare<[string], EventRow>(
      'SELECT action, author, created_at, hq_time FROM review_thread_events WHERE thread_id = ? ORDER BY hq_cursor IS NULL, hq_cursor, local_seq',
    )
    .all(threadId);
}

/** Who wrote a thread, reply or event HQ already confirmed (ids are unique across the three). */
export function confirmedAuthor(db: Db, id: string): { author: string; role: string } | undefined {
  return db
    .prepare<{ id: string }, { author: string; role: string }>(
      `SELECT author, role FROM review_threads WHERE id = @id AND hq_time IS NOT NULL
       UNION ALL SELECT author, role FROM review_replies WHERE id = @id AND hq_time IS NOT NULL
       UNION ALL SELECT author, role FROM review_thread_events WHERE id = @id AND hq_time IS NOT NULL
       LIMIT 1`,
    )
    .get({ id });
}

/** Anchors are this workstation's derived state: re-resolving them does not travel to HQ. */
export function updateAnchor(db: Db, threadId: string, anchor: string, orphaned: boolean): void {
  db.prepare('UPDATE review_threads SET anchor = ?, orphaned = ? WHERE id = ?').run(anchor, orphaned ? 1 : 0, threadId);
}

/** A new thread, or (already here) HQ's confirmation of it. */
export function putThread(
  db: Db,
  t: { id: string; releaseId: string; anchor: string; quote: string; body: string } & Authored,
): void {
  db.prepare(
    `INSERT INTO review_threads (id, release_id, anchor, quote, body, author, role, created_at, hq_time, hq_cursor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
  ).run(
    t.id,
    t.releaseId,
    t.anchor,
    t.quote,
    t.body,
    t.author,
    t.role,
    t.createdAt,
    t.hqTime ?? null,
    t.hqCursor ?? null,
  );
}

export function putReply(
  db: Db,
  r: { id: string; threadId: string; releaseId: string; body: string } & Authored,
): void {
  db.prepare(
    `INSERT INTO review_replies (id, thread_id, release_id, body, author, role, created_at, hq_time, hq_cursor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
  ).run(r.id, r.threadId, r.releaseId, r.body, r.author, r.role, r.createdAt, r.hqTime ?? null, r.hqCursor ?? null);
}

export function putEvent(
  db: Db,
  e: { id: string; threadId: string; releaseId: string; action: 'resolve' | 'reopen' } & Authored,
): void {
  const seq = db
    .prepare<[], { n: number }>('SELECT COALESCE(MAX(local_seq), 0) + 1 AS n FROM review_thread_events')
    .get()!.n;
  db.prepare(
    `INSERT INTO review_thread_events (id, thread_id, release_id, action, author, role, created_at, local_seq, hq_time, hq_cursor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hq_time = excluded.hq_time, hq_cursor = excluded.hq_cursor`,
  ).run(
    e.id,
    e.threadId,
    e.releaseId,
    e.action,
    e.author,
    e.role,
    e.createdAt,
    seq,
    e.hqTime ?? null,
    e.hqCursor ?? null,
  );
}
