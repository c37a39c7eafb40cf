import type { ReleaseFields, Status, SyncState } from '../../shared/domain/release';
import { docToPlainText, countWords } from '../../shared/editor/text';
import type { WireFields } from '../../shared/sync/protocol';
import { nowIso } from '../store/clock';
import { recordRevision } from '../store/revisions';
import { rowFields, type ReleaseRow } from '../store/rows';
import { indexRelease, unindexRelease } from '../store/search';
import type { Db } from '../store/types';
import { q } from '../../node/db/statement-cache';

/**
 * How the sync client reads and writes the local releases. Changes that come FROM HQ are
 * written here without an outbox row (they need not travel back), but with a revision in
 * the local history and the search index kept in step — the same things a local save does.
 * Always called inside the sync client's own transactions.
 */

export interface LocalRelease {
  id: string;
  fields: WireFields;
  status: Status;
  deleted: boolean;
  localRev: number;
  syncState: SyncState;
}

/** Domain fields → wire snapshot (the wire form is strict: every key present, nothing extra). */
export function toWire(f: ReleaseFields): WireFields {
  return {
    title: f.title,
    slug: f.slug,
    dateline: f.dateline,
    date: f.date,
    category: f.category,
    tags: [...f.tags],
    summary: f.summary,
    byline: f.byline,
    office: f.office,
    leadImage: f.leadImage
      ? {
          attachment: f.leadImage.attachment,
          caption: f.leadImage.caption ?? '',
          credit: f.leadImage.credit ?? '',
          alt: f.leadImage.alt ?? '',
        }
      : null,
    body: f.body,
  };
}

export function readLocal(db: Db, id: string): LocalRelease | null {
  const row = q<[string], ReleaseRow>(db, 'SELECT * FROM releases WHERE id = ?').get(id);
  if (!row) return null;
  return {
    id: row.id,
    fields: toWire(rowFields(row)),
    status: row.status as Status,
    deleted: row.deleted_at !== null,
    localRev: row.local_rev,
    syncState: row.sync_state as SyncState,
  };
}

export function countLiveReleases(db: Db): number {
  return q<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM releases WHERE deleted_at IS NULL').get()!.n;
}

export interface RemoteWriteMeta {
  status: Status;
  author: string;
  syncState: SyncState;
  syncError?: string | null;
}

/** Stores a release as it came from HQ (or as merged with local edits): a new local revision. */
export function writeFromHq(db: Db, id: string, fields: WireFields, meta: RemoteWriteMeta): void {
  const now = nowIso();
  const existing = q<[string], ReleaseRow>(db, 'SELECT * FROM releases WHERE id = ?').get(id);
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
  ] as const;
  let num: number;
  if (existing) {
    q(
      db,
      `UPDATE releases SET title = ?, slug = ?, dateline = ?, date = ?, category = ?, tags = ?, summary = ?, byline = ?,
         office = ?, lead_image = ?, body = ?, word_count = ?, status = ?, sync_state = ?, sync_error = ?,
         slug_custom = 1, local_rev = local_rev + 1, updated_at = ?, deleted_at = NULL
       WHERE id = ?`,
    ).run(...values, now, id);
    num = existing.num;
  } else {
    const info = q(
      db,
      `INSERT INTO releases (title, slug, dateline, date, category, tags, summary, byline, office, lead_image, body,
           word_count, status, sync_state, sync_error, slug_custom, local_rev, created_at, updated_at, id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)`,
    ).run(...values, now, now, id);
    num = Number(info.lastInsertRowid);
  }
  indexRelease(db, num, { title: fields.title, summary: fields.summary, body: docToPlainText(fields.body) });
  recordRevision(db, id, fields, { author: meta.author, reason: 'merged', now });
}

/** A tombstone from HQ: the row stays (as the store does for local deletes), hidden and unindexed. */
export function deleteFromHq(db: Db, id: string): void {
  const row = q<[string], { num: number }>(db, 'SELECT num FROM releases WHERE id = ? AND deleted_at IS NULL').get(id);
  if (!row) return;
  q(db, "UPDATE releases SET deleted_at = ?, sync_state = 'terkirim', sync_error = NULL WHERE id = ?").run(
    nowIso(),
    id,
  );
  unindexRelease(db, row.num);
}

export function setSyncState(db: Db, id: string, state: SyncState, error: string | null = null): void {
  q(db, 'UPDATE releases SET sync_state = ?, sync_error = ? WHERE id = ?').run(state, error, id);
}

/** Outbox rows still waiting for this release (local work HQ has not seen). */
export function outboxUpto(db: Db, id: string): number | null {
  const row = q<[string], { m: number | null }>(db, 'SELECT MAX(seq) AS m FROM outbox WHERE release_id = ?').get(id);
  return row?.m ?? null;
}
