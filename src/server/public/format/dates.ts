import { format } from 'date-fns';
import { id as localeId } from 'date-fns/locale';
import type { TimeZoneLabel } from '../../../shared/office/time-zone';
import { wallClock as zonedWallClock } from '../../../shared/time';

/** The site's own clock (the view counter's day) is Western Indonesian Time, as KPU's national pages. */
const SITE_TIME_ZONE = 'Asia/Jakarta';

const partsFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** A Date whose *local* fields show the Jakarta wall clock at `iso` (for date-fns' format). */
function wallClock(iso: string): Date {
  const parts = Object.fromEntries(partsFmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return new Date(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** `YYYY-MM-DD` as a local calendar date. */
function calendarDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** "Kamis, 4 Desember 2025" */
export const longDate = (date: string): string => format(calendarDate(date), 'EEEE, d MMMM yyyy', { locale: localeId });

/** "Jumat, 5 Desember 2025 09.10 WIB" for an instant, in the zone of the release's office. */
export function longDateTime(iso: string, zone: TimeZoneLabel): string {
  const w = zonedWallClock(iso, zone);
  if (!w) return iso;
  const local = new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return `${format(local, 'EEEE, d MMMM yyyy HH.mm', { locale: localeId })} ${zone}`;
}

/**
 * Jakarta is a whole number of hours from UTC, so every instant of one UTC hour falls on the
 * same Jakarta day: the article page asks for every view, and formatting costs more than the
 * rest of a cached answer.
 */
let lastHour: { hour: string; day: string } | null = null;
const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** The Jakarta calendar day of an instant, `YYYY-MM-DD` (the view counter's day). */
export function jakartaDay(iso: string): string {
  if (!UTC_ISO.test(iso)) return format(wallClock(iso), 'yyyy-MM-dd');
  const hour = iso.slice(0, 13);
  if (lastHour?.hour !== hour) lastHour = { hour, day: format(wallClock(iso), 'yyyy-MM-dd') };
  return lastHour.day;
}

/** RFC 822 date for RSS and HTTP headers. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString();
