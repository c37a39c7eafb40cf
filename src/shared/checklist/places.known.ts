import { PLACE_NAMES } from './places';

let known: Set<string> | null = null;

/** "Kabupaten Blora", "Kota Makassar", "BLORA" and "Cepu" are all places idn-area-data knows. */
export function isKnownPlace(place: string): boolean {
  known ??= new Set(PLACE_NAMES.split('|'));
  const name = place
    .toLowerCase()
    .replace(/[\s\u2013\u2014-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(kabupaten|kab\.|kota administrasi|kota adm\.|kota)\s+/, '');
  return name !== '' && known.has(name);
}
