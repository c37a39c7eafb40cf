import { describe, expect, it } from 'vitest';
import { IANA_ZONES, zoneOfProvince } from '../../src/shared/office';
import {
  dayMonthYear,
  parseClock,
  parseDayMonthYear,
  parseZoned,
  rfc822,
  zonedDateTime,
  zonedDay,
  zonedIso,
  zonedTime,
} from '../../src/shared/time';

const AT = '2025-12-05T02:10:00.000Z';

describe('office time zones', () => {
  it('shows one instant on each office’s own clock, with its label', () => {
    expect(zonedDateTime(AT, 'WIB')).toBe('05/12/2025 09.10 WIB');
    expect(zonedDateTime(AT, 'WITA')).toBe('05/12/2025 10.10 WITA');
    expect(zonedDateTime(AT, 'WIT')).toBe('05/12/2025 11.10 WIT');
    expect(zonedDateTime(AT, 'WIT', 'en')).toBe('05/12/2025 11:10 WIT');
    expect(zonedDateTime('2025-12-05T02:10:07.000Z', 'WITA', 'id', true)).toBe('05/12/2025 10.10.07 WITA');
    expect(zonedTime('2025-12-05T14:30:00.000Z', 'WIT')).toBe('23.30 WIT');
  });

  it('crosses midnight into the next day in the east before the west', () => {
    const late = '2025-12-05T16:30:00.000Z';
    expect(zonedDay(late, 'WIB')).toBe('2025-12-05');
    expect(zonedDay(late, 'WIT')).toBe('2025-12-06');
  });

  it('writes machine-readable times with the office offset', () => {
    expect(zonedIso(AT, 'WIT')).toBe('2025-12-05T11:10:00+09:00');
    expect(new Date(zonedIso(AT, 'WIT')).toISOString()).toBe(AT);
    expect(rfc822(AT, 'WIT')).toBe('Fri, 05 Dec 2025 11:10:00 +0900');
    expect(new Date(rfc822(AT, 'WITA')).toISOString()).toBe(AT);
  });

  it('reads a day and a 24-hour time typed in the office zone as the right instant', () => {
    expect(parseZoned('5/12/2025', '11.10', 'WIT')).toBe(AT);
    expect(parseZoned('05/12/2025', '09:10', 'WIB')).toBe(AT);
    expect(parseZoned('31/2/2025', '09.10', 'WIB')).toBeNull();
    expect(parseZoned('5/12/2025', '24.00', 'WIB')).toBeNull();
  });

  it('reads dates day first whatever the browser locale would do', () => {
    expect(parseDayMonthYear('3/12/2026')).toBe('2026-12-03');
    expect(parseDayMonthYear('12/03/2026')).toBe('2026-03-12');
    expect(parseDayMonthYear('2026-12-03')).toBeNull();
    expect(parseDayMonthYear('29/2/2025')).toBeNull();
    expect(dayMonthYear('2026-12-03')).toBe('03/12/2026');
    expect(parseClock('7.05')).toEqual({ hour: 7, minute: 5 });
    expect(parseClock('7 pm')).toBeNull();
  });

  it('derives the zone from the province and names its IANA zone', () => {
    expect(zoneOfProvince('94')).toBe('WIT'); // Papua
    expect(zoneOfProvince('73')).toBe('WITA'); // Sulawesi Selatan
    expect(zoneOfProvince('33')).toBe('WIB'); // Jawa Tengah
    expect(IANA_ZONES.WIT).toBe('Asia/Jayapura');
    // The fixed offsets agree with the platform's tz data.
    const viaIntl = new Intl.DateTimeFormat('en-GB', {
      timeZone: IANA_ZONES.WITA,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(AT));
    expect(viaIntl).toBe('10:10');
  });
});
