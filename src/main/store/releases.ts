import { v7 as uuidv7 } from 'uuid';
import { WartaError } from '../../shared/contract/define';
import { emptyDoc, type DocNode } from '../../shared/domain/doc';
import { checkReleaseSize, MAX_RELEASE_BODY_BYTES, MAX_RELEASE_NODES } from '../../shared/domain/limits';
import {
  emptyContact,
  releaseFields,
  type Category,
  type Release,
  type ReleaseFields,
  type ReleaseSummary,
  type Status,
  type SyncState,
} from '../../shared/domain/release';
import { jsonEqual } from '../../shared/sync/merge';
import { docToPlainText, countWordsInText } from '../../shared/editor/text';
import { localDate, nowIso } from './clock';
import { appendOutbox, type OutboxKind } from './outbox';
import { recordRevision, type RevisionReason } from './revisions';
import { rowFields, rowToRelease, rowToSummary, SUMMARY_COLUMNS, type ReleaseRow } from './rows';
import { indexRelease, markForIndex, unindexRelease } from './search';
import { slugify } from '../../shared/text/slugify';
import { isDeleteLocked } from '../../shared/workflow';
import { uniqueSlug } from './slug';
import { prepareCached } from '../../node/db/statement-cache';
import type { Store } from './store';
import type { Db } from './types';

export function getRow(db: Db, id: string, includeDeleted = false): ReleaseRow | undefined {
  const row = prepareCached<[string], ReleaseRow>(db, 'SELECT * FROM releases WHERE id = ?').get(id);
  if (!row || (!includeDeleted && row.deleted_at !== null)) return undefined;
  return row;
}

export function requireRow(db: Db, id: string): ReleaseRow {
  const row = getRow(db, id);
  if (!row) throw new WartaError('not_found', 'release.notFound', { id });
  return row;
}

export function getRelease(db: Db, id: string): Release {
  return rowToRelease(requireRow(db, id));
}

/** "KPU Kabupaten Blora" → "Blora": a sensible first dateline for a new release. */
function datelineFromOffice(office: string): string {
  return office.replace(/^\s*KPU\s+(Provinsi|Kabupaten|Kab\.|Kota)\s+/i, '').trim();
}

const COLUMNS = [
  'id',
  'title',
  'slug',
  'slug_custom',
  'dateline',
  'date',
  'category',
  'tags',
  'summary',
  'byline',
  'office',
  'lead_image',
  'body',
  'number',
  'contact',
  'word_count',
  'status',
  'sync_state',
  'sync_error',
  'local_rev',
  'created_at',
  'updated_at',
] as const;
const INSERT_ROW = `INSERT INTO releases (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`;
const UPDATE_ROW = `UPDATE releases SET ${COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id`;

