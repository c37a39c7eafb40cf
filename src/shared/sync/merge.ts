/**
 * Three-way merge of release snapshots: pure, deterministic, no clocks. HQ uses it when an
 * entry's base revision is older than the head; the workstation uses the same code when a
 * pulled revision meets unsent local edits.
 *
 * Vocabulary: `base` is the revision both sides started from, `ours` and `theirs` the two
 * edited versions. At HQ, ours = HQ head, theirs = the incoming entry.
 *
 * Body (TipTap JSON): merged by block id, block by block.
 * - A block changed on one side only takes that side's version; unchanged on both stays.
 * - Inserted on one side: kept, placed after the block that precedes it on that side.
 * - Deleted on one side and unchanged on the other: deleted.
 * - Changed differently on both sides, or deleted on one and changed on the other: a conflict
 *   (the block id is reported). Container blocks (lists, quotes, tables) whose children all
 *   carry ids are merged one level deeper before giving up; a clash inside is reported under
 *   the top-level block id.
 * - Moves: if only one side reordered, its order wins; if both reordered compatibly, fine;
 *   if both reordered differently, `orderConflict` is set.
 * - Blocks without an id are keyed by their content (and occurrence), so an edit of one is a
 *   delete plus an insert: both sides' versions survive, nothing is dropped.
 * In the merged doc a conflicted block holds ours (or the edited side when the other deleted):
 * callers treat a doc with conflicts as a proposal, never as a silent result.
 *
 * Metadata: field by field; tags merge as a set (additions from both, removals from both).
 */
import type { DocNode } from '../domain/doc';
import { canonicalJson } from '../json/canonical';

export interface DocMergeResult {
  doc: DocNode;
  /** Top-level block ids changed differently on both sides. */
  conflicts: string[];
  /** Both sides reordered blocks differently. */
  orderConflict: boolean;
}

export interface FieldsMergeResult<F> {
  fields: F;
  /** Metadata fields changed differently on both sides; 'body' when the block order clashed. */
  conflictFields: string[];
  conflictBlocks: string[];
  clean: boolean;
}

/** Structural equality of JSON values, key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(bo, k) && jsonEqual(ao[k], bo[k]));
}

const blockId = (node: DocNode): string | null => {
  const id = node.attrs?.id;
  return typeof id === 'string' && id.length > 0 ? id : null;
};

/** Key every block: its id, or its canonical content for id-less blocks; repeats get `#n`. */
function keyBlocks(blocks: readonly DocNode[]): { keys: string[]; byKey: Map<string, DocNode> } {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  const byKey = new Map<string, DocNode>();
  for (const node of blocks) {
    const id = blockId(node);
    const raw = id !== null ? `id:${id}` : `anon:${canonicalJson(node)}`;
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    const key = n === 1 ? raw : `${raw}#${n}`;
    keys.push(key);
    byKey.set(key, node);
  }
  return { keys, byKey };
}

const restrict = (keys: readonly string[], allowed: ReadonlySet<string>): string[] =>
  keys.filter((k) => allowed.has(k));
const sameSeq = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((k, i) => k === b[i]);
const intersect = (a: readonly string[], b: ReadonlySet<string>): Set<string> => new Set(a.filter((k) => b.has(k)));

/** Children merge one level deeper only if every child on every side carries an id. */
const childrenAllHaveIds = (...nodes: DocNode[]): boolean =>
  nodes.every((n) => Array.isArray(n.content) && n.content.length > 0 && n.content.every((c) => blockId(c) !== null));

const shellEqual = (a: DocNode, b: DocNode): boolean => {
  const { content: _ac, ...as } = a;
  const { content: _bc, ...bs } = b;
  return jsonEqual(as, bs);
};

interface ListMerge {
  blocks: DocNode[];
  conflicts: string[];
  orderConflict: boolean;
}

