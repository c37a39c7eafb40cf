import { format, isValid, parseISO } from 'date-fns';
import { enGB, id as idLocale } from 'date-fns/locale';
import type { Locale } from 'date-fns';
import type { Language } from '../../shared/contract';
import { zonedDateTime, zonedDay, zonedTime } from '../../shared/time';
import { displayZone } from './zone';

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

/**
 * When something was saved, in the office's zone: "10.42 WIT" today, "29/11/2025 10.42 WIT" on
 * another day (not to mislead). 24-hour whatever the browser's locale.
 */
export function savedTime(date: Date, language: Language = 'id', now: Date = new Date()): string {
  const zone = displayZone();
  if (zonedDay(date, zone) === zonedDay(now, zone)) return zonedTime(date, zone, language);
  return zonedDateTime(date.toISOString(), zone, language);
}

/** "04/12/2025 10.42 WIT" for lists (updated time, revisions, log): the office's zone, day first. */
export function shortDateTime(timestamp: string, language: Language): string {
  const date = parseISO(timestamp);
  if (!isValid(date)) return timestamp;
  return zonedDateTime(date.toISOString(), displayZone(), language);
}

/** Today as `YYYY-MM-DD` on the office's calendar. */
export function todayIso(now: Date = new Date()): string {
  return zonedDay(now, displayZone());
}
