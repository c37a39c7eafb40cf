import { z } from 'zod';

/**
 * An office's release-number pattern, e.g. `{seq}/HM.02-SP/{regency}/{year}`. Placeholders:
 * `{seq}` (required: the office's running number), `{year}`, `{month}` (01–12), `{regency}`
 * (the regency code without its dot, "3316"; `{regency code}` is the same) and `{province}`.
 */
const PLACEHOLDER = /\{(seq|year|month|regency|regency code|province)\}/g;

export const NumberPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((p) => p.includes('{seq}'), 'the pattern must contain {seq}')
  .refine(
    (p) => !/[{}]/.test(p.replace(PLACEHOLDER, '')),
    'unknown placeholder: use {seq}, {year}, {month}, {regency} or {province}',
  );

export interface NumberParts {
  seq: number;
  /** The release's date, YYYY-MM-DD: its year and month go into the number. */
  date: string;
  regencyCode: string | null;
  provinceCode: string | null;
}

/** The number a pattern gives; a code HQ does not know is written "00". */
export function formatNumber(pattern: string, parts: NumberParts): string {
  const values: Record<string, string> = {
    seq: String(parts.seq),
    year: parts.date.slice(0, 4),
    month: parts.date.slice(5, 7),
    regency: (parts.regencyCode ?? '00').replace(/\./g, ''),
    'regency code': (parts.regencyCode ?? '00').replace(/\./g, ''),
    province: parts.provinceCode ?? '00',
  };
  return pattern.replace(PLACEHOLDER, (_m, key: string) => values[key] ?? '');
}

/**
 * Which counter a number draws from: a pattern with `{year}` starts again at 1 every year (of the
 * release's date), one without counts on forever.
 */
export const counterScope = (pattern: string, date: string): string =>
  pattern.includes('{year}') ? date.slice(0, 4) : '';
