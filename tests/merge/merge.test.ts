import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../src/shared/domain';
import { canonicalJson } from '../../src/shared/json/canonical';
import { jsonEqual, mergeDocs, mergeFields, mergeTags } from '../../src/shared/sync/merge';
import { seededRandom as rng } from '../../src/shared/random/seeded';

const p = (id: string | null, text: string): DocNode => ({
  type: 'paragraph',
  attrs: id === null ? {} : { id },
  content: [{ type: 'text', text }],
});
const h = (id: string, text: string): DocNode => ({
  type: 'heading',
  attrs: { id, level: 2 },
  content: [{ type: 'text', text }],
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });
const texts = (d: DocNode): string[] =>
  (d.content ?? []).map((b) =>
    (b.content ?? []).map((c) => c.text ?? (c.content ?? []).map((x) => x.content?.[0]?.text ?? '').join('')).join(''),
  );

describe('mergeDocs', () => {
  const base = doc(p('a', 'A'), p('b', 'B'), p('c', 'C'));

  it('edits to different blocks keep both', () => {
    const r = mergeDocs(base, doc(p('a', 'A1'), p('b', 'B'), p('c', 'C')), doc(p('a', 'A'), p('b', 'B'), p('c', 'C2')));
    expect(r.conflicts).toEqual([]);
    expect(texts(r.doc)).toEqual(['A1', 'B', 'C2']);
  });

  it('the same block changed differently is a conflict naming the block', () => {
    const r = mergeDocs(
      base,
      doc(p('a', 'A'), p('b', 'B-ours'), p('c', 'C')),
      doc(p('a', 'A'), p('b', 'B-theirs'), p('c', 'C')),
    );
    expect(r.conflicts).toEqual(['b']);
  });

  it('the same change on both sides is not a conflict', () => {
    const r = mergeDocs(base, doc(p('a', 'A'), p('b', 'X'), p('c', 'C')), doc(p('a', 'A'), p('b', 'X'), p('c', 'C')));
    expect(r.conflicts).toEqual([]);
    expect(texts(r.doc)).toEqual(['A', 'X', 'C']);
  });

  it('inserts on both sides land after their predecessors', () => {
    const ours = doc(p('a', 'A'), p('x', 'X'), p('b', 'B'), p('c', 'C'));
    const theirs = doc(p('a', 'A'), p('b', 'B'), p('c', 'C'), p('y', 'Y'));
    expect(texts(mergeDocs(base, ours, theirs).doc)).toEqual(['A', 'X', 'B', 'C', 'Y']);
    // Both insert at the same spot: both kept, ours first, deterministic.
    const t2 = doc(p('a', 'A'), p('z', 'Z'), p('b', 'B'), p('c', 'C'));
    expect(texts(mergeDocs(base, ours, t2).doc)).toEqual(['A', 'X', 'Z', 'B', 'C']);
    expect(texts(mergeDocs(base, t2, ours).doc)).toEqual(['A', 'Z', 'X', 'B', 'C']);
  });

  it('a delete on one side and no change on the other deletes; delete vs edit conflicts', () => {
    const deleted = doc(p('a', 'A'), p('c', 'C'));
    expect(texts(mergeDocs(base, deleted, doc(p('a', 'A1'), p('b', 'B'), p('c', 'C'))).doc)).toEqual(['A1', 'C']);
    const r = mergeDocs(base, deleted, doc(p('a', 'A'), p('b', 'B edited'), p('c', 'C')));
    expect(r.conflicts).toEqual(['b']);
    // The edited version is kept in the proposal: nothing lost.
    expect(texts(r.doc)).toContain('B edited');
  });

  it('a move on one side and an edit on the other: moved and edited', () => {
    const moved = doc(p('c', 'C'), p('a', 'A'), p('b', 'B'));
    const edited = doc(p('a', 'A'), p('b', 'B2'), p('c', 'C'));
    expect(texts(mergeDocs(base, moved, edited).doc)).toEqual(['C', 'A', 'B2']);
    expect(texts(mergeDocs(base, edited, moved).doc)).toEqual(['C', 'A', 'B2']);
  });

  it('different moves on both sides flag an order conflict', () => {
    const r = mergeDocs(base, doc(p('c', 'C'), p('a', 'A'), p('b', 'B')), doc(p('b', 'B'), p('a', 'A'), p('c', 'C')));
    expect(r.orderConflict).toBe(true);
    expect(texts(r.doc).sort()).toEqual(['A', 'B', 'C']);
  });

  it('blocks without ids survive on both sides (edit = delete + insert)', () => {
    const b = doc(p(null, 'one'), p('a', 'A'));
    const r = mergeDocs(b, doc(p(null, 'one, ours'), p('a', 'A')), doc(p(null, 'one, theirs'), p('a', 'A')));
    expect(r.conflicts).toEqual([]);
    expect(texts(r.doc)).toEqual(['one, ours', 'one, theirs', 'A']);
  });

  it('edits to different items of one list merge one level deeper', () => {
    const li = (id: string, t: string): DocNode => ({ type: 'listItem', attrs: { id }, content: [p(`${id}p`, t)] });
    const list = (...items: DocNode[]): DocNode => ({ type: 'bulletList', attrs: { id: 'L' }, content: items });
    const b = doc(list(li('i1', 'one'), li('i2', 'two')));
    const r = mergeDocs(
      b,
      doc(list(li('i1', 'ONE'), li('i2', 'two'))),
      doc(list(li('i1', 'one'), li('i2', 'TWO'), li('i3', 'three'))),
    );
    expect(r.conflicts).toEqual([]);
    expect(texts(r.doc)).toEqual(['ONETWOthree']);
    const c = mergeDocs(b, doc(list(li('i1', 'uno'), li('i2', 'two'))), doc(list(li('i1', 'eins'), li('i2', 'two'))));
    expect(c.conflicts).toEqual(['L']);
  });
});

