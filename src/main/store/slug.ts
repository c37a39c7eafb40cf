import type { Db } from './types';

/**
 * A slug no other local release (deleted ones included: their URL may still be public)
 * uses: the base, else base-2, base-3, …
 */
export function uniqueSlug(db: Db, base: string, exceptId: string): string {
  const root = base || 'rilis';
  const taken = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM releases WHERE slug = ? AND id <> ? LIMIT 1',
  );
  if (!taken.get(root, exceptId)) return root;
  for (let n = 2; n < 10_000; n += 1) {
    const candidate = `${root}-${n}`;
    if (!taken.get(candidate, exceptId)) return candidate;
  }
  return `${root}-${exceptId.slice(-8)}`;
}
