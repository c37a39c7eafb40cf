import type { DocNode } from '../../shared/domain/doc';
import {
  ContactSchema,
  emptyContact,
  LeadImageSchema,
  type Category,
  type LeadImage,
  type Release,
  type ReleaseFields,
  type ReleaseSummary,
  type Status,
  type SyncState,
} from '../../shared/domain/release';

/** A row of the `releases` table as SQLite returns it. */
export interface ReleaseRow {
  num: number;
  id: string;
  title: string;
  slug: string;
  slug_custom: number;
  dateline: string;
  date: string;
  category: string;
  tags: string;
  summary: string;
  byline: string;
  office: string;
  lead_image: string | null;
  body: string;
  number: string;
  contact: string;
  word_count: number;
  status: string;
  sync_state: string;
  sync_error: string | null;
  local_rev: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

function leadImageOf(text: string | null): LeadImage | null {
  const parsed = LeadImageSchema.safeParse(parseJson<unknown>(text, null));
  return parsed.success ? parsed.data : null;
}

function contactOf(text: string): ReleaseFields['contact'] {
  const parsed = ContactSchema.safeParse(parseJson<unknown>(text, null));
  return parsed.success ? parsed.data : emptyContact();
}

/**
 * The columns a summary needs, for a table aliased `r`: the body (the large column, which a
 * summary drops) is read as JSON null, so lists and search results neither read nor parse it.
 */
export const SUMMARY_COLUMNS = `r.num, r.id, r.title, r.slug, r.slug_custom, r.dateline, r.date, r.category, r.tags,
  r.summary, r.byline, r.office, r.lead_image, 'null' AS body, r.number, r.contact, r.word_count, r.status,
  r.sync_state, r.sync_error, r.local_rev, r.created_at, r.updated_at, r.deleted_at`;

/** The stored body, parsed (an empty document when it is not JSON). */
const rowBody = (row: Pick<ReleaseRow, 'body'>): DocNode => parseJson<DocNode>(row.body, { type: 'doc', content: [] });

/** The row's fields; `body` when the caller parsed (or replaced) it already. */
export function rowFields(row: ReleaseRow, body: DocNode = rowBody(row)): ReleaseFields {
  return {
    title: row.title,
    slug: row.slug,
    dateline: row.dateline,
    date: row.date,
    category: row.category as Category,
    tags: parseJson<string[]>(row.tags, []),
    summary: row.summary,
    byline: row.byline,
    office: row.office,
    leadImage: leadImageOf(row.lead_image),
    body,
    number: row.number,
    contact: contactOf(row.contact),
  };
}

export function rowToRelease(row: ReleaseRow, body?: DocNode): Release {
  return {
    id: row.id,
    ...rowFields(row, body),
    status: row.status as Status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    localRev: row.local_rev,
    syncState: row.sync_state as SyncState,
    syncError: row.sync_error,
  };
}

export function rowToSummary(row: ReleaseRow): ReleaseSummary {
  const { body: _body, ...rest } = rowToRelease(row);
  return { ...rest, wordCount: row.word_count };
}
