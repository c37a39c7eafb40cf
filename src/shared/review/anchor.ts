import { z } from 'zod';
import { diffArrays } from 'diff';

/**
 * Anchors of inline comments.
 *
 * A comment is about a passage of one text block (paragraph, heading…): the block's stable
 * `id`, the passage's offsets in the block's text, the quoted words and some text before and
 * after it. Comments are NOT marks in the document — adding one must not change the release
 * text (that would invalidate approvals and conflict with the writer's edits). Instead the
 * anchor is re-resolved against the current text whenever the text may have changed.
 *
 * Re-resolving explains the change between the text the anchor last saw and the current text
 * as a token diff, computed twice with opposite preferences (forwards and on reversed tokens).
 * Where repeated words make the explanation ambiguous — the two disagree about where the
 * passage went — the comment is orphaned rather than guessed: a comment must never sit on words
 * it was not about. Orphaned comments keep their quote.
 *
 * Offsets count characters of the block's inline content, with every non-text inline node
 * (a hard break) counted as one U+FFFC, so an offset k is ProseMirror position blockStart+1+k.
 */

/** How much text around the passage an anchor remembers (per side). */
const ANCHOR_CONTEXT_CHARS = 2000;
/** The surviving part of an edited passage must keep at least this share of its characters. */
const MIN_SURVIVING_SHARE = 0.3;
/** Outside its own block, a passage needs this much unchanged context next to it (or all there was). */
const MIN_CONTEXT_SUPPORT = 40;
/** …and the passage with that context must be at least this long, so a stock phrase is not enough. */
const MIN_MATCHED_SPAN = 30;

export const AnchorSchema = z.object({
  blockId: z.string().min(1).max(200),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  quote: z.string().min(1).max(5000),
  /** The words first commented on; a passage edited beyond recognition of these is orphaned. */
  original: z.string().min(1).max(5000),
  prefix: z.string().max(ANCHOR_CONTEXT_CHARS),
  suffix: z.string().max(ANCHOR_CONTEXT_CHARS),
});
export type Anchor = z.infer<typeof AnchorSchema>;

/** One text block of a document in reading order. */
export interface TextBlock {
  id: string;
  text: string;
}

export type Resolution = { status: 'attached'; anchor: Anchor; moved: boolean } | { status: 'orphaned' };

/** Builds an anchor for `[from, to)` of a block's text; null if the range holds no words. */
export function makeAnchor(block: TextBlock, from: number, to: number, original?: string): Anchor | null {
  const a = Math.max(0, Math.min(from, to));
  const b = Math.min(block.text.length, Math.max(from, to));
  const quote = block.text.slice(a, b);
  if (!/[\p{L}\p{N}]/u.test(quote)) return null;
  return {
    blockId: block.id,
    from: a,
    to: b,
    quote,
    original: original ?? quote,
    prefix: block.text.slice(Math.max(0, a - ANCHOR_CONTEXT_CHARS), a),
    suffix: block.text.slice(b, b + ANCHOR_CONTEXT_CHARS),
  };
}

const TOKEN = /[\p{L}\p{N}]+|[^\p{L}\p{N}]/gu;
const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

interface Alignment {
  /** For each character of the old text: its offset in the new text, or -1 if deleted. */
  map: Int32Array;
  oldTokens: string[];
  newTokens: string[];
  oldStarts: number[];
  /** For each old token: the index of the new token it matched, or -1. */
  oldToNew: Int32Array;
  /** New tokens that matched nothing (typed or pasted). */
  addedNew: Uint8Array;
}

/**
 * Aligns `oldText` with `newText` by a token diff. `reverse` computes the diff on reversed
 * tokens, which resolves ties between equally good explanations the other way.
 */
