/** URL-safe, lowercase ASCII slug: "Rapat Pleno KPU Blora!" → "rapat-pleno-kpu-blora". */
export function slugify(input: string, max = 80): string {
  const s = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/g, '');
}

/** A slug nobody else holds: `base`, then `base-2`, `base-3`, … */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  const root = base || 'berita';
  if (!taken(root)) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}
