import type { Conflict } from '../../shared/contract/sync';
import type { DocNode } from '../../shared/domain/doc';
import { mergeFields } from '../../shared/sync/merge';
import type { WireFields } from '../../shared/sync/protocol';
import { type Db, markConflicted } from '../store';
import { conflictedReleaseIds, type StoredConflict } from './tables/conflicts';

/**
 * Conflicts as the writer sees them side by side ("punya saya" / "dari pusat") and resolves by
 * choosing or editing. Computed with the same merge HQ uses.
 */

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

const topBlock = (doc: DocNode, id: string): DocNode | null =>
  (doc.content ?? []).find((n) => typeof n.attrs?.id === 'string' && n.attrs.id === id) ?? null;

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

/**
 * A local save marks a release `belum_terkirim` (the store does not know about conflicts);
 * while its conflict is open it stays `konflik` so the library keeps showing it.
 */
export function reassertConflictStates(db: Db): void {
  for (const id of conflictedReleaseIds(db)) markConflicted(db, id);
}
