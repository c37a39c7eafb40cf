import { format, isValid, parseISO } from 'date-fns';
import { enGB, id as idLocale } from 'date-fns/locale';
import type { Locale } from 'date-fns';
import type { Language } from '../../shared/contract';

const locales: Record<Language, Locale> = { id: idLocale, en: enGB };

/** Release dates are calendar days (`YYYY-MM-DD`), read in local time, never shifted by UTC. */
function parseDay(isoDate: string): Date | null {
  const date = parseISO(isoDate);
  return isValid(date) ? date : null;
}

/** "Kamis, 4 Desember 2025" (English: "Thursday, 4 December 2025"). */
export function longDate(isoDate: string, language: Language): string {
  const date = parseDay(isoDate);
  return date ? format(date, 'EEEE, d MMMM yyyy', { locale: locales[language] }) : isoDate;
}

/** "10.42" — Indonesian clock style, used in "Tersimpan 10.42" ("10:42" in English). */
function clockTime(date: Date, language: Language = 'id'): string {
  return format(date, language === 'id' ? 'HH.mm' : 'HH:mm');
}

/** When something was saved: "10.42" today, "29 Nov 10.42" on another day (not to mislead). */
export function savedTime(date: Date, language: Language = 'id', now: Date = new Date()): string {
  if (date.toDateString() === now.toDateString()) return clockTime(date, language);
  return format(date, language === 'id' ? 'd MMM HH.mm' : 'd MMM HH:mm', { locale: locales[language] });
}

/** "4 Des 2025 10.42" for lists (updated time, revisions, log). */
export function shortDateTime(timestamp: string, language: Language): string {
  const date = parseISO(timestamp);
  if (!isValid(date)) return timestamp;
  return format(date, language === 'id' ? 'd MMM yyyy HH.mm' : 'd MMM yyyy HH:mm', { locale: locales[language] });
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}
