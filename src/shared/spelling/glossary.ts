/**
 * Terms every KPU office writes that a general Indonesian dictionary does not know: election
 * bodies, their systems and programmes. Accepted as written (case as here, or all capitals).
 */
export const KPU_GLOSSARY: readonly string[] = [
  'KPU',
  'KPUD',
  'PKPU',
  'DPT',
  'DPS',
  'DPTb',
  'DPK',
  'PPK',
  'PPS',
  'KPPS',
  'PPLN',
  'KPPSLN',
  'PPDP',
  'TPS',
  'TPSLN',
  'Sirekap',
  'Silon',
  'Sidalih',
  'Sipol',
  'Sidapil',
  'Pilkada',
  'Pemilu',
  'Pilpres',
  'Pileg',
  'Bawaslu',
  'Panwaslu',
  'DKPP',
  'Sosdiklih',
  'Parmas',
  'Coklit',
  'Pantarlih',
  'Dapil',
  'DPR',
  'DPRD',
  'DPD',
  'MPR',
  'RI',
  'Kemendagri',
  'Dukcapil',
  'Polri',
  'TNI',
];

/**
 * The words of province and regency/city names in idn-area-data's CSV (`code,…,name`): "Kabupaten
 * Puncak Jaya" gives Puncak and Jaya. Names are proper nouns, accepted capitalised.
 */
export function placeWords(csv: string): string[] {
  const words = new Set<string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const name = line.slice(line.lastIndexOf(',') + 1).replace(/^"|"$/g, '');
    for (const word of name.split(/[\s()./]+/)) {
      if (/^\p{L}[\p{L}'’-]*$/u.test(word) && word.length > 1) words.add(word);
    }
  }
  return [...words];
}
