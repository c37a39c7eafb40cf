import type { Highlight } from '../../shared/contract/releases';
import type { DocNode } from '../../shared/domain/doc';
import type { ReleaseSummary } from '../../shared/domain/release';
import { docToPlainText } from '../../shared/editor/text';
import { prepareCached } from '../../node/db/statement-cache';
import { rowToSummary, SUMMARY_COLUMNS, type ReleaseRow } from './rows';
import { MARK_CLOSE, MARK_OPEN, indexableText } from './search-text';
import type { Db } from './types';

/** Keeps release_search in step with a release; call inside the transaction that stores it. */
export function indexRelease(db: Db, num: number, text: { title: string; summary: string; body: string }): void {
  prepareCached(db, 'DELETE FROM release_search WHERE rowid = ?').run(num);
  prepareCached(db, 'INSERT INTO release_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)').run(
    num,
    indexableText(text.title),
    indexableText(text.summary),
    indexableText(text.body),
  );
}

export function unindexRelease(db: Db, num: number): void {
  prepareCached(db, 'DELETE FROM release_search WHERE rowid = ?').run(num);
}

/**
 * Marks a release for reindexing instead of reindexing it now: a save while typing would
 * otherwise tokenize the whole body twice (out of the index, back in) and write a new index
 * segment on every autosave. The mark is written in the save's own transaction, so a crash
 * keeps it; the next search brings the index up to date first (see `indexPending`).
 */
export function markForIndex(db: Db, num: number): void {
  prepareCached(db, 'INSERT OR IGNORE INTO search_pending (num) VALUES (?)').run(num);
}

/** Reindexes every release marked since the last search, in one transaction. */
function indexPending(db: Db): void {
  const pending = prepareCached<[], { num: number }>(db, 'SELECT num FROM search_pending').all();
  if (!pending.length) return;
  const read = prepareCached<[number], { title: string; summary: string; body: string; deleted_at: string | null }>(
    db,
    'SELECT title, summary, body, deleted_at FROM releases WHERE num = ?',
  );
  db.transaction(() => {
    for (const { num } of pending) {
      const row = read.get(num);
      if (!row || row.deleted_at !== null) unindexRelease(db, num);
      else indexRelease(db, num, { title: row.title, summary: row.summary, body: plainBody(row.body) });
    }
    prepareCached(db, 'DELETE FROM search_pending').run();
  })();
}

function plainBody(json: string): string {
  try {
    return docToPlainText(JSON.parse(json) as DocNode);
  } catch {
    // A body that is not JSON still gets its title and summary indexed.
    return '';
  }
}

const MAX_TERMS = 16;

/**
 * Turns whatever the user typed into a safe FTS5 query: only runs of letters, digits
 * and marks survive, each quoted and used as a prefix, all required (AND). Quotes,
 * brackets, `*`, `AND(`, `NEAR` and the like can never reach FTS5 as syntax.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms = input.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const unique = [...new Set(terms.map((t) => t.toLowerCase()))].slice(0, MAX_TERMS);
  if (!unique.length) return null;
  return unique.map((t) => `"${t}"*`).join(' ');
}

/** Splits FTS5 output marked with MARK_OPEN/MARK_CLOSE into plain segments. */
function toHighlight(marked: string): Highlight {
  const out: Highlight = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += text;
    else out.push({ text, match });
  };
  let match = false;
  let buf = '';
  for (const ch of marked) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      push(buf, match);
      buf = '';
      match = ch === MARK_OPEN;
    } else buf += ch;
  }
  push(buf, match);
  return out;
}

const hasMatch = (h: Highlight) => h.some((s) => s.match);

export interface SearchHit {
  release: ReleaseSummary;
  title: Highlight;
  snippet: Highlight;
}

const SNIPPET_TOKENS = 24;

/** Ranked search over live releases: bm25 with a title match weighing most (see migration 006). */
export function searchReleases(db: Db, query: string, limit: number): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  try {
    indexPending(db);
  } catch {
    // Reindexing writes (a full disk, a read-only file): search what the index holds; the
    // marks stay for the next search.
  }
  const rows = prepareCached<unknown[], ReleaseRow & { hl_title: string; sn_summary: string; sn_body: string }>(
    db,
    `SELECT ${SUMMARY_COLUMNS},
         highlight(release_search, 0, :o, :c) AS hl_title,
         snippet(release_search, 1, :o, :c, '…', ${SNIPPET_TOKENS}) AS sn_summary,
         snippet(release_search, 2, :o, :c, '…', ${SNIPPET_TOKENS}) AS sn_body
       FROM release_search JOIN releases r ON r.num = release_search.rowid
       WHERE release_search MATCH :q AND r.deleted_at IS NULL
       ORDER BY rank
       LIMIT :limit`,
  ).all({ o: MARK_OPEN, c: MARK_CLOSE, q: fts, limit });
  return rows.map((row) => {
    const body = toHighlight(row.sn_body);
    const summary = toHighlight(row.sn_summary);
    // Show the passage that matched; a title-only match shows the start of the body.
    const snippet = hasMatch(body) ? body : hasMatch(summary) ? summary : body.length ? body : summary;
    const title = toHighlight(row.hl_title);
    return { release: rowToSummary(row), title: title.length ? title : [{ text: row.title, match: false }], snippet };
  });
}