describe('mergeFields', () => {
  const base = {
    title: 'T',
    dateline: 'Blora',
    tags: ['pemilu', 'kpu'],
    body: doc(p('a', 'A')),
    leadImage: null as null | { attachment: string },
  };
  it('merges metadata field by field and tags as a set', () => {
    const r = mergeFields(
      base,
      { ...base, title: 'T2', tags: ['pemilu', 'kpu', 'pilkada'] },
      { ...base, dateline: 'Cepu', tags: ['kpu', 'blora'] },
    );
    expect(r.clean).toBe(true);
    expect(r.fields.title).toBe('T2');
    expect(r.fields.dateline).toBe('Cepu');
    expect(r.fields.tags).toEqual(['kpu', 'pilkada', 'blora']);
  });
  it('the same field changed differently is a field conflict', () => {
    const r = mergeFields(base, { ...base, title: 'Ours' }, { ...base, title: 'Theirs' });
    expect(r.clean).toBe(false);
    expect(r.conflictFields).toEqual(['title']);
    expect(r.fields.title).toBe('Ours');
  });
  it('tags: removals from both sides apply', () => {
    expect(mergeTags(['a', 'b', 'c'], ['a', 'c'], ['b', 'c', 'd'])).toEqual(['c', 'd']);
  });
});

// ---- seeded property tests -------------------------------------------------------------------

interface Edit {
  doc: DocNode;
  edited: Set<string>;
  deleted: Set<string>;
  inserted: Map<string, string>;
}

/** Random edits (edit/insert/delete/move) touching only blocks whose id passes `mine`. */
function randomEdit(
  r: () => number,
  d: DocNode,
  mine: (id: string) => boolean,
  tag: string,
  allowMoves: boolean,
): Edit {
  let blocks = [...(d.content ?? [])];
  const edited = new Set<string>();
  const deleted = new Set<string>();
  const inserted = new Map<string, string>();
  const steps = 1 + Math.floor(r() * 5);
  for (let s = 0; s < steps; s++) {
    const op = r();
    const candidates = blocks
      .map((b, i) => ({ b, i }))
      .filter(({ b }) => mine(String(b.attrs?.id)) && !inserted.has(String(b.attrs?.id)));
    if (op < 0.45 && candidates.length) {
      const { b, i } = candidates[Math.floor(r() * candidates.length)]!;
      const id = String(b.attrs?.id);
      blocks[i] = p(id, `${tag}-edit-${s}-${id}`);
      edited.add(id);
    } else if (op < 0.7) {
      const id = `${tag}-new-${s}`;
      const at = Math.floor(r() * (blocks.length + 1));
      blocks.splice(at, 0, p(id, `${tag}-text-${s}`));
      inserted.set(id, `${tag}-text-${s}`);
    } else if (op < 0.85 && candidates.length) {
      const { b } = candidates[Math.floor(r() * candidates.length)]!;
      const id = String(b.attrs?.id);
      if (!edited.has(id)) {
        blocks = blocks.filter((x) => x !== b);
        deleted.add(id);
      }
    } else if (allowMoves && blocks.length > 1) {
      const from = Math.floor(r() * blocks.length);
      const [moved] = blocks.splice(from, 1);
      blocks.splice(Math.floor(r() * (blocks.length + 1)), 0, moved!);
    }
  }
  return { doc: doc(...blocks), edited, deleted, inserted };
}

