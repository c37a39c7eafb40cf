/**
 * Size caps of one release body, the same on the workstation and at HQ. A 20,000-word body
 * (paragraphs of about 60 words, each with a block id) is about 180 KB of TipTap JSON and
 * under 1,000 nodes (a link or bold run in every sentence makes it a few thousand); the caps
 * leave that room several times over while keeping one body from stalling whoever parses,
 * merges or renders it. The node cap is low enough to bind on its own: 20,000 of the smallest
 * nodes are well under the byte cap.
 */

/** At most this many bytes of body JSON (UTF-8). */
export const MAX_RELEASE_BODY_BYTES = 1024 * 1024;
/** At most this many nodes (doc, blocks, text runs) in a body. */
export const MAX_RELEASE_NODES = 20_000;

export type ReleaseSizeCheck = { ok: true } | { ok: false; limit: 'nodes' | 'bytes'; max: number };

/** UTF-8 length of a string without encoding it (no copy of a large body). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Is `body` within the caps? Nodes are counted first, iteratively (no recursion, so a deep
 * body cannot overflow the stack) and stopping at the cap, so an oversized body costs no
 * more than the cap; only then is it serialized to measure its bytes.
 */
export function checkReleaseSize(body: unknown): ReleaseSizeCheck {
  // Counted as they are queued, so the queue itself never outgrows the cap.
  let nodes = 1;
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const content = (node as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;
    nodes += content.length;
    if (nodes > MAX_RELEASE_NODES) return { ok: false, limit: 'nodes', max: MAX_RELEASE_NODES };
    for (const child of content) stack.push(child);
  }
  if (utf8Length(JSON.stringify(body) ?? '') > MAX_RELEASE_BODY_BYTES)
    return { ok: false, limit: 'bytes', max: MAX_RELEASE_BODY_BYTES };
  return { ok: true };
}
