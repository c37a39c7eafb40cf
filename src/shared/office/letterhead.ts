import { z } from 'zod';

/** At most this many characters of logo data URL: the profile travels in every sync answer. */
const MAX_LOGO_DATA_URL = 200_000;

const LOGO = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** Is the data URL's content what it says (PNG or JPEG by its first bytes), not only its label? */
function logoFits(url: string): boolean {
  const m = LOGO.exec(url);
  if (!m) return false;
  const head = atob(m[2]!.slice(0, 12));
  const bytes = Array.from(head, (c) => c.charCodeAt(0));
  return m[1] === 'png'
    ? [0x89, 0x50, 0x4e, 0x47].every((b, i) => bytes[i] === b)
    : [0xff, 0xd8, 0xff].every((b, i) => bytes[i] === b);
}

/**
 * The office letterhead ("kop surat") every printed page and PDF of a release carries: set per
 * office at HQ (`npm run hq -- office-setting --key letterhead --value-file kop.json`), synced to
 * the office's workstations. Without one, the letterhead is the office's enrolled name alone.
 */
export const LetterheadSchema = z.object({
  /** As it heads the page, e.g. "Komisi Pemilihan Umum Kabupaten Blora"; default the office name. */
  officeName: z.string().trim().min(1).max(200).optional(),
  address: z.string().trim().max(300).default(''),
  phone: z.string().trim().max(60).default(''),
  email: z.string().trim().max(120).default(''),
  website: z.string().trim().max(200).default(''),
  /** The logo as a PNG or JPEG data: URL, small (a logo, not a photo). */
  logo: z
    .string()
    .max(MAX_LOGO_DATA_URL)
    .refine(logoFits, { message: 'logo must be a PNG or JPEG data: URL whose content is that image' })
    .optional(),
});
