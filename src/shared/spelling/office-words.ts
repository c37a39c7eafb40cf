import { z } from 'zod';

/** How many words an office's own dictionary holds at most (HQ refuses more). */
export const OFFICE_DICTIONARY_CAP = 2000;

/**
 * A word an office adds to its dictionary: a name, an acronym, a local term. Letters (any
 * script, with their marks), inner hyphens and apostrophes only, 2–40 characters: enough for
 * "Sidalih" or "Nduga", nothing that could carry markup or a sentence.
 */
export const OfficeWordSchema = z
  .string()
  .transform((w) => w.normalize('NFC'))
  .pipe(
    z
      .string()
      .min(2)
      .max(40)
      .regex(/^\p{L}[\p{L}\p{M}'’-]*\p{L}$/u),
  );

export const OfficeDictionarySchema = z.array(OfficeWordSchema).max(OFFICE_DICTIONARY_CAP);

/** The office's words plus new ones, each once (first spelling kept), in the order added. */
export function mergeWords(current: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(current);
  const out = [...current];
  for (const word of added) {
    if (seen.has(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}
