import type { PublicationHead, PublicationStore } from '../types';

type Heads = Pick<PublicationStore, 'headBySlug' | 'recordView'>;

const MAX_HEADS = 10_000;

/**
 * Article heads kept in memory between publications. Reading one from its row costs more than
 * the rest of a cached answer: the head's columns sit after the body's, so SQLite walks the
 * body's overflow pages to reach them. A publication bumps the store's seq, which empties the
 * memo; a counted view (the only other write to a row) adds to the kept count as well. Inside
 * a transaction nothing is kept, since it may yet be rolled back.
 */
export function memoHeads(base: Heads, seqNow: () => number, inTransaction: () => boolean): Heads {
  let seq = -1;
  const bySlug = new Map<string, PublicationHead>();
  const byId = new Map<string, PublicationHead>();
  const forget = (): void => {
    bySlug.clear();
    byId.clear();
  };
  return {
    headBySlug(slug) {
      if (inTransaction()) return base.headBySlug(slug);
      const current = seqNow();
      if (current !== seq) {
        forget();
        seq = current;
      }
      let head = bySlug.get(slug);
      if (!head) {
        const read = base.headBySlug(slug);
        if (!read) return null;
        if (bySlug.size >= MAX_HEADS) forget();
        bySlug.set(slug, read);
        byId.set(read.id, read);
        head = read;
      }
      return { ...head };
    },
    recordView(id, day, visitor) {
      const counted = base.recordView(id, day, visitor);
      if (counted) {
        const head = byId.get(id);
        if (inTransaction()) forget();
        else if (head) head.views += 1;
      }
      return counted;
    },
  };
}
