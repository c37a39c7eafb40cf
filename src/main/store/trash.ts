import { WartaError } from '../../shared/contract/define';
import { TRASH_DAYS } from '../../shared/contract/releases';
import type { Release, ReleaseSummary } from '../../shared/domain/release';
import { docToPlainText } from '../../shared/editor/text';
import { prepareCached } from '../../node/db/statement-cache';
import { nowIso } from './clock';
import { appendOutbox } from './outbox';
import { getRow } from './releases';
import { recordRevision } from './revisions';
import { rowFields, rowToRelease, rowToSummary, type ReleaseRow } from './rows';
import { indexRelease } from './search';
import type { Store } from './store';
import type { Db } from './types';

const TRASH_MS = TRASH_DAYS * 24 * 3600_000;

export type TrashItem = ReleaseSummary & { deletedAt: string };

/**
 * Forgets releases deleted more than TRASH_DAYS ago, history included — but only once HQ has
 * the delete (no outbox row left): a purge never loses a change sync still has to send. HQ
 * keeps its tombstone, so an admin can still restore there and the release comes back.
 */
export function purgeTrash(db: Db, now: Date = new Date()): number {
  const cutoff = new Date(now.getTime() - TRASH_MS).toISOString();
  return db.transaction(() => {
    const ids = prepareCached<[string], { id: string }>(
      db,
      `SELECT id FROM releases WHERE deleted_at IS NOT NULL AND deleted_at < ?
         AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.release_id = releases.id)`,
    )
      .all(cutoff)
      .map((r) => r.id);
    for (const id of ids) {
      prepareCached(db, 'DELETE FROM revisions WHERE release_id = ?').run(id);
      prepareCached(db, 'DELETE FROM releases WHERE id = ?').run(id);
    }
    return ids.length;
  })();
}

/** The trash: releases deleted within TRASH_DAYS, the latest first (older ones are purged first). */
export function listTrash(db: Db, now: Date = new Date()): TrashItem[] {
  purgeTrash(db, now);
  return prepareCached<[], ReleaseRow>(
    db,
    `SELECT num, id, title, slug, slug_custom, dateline, date, category, tags, summary, byline, office, lead_image,
            'null' AS body, word_count, status, sync_state, sync_error, local_rev, created_at, updated_at, deleted_at
     FROM releases WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, num DESC`,
  )
    .all()
    .map((row) => ({ ...rowToSummary(row), deletedAt: row.deleted_at! }));
}

/**
 * "Pulihkan": the release leaves the trash as it was deleted — back in lists and search, with a
 * history entry — and the restore travels to HQ like a save (an upsert on HQ's tombstone).
 */
export function restoreRelease(store: Store, id: string): Release {
  const { db } = store;
  return db.transaction((): Release => {
    const row = getRow(db, id, true);
    if (!row || row.deleted_at === null) throw new WartaError('not_found', 'release.notInTrash', { id });
    const now = nowIso();
    const localRev = row.local_rev + 1;
    prepareCached(
      db,
      `UPDATE releases SET deleted_at = NULL, updated_at = ?, local_rev = ?, sync_state = 'belum_terkirim', sync_error = NULL
       WHERE id = ?`,
    ).run(now, localRev, id);
    const fields = rowFields(row);
    indexRelease(db, row.num, { title: fields.title, summary: fields.summary, body: docToPlainText(fields.body) });
    recordRevision(db, id, fields, { author: store.authorName(), reason: 'restored', now });
    appendOutbox(db, id, 'save', localRev);
    return rowToRelease({
      ...row,
      deleted_at: null,
      updated_at: now,
      local_rev: localRev,
      sync_state: 'belum_terkirim',
      sync_error: null,
    });
  })();
}