function align(oldText: string, newText: string, reverse: boolean): Alignment {
  const oldTokens = tokenize(oldText);
  const newTokens = tokenize(newText);
  const map = new Int32Array(oldText.length).fill(-1);
  const oldStarts = starts(oldTokens);
  const newStarts = starts(newTokens);
  const oldToNew = new Int32Array(oldTokens.length).fill(-1);
  const addedNew = new Uint8Array(newTokens.length).fill(1);
  const a = reverse ? [...oldTokens].reverse() : oldTokens;
  const b = reverse ? [...newTokens].reverse() : newTokens;
  let i = 0;
  let j = 0;
  for (const change of diffArrays(a, b)) {
    if (change.added) j += change.count;
    else if (change.removed) i += change.count;
    else {
      for (let k = 0; k < change.count; k++) {
        const o = reverse ? oldTokens.length - 1 - (i + k) : i + k;
        const n = reverse ? newTokens.length - 1 - (j + k) : j + k;
        oldToNew[o] = n;
        addedNew[n] = 0;
        for (let c = 0; c < oldTokens[o]!.length; c++) map[oldStarts[o]! + c] = newStarts[n]! + c;
      }
      i += change.count;
      j += change.count;
    }
  }
  return { map, oldTokens, newTokens, oldStarts, oldToNew, addedNew };
}

/**
 * `piece` shares at least half of `word` at its start or end: it may be that word, split by
 * typing inside it or glued to newly typed letters.
 */
function sharesEdge(piece: string, word: string): boolean {
  const need = Math.max(2, Math.ceil(word.length / 2));
  let pre = 0;
  while (pre < piece.length && pre < word.length && piece[pre] === word[pre]) pre++;
  let suf = 0;
  while (suf < piece.length && suf < word.length && piece[piece.length - 1 - suf] === word[word.length - 1 - suf])
    suf++;
  return pre >= need || suf >= need;
}

/**
 * True if a passage word the diff matched could instead be the same word split or glued to
 * newly typed letters nearby ("pleno" → "pl pleno Kabupateneno", or "Kabupatenpleno" next to
 * a freshly typed "pleno"): the diff cannot tell which one is the passage's.
 */
function gluedAlternative(al: Alignment, pf: number, pt: number): boolean {
  for (let o = 0; o < al.oldTokens.length; o++) {
    const start = al.oldStarts[o]!;
    const word = al.oldTokens[o]!;
    if (start + word.length <= pf || start >= pt || al.oldToNew[o]! < 0 || !hasWord(word)) continue;
    // The region the word could slide within: between the nearest matched words (spaces slide).
    let prev = -1;
    for (let p = o - 1; p >= 0; p--)
      if (al.oldToNew[p]! >= 0 && hasWord(al.oldTokens[p]!)) {
        prev = al.oldToNew[p]!;
        break;
      }
    let next = al.newTokens.length;
    for (let q = o + 1; q < al.oldTokens.length; q++)
      if (al.oldToNew[q]! >= 0 && hasWord(al.oldTokens[q]!)) {
        next = al.oldToNew[q]!;
        break;
      }
    for (let g = prev + 1; g < next; g++) {
      const t = al.newTokens[g]!;
      if (al.addedNew[g] && hasWord(t) && sharesEdge(t, word)) return true;
    }
  }
  return false;
}

function starts(tokens: string[]): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const t of tokens) {
    out.push(pos);
    pos += t.length;
  }
  return out;
}

interface Located {
  from: number;
  to: number;
  /** Characters of the passage still present. */
  surviving: number;
  complete: boolean;
  /** Unchanged characters right before / after the passage, contiguous in both texts. */
  supportBefore: number;
  supportAfter: number;
}

/** Where the passage `[pf, pt)` of `oldText` is in `newText` by one diff, or null if gone. */
function locate(map: Int32Array, pf: number, pt: number): Located | null {
  let first = -1;
  let last = -1;
  let surviving = 0;
  let contiguous = true;
  for (let c = pf; c < pt; c++) {
    const m = map[c]!;
    if (m < 0) {
      contiguous = false;
      continue;
    }
    if (first < 0) first = m;
    else if (m !== last + 1) contiguous = false;
    last = m;
    surviving++;
  }
  if (first < 0) return null;
  let supportBefore = 0;
  for (let c = pf - 1, expect = first - 1; c >= 0 && map[c] === expect; c--, expect--) supportBefore++;
  let supportAfter = 0;
  for (let c = pt, expect = last + 1; c < map.length && map[c] === expect; c++, expect++) supportAfter++;
  return {
    from: first,
    to: last + 1,
    surviving,
    complete: contiguous && surviving === pt - pf,
    supportBefore,
    supportAfter,
  };
}

const sameLocation = (a: Located | null, b: Located | null): boolean =>
  a !== null && b !== null && a.from === b.from && a.to === b.to && a.surviving === b.surviving;

