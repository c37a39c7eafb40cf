import type { Db } from './types';

const MAX_SLUG = 80;

/**
 * "Rapat Pleno KPU: Penetapan DPT Pemilú 2029" → "rapat-pleno-kpu-penetapan-dpt-pemilu-2029".
 * Diacritics are folded, "&" reads as "dan", anything else becomes a hyphen.
 */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= MAX_SLUG) return s;
  const cut = s.slice(0, MAX_SLUG);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '');
}

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
