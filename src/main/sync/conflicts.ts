import type { Conflict } from '../../shared/contract/sync';
import type { DocNode } from '../../shared/domain/doc';
import type { Status } from '../../shared/domain/release';
import { mergeFields } from '../../shared/sync/merge';
import type { WireFields } from '../../shared/sync/protocol';
import { nowIso } from '../store/clock';
import type { Db } from '../store/types';
import { q } from '../../node/db/statement-cache';

/**
 * Conflict records: what the writer sees side by side ("punya saya" / "dari pusat") and
 * resolves by choosing or editing. Computed with the same merge HQ uses.
 */

export interface StoredConflict {
  releaseId: string;
  theirsRev: number;
  theirsAuthor: string;
  theirsFields: WireFields;
  theirsStatus: Status | null;
  baseFields: WireFields;
  blocks: string[];
  fields: string[];
  detectedAt: string;
}

/** An empty snapshot: the base when a release reached both sides without a common revision. */
export function emptyBase(like: WireFields): WireFields {
  return {
    ...like,
    title: '',
    slug: '',
    dateline: '',
    tags: [],
    summary: '',
    byline: '',
    leadImage: null,
    body: { type: 'doc', content: [] },
  };
}

export const topBlock = (doc: DocNode, id: string): DocNode | null =>
  (doc.content ?? []).find((n) => typeof n.attrs?.id === 'string' && n.attrs.id === id) ?? null;

export function saveConflict(db: Db, c: Omit<StoredConflict, 'detectedAt'>): void {
  q(
    db,
    `INSERT INTO sync_conflicts (release_id, theirs_rev, theirs_author, theirs_fields, theirs_status, base_fields, blocks, fields, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET theirs_rev = excluded.theirs_rev, theirs_author = excluded.theirs_author,
       theirs_fields = excluded.theirs_fields, theirs_status = excluded.theirs_status, base_fields = excluded.base_fields,
       blocks = excluded.blocks, fields = excluded.fields`,
  ).run(
    c.releaseId,
    c.theirsRev,
    c.theirsAuthor,
    JSON.stringify(c.theirsFields),
    c.theirsStatus,
    JSON.stringify(c.baseFields),
    JSON.stringify(c.blocks),
    JSON.stringify(c.fields),
    nowIso(),
  );
}

interface ConflictRow {
  release_id: string;
  theirs_rev: number;
  theirs_author: string;
  theirs_fields: string;
  theirs_status: string | null;
  base_fields: string;
  blocks: string;
  fields: string;
  detected_at: string;
}

const fromRow = (r: ConflictRow): StoredConflict => ({
  releaseId: r.release_id,
  theirsRev: r.theirs_rev,
  theirsAuthor: r.theirs_author,
  theirsFields: JSON.parse(r.theirs_fields) as WireFields,
  theirsStatus: (r.theirs_status as Status | null) ?? null,
  baseFields: JSON.parse(r.base_fields) as WireFields,
  blocks: JSON.parse(r.blocks) as string[],
  fields: JSON.parse(r.fields) as string[],
  detectedAt: r.detected_at,
});

export function getConflict(db: Db, releaseId: string): StoredConflict | null {
  const row = q<[string], ConflictRow>(db, 'SELECT * FROM sync_conflicts WHERE release_id = ?').get(releaseId);
  return row ? fromRow(row) : null;
}

export function listStoredConflicts(db: Db): StoredConflict[] {
  return q<[], ConflictRow>(db, 'SELECT * FROM sync_conflicts ORDER BY detected_at').all().map(fromRow);
}

export function deleteConflict(db: Db, releaseId: string): void {
  q(db, 'DELETE FROM sync_conflicts WHERE release_id = ?').run(releaseId);
}

/** The contract's view: both versions of every clashing block and field, against the current local text. */
export function describeConflict(c: StoredConflict, mine: WireFields): Conflict {
  // Recompute against what the writer holds now: they may have kept typing since.
  const merge = mergeFields(c.baseFields, mine, c.theirsFields);
  const blocks = merge.conflictBlocks.map((blockId) => ({
    blockId,
    base: topBlock(c.baseFields.body, blockId),
    mine: topBlock(mine.body, blockId),
    theirs: topBlock(c.theirsFields.body, blockId),
  }));
  const record = (f: WireFields) => f as unknown as Record<string, unknown>;
  const fields = merge.conflictFields.map((field) => ({
    field,
    base: record(c.baseFields)[field] ?? null,
    mine: record(mine)[field] ?? null,
    theirs: record(c.theirsFields)[field] ?? null,
  }));
  return {
    releaseId: c.releaseId,
    title: mine.title || c.theirsFields.title,
    theirsRev: c.theirsRev,
    theirsAuthor: c.theirsAuthor,
    detectedAt: c.detectedAt,
    blocks,
    fields,
  };
}

export interface BlockResolution {
  blockId: string;
  choice: 'mine' | 'theirs' | 'edited';
  content?: DocNode[];
}

export interface FieldResolution {
  field: string;
  choice: 'mine' | 'theirs' | 'edited';
  value?: unknown;
}

/**
 * Applies the writer's choices to the merge proposal. Every clashing block and field must be
 * decided; the rest of the text is the clean merge of both sides.
 */
export function applyResolutions(
  c: StoredConflict,
  mine: WireFields,
  blocks: BlockResolution[],
  fields: FieldResolution[],
): { fields: WireFields; missing: string[] } {
  const merge = mergeFields(c.baseFields, mine, c.theirsFields);
  const out: Record<string, unknown> = { ...merge.fields };
  const missing: string[] = [];
  let body: DocNode[] = [...(merge.fields.body.content ?? [])];
  for (const blockId of merge.conflictBlocks) {
    const choice = blocks.find((b) => b.blockId === blockId);
    if (!choice) {
      missing.push(`blok ${blockId}`);
      continue;
    }
    let replacement: DocNode[];
    if (choice.choice === 'mine') replacement = [topBlock(mine.body, blockId)].filter((n): n is DocNode => !!n);
    else if (choice.choice === 'theirs')
      replacement = [topBlock(c.theirsFields.body, blockId)].filter((n): n is DocNode => !!n);
    else replacement = choice.content ?? [];
    const at = body.findIndex((n) => n.attrs?.id === blockId);
    if (at >= 0) body.splice(at, 1, ...replacement);
    else body = [...body, ...replacement];
  }
  out.body = { ...merge.fields.body, content: body };
  for (const field of merge.conflictFields) {
    const choice = fields.find((f) => f.field === field);
    if (!choice) {
      missing.push(field);
      continue;
    }
    const pick = (f: WireFields) => (f as unknown as Record<string, unknown>)[field];
    out[field] =
      choice.choice === 'mine' ? pick(mine) : choice.choice === 'theirs' ? pick(c.theirsFields) : choice.value;
  }
  return { fields: out as WireFields, missing };
}
