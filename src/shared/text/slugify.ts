const MAX_SLUG = 80;

export interface SlugOptions {
  /**
   * Read "&" as "dan", as an Indonesian reader says it (the default). Off, "&" is a separator
   * like any other sign: HQ's public site minted its URLs that way, and an office's pages and
   * feed are found by the slug stored with each publication, so that rule must not drift.
   */
  ampersandAsDan?: boolean;
}

/**
 * "Rapat Pleno KPU: Penetapan DPT Pemilú & Pilkada" → "rapat-pleno-kpu-penetapan-dpt-pemilu-dan-pilkada".
 * Diacritics are folded, anything not a letter or digit becomes a hyphen, and a long slug is
 * cut at a word boundary where one is near.
 */
export function slugify(text: string, { ampersandAsDan = true }: SlugOptions = {}): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const s = (ampersandAsDan ? folded.replace(/&/g, ' dan ') : folded)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= MAX_SLUG) return s;
  const cut = s.slice(0, MAX_SLUG);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '');
}
