import type { TimeZoneLabel } from '../office/time-zone';

/**
 * Indonesia's zones have kept fixed offsets without daylight saving since 1988 (WIT +9,
 * WITA +8, WIB +7), so a wall clock is the instant shifted by whole hours: exact, and the same
 * on every machine whatever its own zone or ICU data.
 */
const OFFSET_HOURS: Record<TimeZoneLabel, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** The wall clock of an office's zone at an instant. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday (Minggu) … 6 = Saturday (Sabtu). */
  weekday: number;
}

export function wallClock(instant: string | Date, zone: TimeZoneLabel): WallClock | null {
  const ms = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + OFFSET_HOURS[zone] * 3_600_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** The instant (ISO, UTC) of a calendar day and clock time read in the office's zone. */
export function instantOf(isoDate: string, time: { hour: number; minute: number }, zone: TimeZoneLabel): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const ms = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, time.hour, time.minute) - OFFSET_HOURS[zone] * 3_600_000;
  return new Date(ms).toISOString();
}

/** "+09:00" for WIT: the offset an ISO timestamp in the office's zone carries. */
export const isoOffset = (zone: TimeZoneLabel): string => `+${String(OFFSET_HOURS[zone]).padStart(2, '0')}:00`;

/** "+0900" for WIT: the offset as RFC 822 (RSS, HTTP-style dates) writes it. */
export const rfc822Offset = (zone: TimeZoneLabel): string => `+${String(OFFSET_HOURS[zone]).padStart(2, '0')}00`;
