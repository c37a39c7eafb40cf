import type { TimeZoneLabel } from '../office/time-zone';
import { instantOf, isoOffset, rfc822Offset, wallClock, type WallClock } from './zoned';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Indonesian writes clock times with a dot ("14.05"), English with a colon ("14:05"). */
export type ClockStyle = 'id' | 'en';

const DAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "04/12/2025" for a `YYYY-MM-DD` day; anything else is shown as written. */
export function dayMonthYear(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** "14.05" (or "14:05"): always 24-hour, whatever the browser's locale. */
const clock = (w: Pick<WallClock, 'hour' | 'minute'>, style: ClockStyle = 'id'): string =>
  `${pad(w.hour)}${style === 'id' ? '.' : ':'}${pad(w.minute)}`;

/** "04/12/2025 14.05 WIT": an instant as the office reads it. */
export function zonedDateTime(instant: string, zone: TimeZoneLabel, style: ClockStyle = 'id', seconds = false): string {
  const w = wallClock(instant, zone);
  if (!w) return instant;
  const sec = seconds ? `${style === 'id' ? '.' : ':'}${pad(w.second)}` : '';
  return `${pad(w.day)}/${pad(w.month)}/${w.year} ${clock(w, style)}${sec} ${zone}`;
}

/** "14.05 WIT": the clock time alone, with the zone. */
export function zonedTime(instant: string | Date, zone: TimeZoneLabel, style: ClockStyle = 'id'): string {
  const w = wallClock(instant, zone);
  return w ? `${clock(w, style)} ${zone}` : '';
}

/** The office's calendar day of an instant, `YYYY-MM-DD`. */
export function zonedDay(instant: string | Date, zone: TimeZoneLabel): string {
  const w = wallClock(instant, zone);
  return w ? `${w.year}-${pad(w.month)}-${pad(w.day)}` : '';
}

/** "2025-12-05T10:10:00+09:00": ISO 8601 with the office's offset (machine-readable, zone kept). */
export function zonedIso(instant: string, zone: TimeZoneLabel): string {
  const w = wallClock(instant, zone);
  if (!w) return instant;
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${isoOffset(zone)}`;
}

/** RFC 822 in the office's zone, "Fri, 05 Dec 2025 10:10:00 +0900" (RSS pubDate). */
export function rfc822(instant: string, zone: TimeZoneLabel): string {
  const w = wallClock(instant, zone);
  if (!w) return new Date(instant).toUTCString();
  return `${DAYS_SHORT[w.weekday]}, ${pad(w.day)} ${MONTHS_SHORT[w.month - 1]} ${w.year} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${rfc822Offset(zone)}`;
}

/**
 * "4/12/2025", "04/12/2025", "4-12-2025" or "4.12.2025" → "2025-12-04"; null when it is not a
 * real day. Always day first, as Indonesian writes dates, whatever the browser's locale.
 */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "14.05", "14:05" or "9.30" → { hour, minute } on a 24-hour clock; null otherwise. */
export function parseClock(text: string): { hour: number; minute: number } | null {
  const m = /^\s*(\d{1,2})[.:](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** A day and a clock time typed by the writer, read in the office's zone → instant; null if either is bad. */
export function parseZoned(dayText: string, clockText: string, zone: TimeZoneLabel): string | null {
  const day = parseDayMonthYear(dayText);
  const time = parseClock(clockText);
  return day && time ? instantOf(day, time, zone) : null;
}