function mergeBlockList(
  base: readonly DocNode[],
  ours: readonly DocNode[],
  theirs: readonly DocNode[],
  depth: number,
): ListMerge {
  const b = keyBlocks(base);
  const o = keyBlocks(ours);
  const t = keyBlocks(theirs);
  const conflicts: string[] = [];
  let orderConflict = false;

  // 1. Decide each block's content (or its deletion).
  const resolved = new Map<string, DocNode | null>();
  const allKeys = new Set([...b.keys, ...o.keys, ...t.keys]);
  for (const key of allKeys) {
    const bv = b.byKey.get(key);
    const ov = o.byKey.get(key);
    const tv = t.byKey.get(key);
    if (jsonEqual(ov, tv)) resolved.set(key, ov ?? null);
    else if (jsonEqual(ov, bv)) resolved.set(key, tv ?? null);
    else if (jsonEqual(tv, bv)) resolved.set(key, ov ?? null);
    else {
      // Changed differently on both sides. Try one level deeper for id'd containers.
      if (bv && ov && tv && depth < 4 && shellEqual(ov, tv) && shellEqual(bv, ov) && childrenAllHaveIds(bv, ov, tv)) {
        const inner = mergeBlockList(bv.content ?? [], ov.content ?? [], tv.content ?? [], depth + 1);
        resolved.set(key, { ...ov, content: inner.blocks });
        if (inner.conflicts.length > 0 || inner.orderConflict) conflicts.push(key);
        continue;
      }
      conflicts.push(key);
      // Keep a version that exists: ours, or the edited one when ours deleted it.
      resolved.set(key, ov ?? tv ?? null);
    }
  }

  // 2. Decide the order. The side that did not reorder common blocks yields to the other.
  const bSet = new Set(b.keys);
  const oSet = new Set(o.keys);
  const tSet = new Set(t.keys);
  const bt = intersect(b.keys, tSet);
  const bo = intersect(b.keys, oSet);
  const theirsMoved = !sameSeq(restrict(b.keys, bt), restrict(t.keys, bt));
  const oursMoved = !sameSeq(restrict(b.keys, bo), restrict(o.keys, bo));
  let skeleton = o.keys;
  let other = t.keys;
  if (theirsMoved && !oursMoved) {
    skeleton = t.keys;
    other = o.keys;
  } else if (theirsMoved && oursMoved) {
    const ot = intersect(o.keys, tSet);
    if (!sameSeq(restrict(o.keys, ot), restrict(t.keys, ot))) orderConflict = true;
  }
  const otherSet = new Set(other);
  const result = skeleton.filter((k) => resolved.get(k));
  const inResult = new Set(result);
  let pos = 0;
  for (const key of other) {
    if (inResult.has(key)) {
      pos = result.indexOf(key) + 1;
      continue;
    }
    if (!resolved.get(key)) continue;
    // Place after the skeleton side's own insertions at this spot, so both sides' new blocks
    // keep a stable, readable order (skeleton's first).
    while (pos < result.length && !bSet.has(result[pos]!) && !otherSet.has(result[pos]!)) pos++;
    result.splice(pos, 0, key);
    inResult.add(key);
    pos++;
  }
  const blocks = result.map((k) => resolved.get(k)).filter((n): n is DocNode => !!n);
  const reported = conflicts.map((k) => {
    const node = o.byKey.get(k) ?? t.byKey.get(k) ?? b.byKey.get(k);
    return (node && blockId(node)) ?? k;
  });
  return { blocks, conflicts: reported, orderConflict };
}

/** Three-way merge of two TipTap docs by block id. See the file header for the rules. */
export function mergeDocs(base: DocNode, ours: DocNode, theirs: DocNode): DocMergeResult {
  if (jsonEqual(ours, theirs)) return { doc: ours, conflicts: [], orderConflict: false };
  if (jsonEqual(ours, base)) return { doc: theirs, conflicts: [], orderConflict: false };
  if (jsonEqual(theirs, base)) return { doc: ours, conflicts: [], orderConflict: false };
  const merged = mergeBlockList(base.content ?? [], ours.content ?? [], theirs.content ?? [], 0);
  const { content: _c, ...shell } = ours;
  return {
    doc: { ...shell, content: merged.blocks },
    conflicts: merged.conflicts,
    orderConflict: merged.orderConflict,
  };
}

/** Tags as a set: both sides' additions kept, both sides' removals applied; ours' order first. */
export function mergeTags(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const baseSet = new Set(base);
  const oursSet = new Set(ours);
  const theirsSet = new Set(theirs);
  const out: string[] = [];
  for (const tag of ours) if (!(baseSet.has(tag) && !theirsSet.has(tag)) && !out.includes(tag)) out.push(tag);
  for (const tag of theirs) if (!baseSet.has(tag) && !oursSet.has(tag) && !out.includes(tag)) out.push(tag);
  return out;
}

/** Shape mergeFields needs: release fields (domain ReleaseFields / protocol WireFields). */
export interface MergeableFields {
  tags: string[];
  body: DocNode;
  [field: string]: unknown;
}

/**
 * Three-way merge of release snapshots, field by field (body by block, tags as a set, every
 * other field as a whole value). `clean` is false when anything clashed; then `fields` is a
 * proposal (ours for clashing values) and must not be stored as if agreed.
 */
export function mergeFields<F extends MergeableFields>(base: F, ours: F, theirs: F): FieldsMergeResult<F> {
  const out: Record<string, unknown> = { ...ours };
  const conflictFields: string[] = [];
  let conflictBlocks: string[] = [];
  const names = new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)]);
  for (const name of names) {
    const bv = base[name];
    const ov = ours[name];
    const tv = theirs[name];
    if (name === 'tags') {
      out.tags = mergeTags(base.tags, ours.tags, theirs.tags);
    } else if (name === 'body') {
      const doc = mergeDocs(base.body, ours.body, theirs.body);
      out.body = doc.doc;
      conflictBlocks = doc.conflicts;
      if (doc.orderConflict) conflictFields.push('body');
    } else if (jsonEqual(ov, tv) || jsonEqual(tv, bv)) {
      out[name] = ov;
    } else if (jsonEqual(ov, bv)) {
      out[name] = tv;
    } else {
      conflictFields.push(name);
      out[name] = ov;
    }
  }
  return {
    fields: out as F,
    conflictFields,
    conflictBlocks,
    clean: conflictFields.length === 0 && conflictBlocks.length === 0,
  };
}
