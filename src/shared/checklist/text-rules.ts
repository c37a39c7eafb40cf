import type { DocNode } from '../domain/doc';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** A weekday, then a day/month/year in any common writing: "Kamis (4/12/2025)", "Rabu, 4-12-2025". */
const WEEKDAY_DATE =
  /\b(Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu)\b[ \t]*,?[ \t]*(\(?)[ \t]*(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4})[ \t]*(\)?)/giu;

export interface DateProblem {
  found: string;
  expected: string;
}

const realDay = (y: number, m: number, d: number): Date | null => {
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? day : null;
};

/**
 * The first date in the text that is not written the house way, "Kamis (4/12/2025)", with the
 * weekday that date really is; null when every weekday-and-date is right.
 */
export function firstDateProblem(text: string): DateProblem | null {
  for (const m of text.matchAll(WEEKDAY_DATE)) {
    const [found, dayName = '', open, d, sep, mo, y, close] = m;
    const day = realDay(Number(y), Number(mo), Number(d));
    const expected = day
      ? `${DAYS[day.getUTCDay()]} (${Number(d)}/${Number(mo)}/${y})`
      : `${dayName} (${Number(d)}/${Number(mo)}/${y})`;
    const weekdayOk = day !== null && DAYS[day.getUTCDay()]!.toLowerCase() === dayName.replace("'", '').toLowerCase();
    const formOk = open === '(' && close === ')' && sep === '/' && found.includes(' (') && DAYS.includes(dayName);
    if (!weekdayOk || !formOk || !day) return { found: found.trim(), expected };
  }
  return null;
}

/** Verbs that attribute a quotation to a person in KPU releases ("…," ujar Ketua KPU Blora). */
const ATTRIBUTION =
  /["\u201c][^"\u201c\u201d]{3,}?[,.!?]["\u201d][ \t]*(ujar|kata|jelas|ungkap|tegas|tutur|ucap|terang|imbuh|tambah)(nya)?\b[ \t]+(\p{Lu}|[A-Z])/u;

/** At least one paragraph carries a quotation attributed to a named speaker. */
export function hasAttributedQuote(blocks: string[]): boolean {
  return blocks.some((b) => ATTRIBUTION.test(b));
}

export interface ImageProblem {
  /** 0 = the lead image, 1… = figures in the body in order. */
  index: number;
  missing: ('alt' | 'caption' | 'credit')[];
}

/** Every image the release shows must have a text alternative, a caption and a photo credit. */
export function imageProblems(
  leadImage: { alt?: string; caption?: string; credit?: string } | null,
  body: DocNode,
): ImageProblem[] {
  const images: Record<string, unknown>[] = [];
  if (leadImage) images.push(leadImage);
  const walk = (node: DocNode) => {
    if (node.type === 'figure' || node.type === 'image') images.push(node.attrs ?? {});
    node.content?.forEach(walk);
  };
  walk(body);
  const out: ImageProblem[] = [];
  images.forEach((attrs, i) => {
    const missing = (['alt', 'caption', 'credit'] as const).filter((k) => {
      const v = attrs[k];
      return typeof v !== 'string' || v.trim() === '';
    });
    if (missing.length) out.push({ index: leadImage ? i : i + 1, missing });
  });
  return out;
}

/** Each top-level block's text, for rules that must not match across paragraphs. */
export function blockTexts(body: DocNode, toText: (n: DocNode) => string): string[] {
  return (body.content ?? []).map((b) => toText({ type: 'doc', content: [b] }));
}