const byId = (d: DocNode): Map<string, DocNode> => new Map((d.content ?? []).map((b) => [String(b.attrs?.id), b]));

describe('mergeDocs properties (seeded)', () => {
  const ROUNDS = Number(process.env.WARTA_MERGE_ROUNDS ?? 400);
  const seeds = Array.from({ length: ROUNDS }, (_, i) => 1000 + i);

  const randomBase = (r: () => number): DocNode =>
    doc(
      ...Array.from({ length: 2 + Math.floor(r() * 8) }, (_, i) =>
        r() < 0.2 ? h(`b${i}`, `H${i}`) : p(`b${i}`, `P${i}`),
      ),
    );

  it('identity: merging identical sides returns that side; one-sided edits are taken whole', () => {
    for (const seed of seeds) {
      const r = rng(seed);
      const base = randomBase(r);
      const e = randomEdit(r, base, () => true, 'o', true);
      expect(mergeDocs(base, e.doc, e.doc).doc, `seed ${seed}`).toEqual(e.doc);
      expect(mergeDocs(base, base, e.doc).doc, `seed ${seed}`).toEqual(e.doc);
      expect(mergeDocs(base, e.doc, base).doc, `seed ${seed}`).toEqual(e.doc);
      expect(mergeDocs(base, base, base).conflicts).toEqual([]);
    }
  });

  it('non-overlapping edits keep both sides, never lose an edited or inserted block, never conflict', () => {
    for (const seed of seeds) {
      const r = rng(seed);
      const base = randomBase(r);
      const even = (id: string): boolean => Number(id.slice(1)) % 2 === 0;
      const ours = randomEdit(r, base, even, 'o', false);
      const theirs = randomEdit(r, base, (id) => !even(id), 't', false);
      const m = mergeDocs(base, ours.doc, theirs.doc);
      const ctx = `seed ${seed}`;
      expect(m.conflicts, ctx).toEqual([]);
      expect(m.orderConflict, ctx).toBe(false);
      const out = byId(m.doc);
      for (const side of [ours, theirs]) {
        const sideBlocks = byId(side.doc);
        for (const id of side.edited) expect(out.get(id), `${ctx} edited ${id}`).toEqual(sideBlocks.get(id));
        for (const id of side.inserted.keys()) expect(out.get(id), `${ctx} inserted ${id}`).toEqual(sideBlocks.get(id));
        for (const id of side.deleted) expect(out.has(id), `${ctx} deleted ${id}`).toBe(false);
      }
      // Everything untouched by both is still there, unchanged.
      for (const [id, block] of byId(base)) {
        if (![ours, theirs].some((s) => s.edited.has(id) || s.deleted.has(id)))
          expect(out.get(id), `${ctx} kept ${id}`).toEqual(block);
      }
      // Merge is symmetric in content (order may differ only at same-spot inserts).
      const flipped = mergeDocs(base, theirs.doc, ours.doc);
      expect(new Set([...byId(flipped.doc).keys()]), ctx).toEqual(new Set([...out.keys()]));
    }
  });

  it('overlapping edits: every block edited on either side is either in the result as edited or reported as a conflict', () => {
    for (const seed of seeds) {
      const r = rng(seed + 7777);
      const base = randomBase(r);
      const ours = randomEdit(r, base, () => true, 'o', true);
      const theirs = randomEdit(r, base, () => true, 't', true);
      const m = mergeDocs(base, ours.doc, theirs.doc);
      const out = byId(m.doc);
      const ctx = `seed ${seed}`;
      for (const side of [ours, theirs]) {
        const sideBlocks = byId(side.doc);
        for (const id of side.edited) {
          if (m.conflicts.includes(id)) continue;
          expect(out.get(id), `${ctx} edited ${id}`).toEqual(sideBlocks.get(id));
        }
        for (const id of side.inserted.keys()) expect(out.get(id), `${ctx} inserted ${id}`).toEqual(sideBlocks.get(id));
      }
      // Conflicts are exactly the blocks both sides changed (or one deleted) differently.
      for (const id of m.conflicts) {
        const o = byId(ours.doc).get(id);
        const t = byId(theirs.doc).get(id);
        expect(jsonEqual(o, t), ctx).toBe(false);
        expect(jsonEqual(o, byId(base).get(id)) || jsonEqual(t, byId(base).get(id)), ctx).toBe(false);
      }
      // No block appears twice.
      const ids = (m.doc.content ?? []).map((b) => canonicalJson(b.attrs?.id));
      expect(new Set(ids).size, ctx).toBe(ids.length);
    }
  });
});