/** Both diff explanations agree on where the passage is: null if gone or ambiguous. */
function locateBoth(oldText: string, newText: string, pf: number, pt: number): Located | 'gone' | 'ambiguous' {
  const forward = align(oldText, newText, false);
  const fwd = locate(forward.map, pf, pt);
  const bwd = locate(align(oldText, newText, true).map, pf, pt);
  if (!fwd && !bwd) return 'gone';
  if (!sameLocation(fwd, bwd) || gluedAlternative(forward, pf, pt)) return 'ambiguous';
  return {
    ...fwd!,
    supportBefore: Math.min(fwd!.supportBefore, bwd!.supportBefore),
    supportAfter: Math.min(fwd!.supportAfter, bwd!.supportAfter),
  };
}

const hasWord = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

/**
 * Edits inside a passage become part of it; over many edits that could drift until none of
 * the commented words remain. The passage stays recognisable while it keeps at least a share
 * of the original words' letters (in order).
 */
function recognisable(original: string, current: string): boolean {
  const a = tokenize(original).filter(hasWord);
  const b = tokenize(current).filter(hasWord);
  const total = a.reduce((n, t) => n + t.length, 0);
  let kept = 0;
  for (const change of diffArrays(a, b))
    if (!change.added && !change.removed) kept += change.value.reduce((n, t) => n + t.length, 0);
  return kept > 0 && kept >= total * MIN_SURVIVING_SHARE;
}

/**
 * Finds the passage of `anchor` in the current blocks. First in its own block (following
 * edits around and inside the passage), then — if its block is gone or no longer holds it —
 * in the other blocks, where only the complete passage with unchanged context on a side counts
 * (a block split, merged or moved). Anything unsure orphans the comment.
 */
export function resolveAnchor(anchor: Anchor, blocks: readonly TextBlock[]): Resolution {
  const oldText = anchor.prefix + anchor.quote + anchor.suffix;
  const pf = anchor.prefix.length;
  const pt = pf + anchor.quote.length;
  const own = blocks.find((b) => b.id === anchor.blockId);

  if (own) {
    // Unchanged window (the same context the anchor remembers): nothing to re-resolve.
    if (own.text.slice(anchor.from, anchor.to) === anchor.quote) {
      const fresh = makeAnchor(own, anchor.from, anchor.to);
      if (fresh && fresh.prefix === anchor.prefix && fresh.suffix === anchor.suffix)
        return { status: 'attached', anchor, moved: false };
    }
    const found = locateBoth(oldText, own.text, pf, pt);
    if (found === 'ambiguous') return { status: 'orphaned' };
    if (found !== 'gone') {
      const quote = own.text.slice(found.from, found.to);
      const enough = found.surviving >= Math.ceil(anchor.quote.length * MIN_SURVIVING_SHARE);
      if (!enough || !hasWord(quote) || !recognisable(anchor.original, quote)) return { status: 'orphaned' };
      return { status: 'attached', anchor: makeAnchor(own, found.from, found.to, anchor.original)!, moved: false };
    }
  }

  const availBefore = Math.min(pf, MIN_CONTEXT_SUPPORT);
  const availAfter = Math.min(oldText.length - pt, MIN_CONTEXT_SUPPORT);
  const candidates: { block: TextBlock; at: Located }[] = [];
  for (const block of blocks) {
    if (block.id === anchor.blockId || !block.text.includes(anchor.quote)) continue;
    const found = locateBoth(oldText, block.text, pf, pt);
    if (found === 'ambiguous') return { status: 'orphaned' };
    if (found === 'gone' || !found.complete) continue;
    const span = found.supportBefore + anchor.quote.length + found.supportAfter;
    const supported =
      ((availBefore > 0 && found.supportBefore >= availBefore) ||
        (availAfter > 0 && found.supportAfter >= availAfter) ||
        (availBefore === 0 && availAfter === 0)) &&
      span >= Math.min(MIN_MATCHED_SPAN, oldText.length);
    if (supported) candidates.push({ block, at: found });
  }
  if (candidates.length !== 1) return { status: 'orphaned' };
  const { block, at } = candidates[0]!;
  return { status: 'attached', anchor: makeAnchor(block, at.from, at.to, anchor.original)!, moved: true };
}
