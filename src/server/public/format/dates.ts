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

/** The Jakarta calendar day of an instant, `YYYY-MM-DD` (the view counter's day). */
export const jakartaDay = (iso: string): string => format(wallClock(iso), 'yyyy-MM-dd');

/** RFC 822 date for RSS and HTTP headers. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString();
