import type { DocNode } from '../../shared/domain/doc';
import type { Status, SyncState } from '../../shared/domain/release';
import { countWords, docToPlainText } from '../../shared/editor/text';
import type { WireFields } from '../../shared/sync/protocol';
import { nowIso } from './clock';
import { recordRevision } from './revisions';
import type { ReleaseRow } from './rows';
import { indexRelease, unindexRelease } from './search';
import { prepareCached } from '../../node/db/statement-cache';
import type { Db } from './types';

/**
 * Releases as they come FROM HQ: written without an outbox row (they need not travel back),
 * but with a revision in the local history and the search index kept in step, the same things
 * a local save does. Always called inside the sync client's own transactions.
 */

export interface RemoteWriteMeta {
  status: Status;
  author: string;
  syncState: SyncState;
  syncError?: string | null;
}

/** What sync reads of a release to settle its state after HQ answered: no fields, so no body parse. */
export interface ReleaseSyncView {
  status: Status;
  deleted: boolean;
  localRev: number;
  syncState: SyncState;
}

/** Deleted ones too, like `getRow(db, id, true)`, without reading the text. */
export function releaseSyncView(db: Db, id: string): ReleaseSyncView | null {
  const row = prepareCached<
    [string],
    { status: string; deleted_at: string | null; local_rev: number; sync_state: string }
  >(db, 'SELECT status, deleted_at, local_rev, sync_state FROM releases WHERE id = ?').get(id);
  if (!row) return null;
  return {
    status: row.status as Status,
    deleted: row.deleted_at !== null,
    localRev: row.local_rev,
    syncState: row.sync_state as SyncState,
  };
}

/** Stores a release as it came from HQ (or as merged with local edits): a new local revision. */
export function writeFromHq(db: Db, id: string, fields: WireFields, meta: RemoteWriteMeta): void {
  const now = nowIso();
  const existing = prepareCached<[string], ReleaseRow>(db, 'SELECT * FROM releases WHERE id = ?').get(id);
  const values = [
    fields.title,
    fields.slug,
    fields.dateline,
    fields.date,
    fields.category,
    JSON.stringify(fields.tags),
    fields.summary,
    fields.byline,
    fields.office,
    fields.leadImage ? JSON.stringify(fields.leadImage) : null,
    JSON.stringify(fields.body),
    countWords(fields.body),
    meta.status,
    meta.syncState,
    meta.syncError ?? null,
    fields.number,
    JSON.stringify(fields.contact),
  ] as const;
  let num: number;
  if (existing) {
    prepareCached(
      db,
      `UPDATE releases SET title = ?, slug = ?, dateline = ?, date = ?, category = ?, tags = ?, summary = ?, byline = ?,
         office = ?, lead_image = ?, body = ?, word_count = ?, status = ?, sync_state = ?, sync_error = ?,
         number = ?, contact = ?, slug_custom = 1, local_rev = local_rev + 1, updated_at = ?, deleted_at = NULL
       WHERE id = ?`,
    ).run(...values, now, id);
    num = existing.num;
  } else {
    const info = prepareCached(
      db,
      `INSERT INTO releases (title, slug, dateline, date, category, tags, summary, byline, office, lead_image, body,
           word_count, status, sync_state, sync_error, number, contact, slug_custom, local_rev, created_at, updated_at, id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)`,
    ).run(...values, now, now, id);
    num = Number(info.lastInsertRowid);
  }
  indexRelease(db, num, { title: fields.title, summary: fields.summary, body: docToPlainText(fields.body) });
  recordRevision(db, id, fields, { author: meta.author, reason: 'merged', now });
}

/** A tombstone from HQ: the row stays (as the store does for local deletes), hidden and unindexed. */
export function deleteFromHq(db: Db, id: string): void {
  const row = prepareCached<[string], { num: number }>(
    db,
    'SELECT num FROM releases WHERE id = ? AND deleted_at IS NULL',
  ).get(id);
  if (!row) return;
  prepareCached(db, "UPDATE releases SET deleted_at = ?, sync_state = 'terkirim', sync_error = NULL WHERE id = ?").run(
    nowIso(),
    id,
  );
  unindexRelease(db, row.num);
}

/** HQ refused a local delete: the release leaves the trash here too, as HQ still has it (no outbox row). */
export function undeleteFromHq(db: Db, id: string): void {
  const row = prepareCached<[string], ReleaseRow>(
    db,
    'SELECT * FROM releases WHERE id = ? AND deleted_at IS NOT NULL',
  ).get(id);
  if (!row) return;
  prepareCached(db, 'UPDATE releases SET deleted_at = NULL WHERE id = ?').run(id);
  indexRelease(db, row.num, {
    title: row.title,
    summary: row.summary,
    body: docToPlainText(JSON.parse(row.body) as DocNode),
  });
}

/**
 * HQ's release number, as its push answer named it: written without a revision or an outbox
 * row (the writer's text did not change, and HQ already holds the number).
 */
export function setNumberFromHq(db: Db, id: string, number: string): void {
  db.prepare('UPDATE releases SET number = ? WHERE id = ?').run(number, id);
}