/** The row's columns from a Release; `bodyJson` is its body already serialized. */
function rowValues(r: Release, slugCustom: boolean, wordCount: number, bodyJson: string): Record<string, unknown> {
  return {
    id: r.id,
    title: r.title,
    slug: r.slug,
    slug_custom: slugCustom ? 1 : 0,
    dateline: r.dateline,
    date: r.date,
    category: r.category,
    tags: JSON.stringify(r.tags),
    summary: r.summary,
    byline: r.byline,
    office: r.office,
    lead_image: r.leadImage ? JSON.stringify(r.leadImage) : null,
    body: bodyJson,
    number: r.number,
    contact: JSON.stringify(r.contact),
    word_count: wordCount,
    status: r.status,
    sync_state: r.syncState,
    sync_error: r.syncError,
    local_rev: r.localRev,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

/**
 * Two serializations of equal JSON values have the same length, so only a body of the stored
 * length needs parsing to compare: typing changes the length, and skips the parse.
 */
function sameBody(json: string, stored: string): boolean {
  if (json === stored) return true;
  if (json.length !== stored.length) return false;
  try {
    return jsonEqual(JSON.parse(json), JSON.parse(stored));
  } catch {
    return false;
  }
}

/** `fields` as JSON, splicing in the body's JSON instead of serializing the large part again. */
function fieldsJson(fields: ReleaseFields, bodyJson: string): string {
  const { body: _body, ...rest } = fields;
  return `{"body":${bodyJson},${JSON.stringify(rest).slice(1)}`;
}

export interface CommitOptions {
  author: string;
  reason: RevisionReason;
  /** The outbox row to write, or null for changes that came from HQ (the sync client's merges). */
  outbox: OutboxKind | null;
  restoredFrom?: number;
}

/** Resolves the slug a save ends with: a chosen one sticks, an automatic one follows a draft's title. */
function resolveSlug(
  db: Db,
  prev: ReleaseRow | undefined,
  id: string,
  patch: Partial<ReleaseFields>,
  title: string,
  status: Status,
) {
  const prevSlug = prev?.slug ?? '';
  let custom = prev ? prev.slug_custom === 1 : false;
  if (patch.slug !== undefined && patch.slug !== prevSlug) {
    const chosen = slugify(patch.slug);
    custom = chosen !== '';
    return { slug: uniqueSlug(db, chosen || slugify(title), id), custom };
  }
  if (!prev || (!custom && status === 'draf' && title !== prev.title)) {
    return { slug: uniqueSlug(db, slugify(title), id), custom };
  }
  return { slug: prevSlug, custom };
}

/** A body over the caps HQ also enforces is refused here, before anything is stored. */
function refuseOversizedBody(body: DocNode | undefined): void {
  if (body === undefined) return;
  const size = checkReleaseSize(body);
  if (size.ok) return;
  throw new WartaError('too_large', 'release.tooLarge', {
    limit: size.limit,
    limitMb: MAX_RELEASE_BODY_BYTES / (1024 * 1024),
    limitNodes: MAX_RELEASE_NODES,
  });
}

/**
 * The one way a release is stored: row, search index, history and outbox all in one
 * transaction, so a crash leaves either all of them or none. A save that changes
 * nothing stores nothing and returns the release as it is.
 */
export function commitRelease(
  store: Store,
  id: string,
  patch: Partial<ReleaseFields>,
  opts: CommitOptions,
  statusChange?: Status,
): Release {
  const { db } = store;
  refuseOversizedBody(patch.body);
  return db.transaction((): Release => {
    const prevRow = requireRow(db, id);
    // The stored body is parsed only when it is kept (or might equal the new one): a save while
    // typing sends the whole body, and parsing the old one on every save cost as much as storing.
    // `prev` carries the new body when one came: only its other fields are read below.
    const prev = rowToRelease(prevRow, patch.body);
    const bodyJson = JSON.stringify(prev.body);
    const bodySame = sameBody(bodyJson, prevRow.body);
    const status = statusChange ?? prev.status;
    const title = patch.title ?? prev.title;
    const { slug, custom } = resolveSlug(db, prevRow, id, patch, title, status);
    // The number is HQ's (it arrives with sync, written by hq-writes): a save or a restored
    // revision never changes it here.
    const fields: ReleaseFields = { ...releaseFields(prev), ...patch, slug, number: prevRow.number };
    const { body: _nextBody, ...nextRest } = fields;
    const { body: _prevBody, ...prevRest } = rowFields(prevRow, prev.body);
    const contentChanged = !bodySame || !jsonEqual(nextRest, prevRest);
    if (!contentChanged && status === prev.status && custom === (prevRow.slug_custom === 1)) {
      return prev;
    }
    const now = nowIso();
    const next: Release = {
      ...prev,
      ...fields,
      status,
      localRev: prev.localRev + 1,
      updatedAt: now,
      // A local change has to travel again, whatever HQ said about the previous one.
      ...(opts.outbox ? { syncState: 'belum_terkirim' as SyncState, syncError: null } : {}),
    };
    const words = countWordsInText(docToPlainText(next.body));
    prepareCached(db, UPDATE_ROW).run(rowValues(next, custom, words, bodyJson));
    markForIndex(db, prevRow.num);
    if (contentChanged || opts.reason === 'restored') {
      recordRevision(db, id, fields, {
        author: opts.author,
        reason: opts.reason,
        now,
        json: fieldsJson(fields, bodyJson),
        words,
        ...(opts.restoredFrom ? { restoredFrom: opts.restoredFrom } : {}),
      });
    }
    if (opts.outbox) appendOutbox(db, id, opts.outbox, next.localRev);
    return next;
  })();
}

/** A new draft with sensible defaults (today's date, the enrolled office and name). */
export function createRelease(store: Store, patch: Partial<ReleaseFields> = {}, id: string = uuidv7()): Release {
  const { db } = store;
  refuseOversizedBody(patch.body);
  const identity = store.identity();
  return db.transaction((): Release => {
    const now = nowIso();
    const title = patch.title ?? '';
    const chosen = patch.slug ? slugify(patch.slug) : '';
    const slug = uniqueSlug(db, chosen || slugify(title), id);
    const office = patch.office ?? identity?.office ?? '';
    const release: Release = {
      id,
      title,
      slug,
      dateline: patch.dateline ?? datelineFromOffice(office),
      date: patch.date ?? localDate(),
      category: patch.category ?? ('berita-terkini' satisfies Category),
      tags: patch.tags ?? [],
      summary: patch.summary ?? '',
      byline: patch.byline ?? identity?.name ?? '',
      office,
      leadImage: patch.leadImage ?? null,
      body: patch.body ?? emptyDoc(),
      number: '',
      contact: patch.contact ?? emptyContact(),
      status: 'draf',
      createdAt: now,
      updatedAt: now,
      localRev: 1,
      syncState: 'belum_terkirim',
      syncError: null,
    };
    const text = docToPlainText(release.body);
    const words = countWordsInText(text);
    const bodyJson = JSON.stringify(release.body);
    const fields = releaseFields(release);
    const { lastInsertRowid } = prepareCached(db, INSERT_ROW).run(rowValues(release, chosen !== '', words, bodyJson));
    indexRelease(db, Number(lastInsertRowid), { title: release.title, summary: release.summary, body: text });
    recordRevision(db, id, fields, {
      author: store.authorName(),
      reason: 'created',
      now,
      json: fieldsJson(fields, bodyJson),
      words,
    });
    appendOutbox(db, id, 'create', release.localRev);
    return release;
  })();
}

/**
 * Tombstone: the row stays (so the delete can reach HQ, and the trash can restore it), hidden
 * from lists and search. A release that is or will be public cannot be deleted (the shared rule
 * HQ applies too): only a withdrawal takes it off the site.
 */
export function deleteRelease(store: Store, id: string): void {
  const { db } = store;
  db.transaction(() => {
    const row = requireRow(db, id);
    if (isDeleteLocked({ status: row.status as Status, publishAt: null }))
      throw new WartaError('conflict', 'release.deleteLocked', { id });
    const now = nowIso();
    const localRev = row.local_rev + 1;
    db.prepare(
      `UPDATE releases SET deleted_at = ?, updated_at = ?, local_rev = ?, sync_state = 'belum_terkirim', sync_error = NULL WHERE id = ?`,
    ).run(now, now, localRev, id);
    unindexRelease(db, row.num);
    appendOutbox(db, id, 'delete', localRev);
  })();
}

/** For the sync client: record what HQ said, without counting it as a local change. */
export function setSyncState(db: Db, id: string, syncState: SyncState, syncError: string | null = null): void {
  prepareCached(db, 'UPDATE releases SET sync_state = ?, sync_error = ? WHERE id = ?').run(syncState, syncError, id);
}

/** Shows a live release as `konflik` (keeping its sync error) while sync holds a conflict for it. */
export function markConflicted(db: Db, id: string): void {
  prepareCached(
    db,
    "UPDATE releases SET sync_state = 'konflik' WHERE id = ? AND sync_state <> 'konflik' AND deleted_at IS NULL",
  ).run(id);
}

export function countLiveReleases(db: Db): number {
  return prepareCached<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM releases WHERE deleted_at IS NULL').get()!.n;
}

/** For review: a workflow move changes the status only, not the text (no revision, no outbox row). */
export function setStatus(db: Db, id: string, status: Status, onlyIf?: Status): void {
  if (onlyIf) db.prepare('UPDATE releases SET status = ? WHERE id = ? AND status = ?').run(status, id, onlyIf);
  else db.prepare('UPDATE releases SET status = ? WHERE id = ?').run(status, id);
}

/** Live releases in one status, as the review queue lists them. */
export function listByStatus(
  db: Db,
  status: Status,
): { id: string; title: string; office: string; status: Status; updatedAt: string }[] {
  return db
    .prepare<[Status], { id: string; title: string; office: string; status: Status; updatedAt: string }>(
      'SELECT id, title, office, status, updated_at AS updatedAt FROM releases WHERE deleted_at IS NULL AND status = ?',
    )
    .all(status);
}

export interface ListQuery {
  status?: Status | undefined;
  category?: Category | undefined;
  sort: 'updated_desc' | 'updated_asc' | 'title_asc' | 'date_desc';
  limit: number;
  offset: number;
}

const ORDER: Record<ListQuery['sort'], string> = {
  updated_desc: 'updated_at DESC, num DESC',
  updated_asc: 'updated_at ASC, num ASC',
  title_asc: 'title COLLATE NOCASE ASC, num ASC',
  date_desc: 'date DESC, updated_at DESC',
};

export function listReleases(db: Db, q: ListQuery): { items: ReleaseSummary[]; total: number } {
  const where = ['deleted_at IS NULL'];
  const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
  if (q.status) {
    where.push('status = @status');
    params['status'] = q.status;
  }
  if (q.category) {
    where.push('category = @category');
    params['category'] = q.category;
  }
  const cond = where.join(' AND ');
  const total = (prepareCached(db, `SELECT count(*) AS n FROM releases WHERE ${cond}`).get(params) as { n: number }).n;
  // Lists skip the body column: it is the large one and the list doesn't show it.
  const items = (
    prepareCached(
      db,
      `SELECT ${SUMMARY_COLUMNS} FROM releases r WHERE ${cond} ORDER BY ${ORDER[q.sort]} LIMIT @limit OFFSET @offset`,
    ).all(params) as ReleaseRow[]
  ).map(rowToSummary);
  return { items, total };
}
