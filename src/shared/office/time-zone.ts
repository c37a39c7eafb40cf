import { z } from 'zod';

/** Indonesia's three zones, by the label people use (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura). */
export const TimeZoneSchema = z.enum(['WIB', 'WITA', 'WIT']);
export type TimeZoneLabel = z.infer<typeof TimeZoneSchema>;

// Provinces by idn-area-data code. Kalimantan Barat and Tengah (61, 62) keep Western time;
// the rest of Kalimantan, Bali, Nusa Tenggara and Sulawesi are Central; Maluku and Papua Eastern.
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The zone of an office's province; WIB, where most offices are, when the province is unknown. */
export function zoneOfProvince(provinceCode: string | null): TimeZoneLabel {
  if (provinceCode && WIT_PROVINCES.has(provinceCode)) return 'WIT';
  if (provinceCode && WITA_PROVINCES.has(provinceCode)) return 'WITA';
  return 'WIB';
}

/** The IANA name of each zone (for `Intl` and anything outside that speaks IANA). */
export const IANA_ZONES: Record<TimeZoneLabel, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};
