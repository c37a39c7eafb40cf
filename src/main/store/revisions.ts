import { ReleaseFieldsSchema, type ReleaseFields } from '../../shared/domain/release';
import { countWords } from '../../shared/editor/text';
import { prepareCached } from '../../node/db/statement-cache';
import type { Db } from './types';

/**
 * Why a revision exists. `created` and `edited` come from the writer typing and may be
 * coalesced; the others always stand on their own.
 */
export type RevisionReason = 'created' | 'edited' | 'restored' | 'merged' | 'recovered' | 'migrated';

/**
 * Coalescing while typing: autosave stores up to once a second, which would bury the
 * history in near-identical versions. A save by the same author refreshes the newest
 * revision instead of adding one while (a) that revision came from typing, (b) the
 * author paused less than COALESCE_IDLE_MS since it was last refreshed and (c) it is
 * younger than COALESCE_SPAN_MS (so a long session still leaves checkpoints).
 * A restore, a merge from HQ or another author always starts a new revision, and the
 * next typing after a restore starts another, so the restored text stays as it was.
 */
export const COALESCE_IDLE_MS = 5 * 60_000;
const COALESCE_SPAN_MS = 30 * 60_000;
const COALESCIBLE = new Set<string>(['created', 'edited']);

interface RevisionRow {
  release_id: string;
  rev: number;
  created_at: string;
  updated_at: string;
  author: string;
  reason: string;
  restored_from: number | null;
  title: string;
  word_count: number;
  fields: string;
}

export interface RevisionMetaOut {
  rev: number;
  /** When this revision's text was stored (its last refresh, for a coalesced one). */
  createdAt: string;
  author: string;
  title: string;
  wordCount: number;
  reason: string;
  restoredFrom: number | null;
}

const toMeta = (r: RevisionRow): RevisionMetaOut => ({
  rev: r.rev,
  createdAt: r.updated_at,
  author: r.author,
  title: r.title,
  wordCount: r.word_count,
  reason: r.reason,
  restoredFrom: r.restored_from,
});

export interface RecordOptions {
  author: string;
  reason: RevisionReason;
  restoredFrom?: number;
  now: string;
  /** `fields` serialized and its body's word count, when the caller has them already. */
  json?: string;
  words?: number;
}

/** What coalescing looks at: the newest revision without its (large) fields. */
type NewestRow = Pick<RevisionRow, 'rev' | 'reason' | 'author' | 'created_at' | 'updated_at'>;

/** Stores `fields` as history; returns the revision number that now holds them. */
export function recordRevision(db: Db, releaseId: string, fields: ReleaseFields, opts: RecordOptions): number {
  const newest = prepareCached<[string], NewestRow>(
    db,
    'SELECT rev, reason, author, created_at, updated_at FROM revisions WHERE release_id = ? ORDER BY rev DESC LIMIT 1',
  ).get(releaseId);
  const json = opts.json ?? JSON.stringify(fields);
  const words = opts.words ?? countWords(fields.body);
  const nowMs = Date.parse(opts.now);
  if (
    newest &&
    opts.reason === 'edited' &&
    COALESCIBLE.has(newest.reason) &&
    newest.author === opts.author &&
    nowMs - Date.parse(newest.updated_at) < COALESCE_IDLE_MS &&
    nowMs - Date.parse(newest.created_at) < COALESCE_SPAN_MS
  ) {
    prepareCached(
      db,
      'UPDATE revisions SET fields = ?, title = ?, word_count = ?, updated_at = ? WHERE release_id = ? AND rev = ?',
    ).run(json, fields.title, words, opts.now, releaseId, newest.rev);
    return newest.rev;
  }
  const rev = (newest?.rev ?? 0) + 1;
  prepareCached(
    db,
    `INSERT INTO revisions (release_id, rev, created_at, updated_at, author, reason, restored_from, title, word_count, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    releaseId,
    rev,
    opts.now,
    opts.now,
    opts.author,
    opts.reason,
    opts.restoredFrom ?? null,
    fields.title,
    words,
    json,
  );
  return rev;
}

/** Newest first. */
export function listRevisions(db: Db, releaseId: string): RevisionMetaOut[] {
  return db
    .prepare<[string], RevisionRow>('SELECT * FROM revisions WHERE release_id = ? ORDER BY rev DESC')
    .all(releaseId)
    .map(toMeta);
}

export function getRevision(
  db: Db,
  releaseId: string,
  rev: number,
): (RevisionMetaOut & { fields: ReleaseFields }) | null {
  const row = db
    .prepare<[string, number], RevisionRow>('SELECT * FROM revisions WHERE release_id = ? AND rev = ?')
    .get(releaseId, rev);
  if (!row) return null;
  const parsed = ReleaseFieldsSchema.safeParse(JSON.parse(row.fields));
  if (!parsed.success) throw new Error(`revision ${rev} of ${releaseId} holds fields that no longer fit the schema`);
  return { ...toMeta(row), fields: parsed.data };
}
