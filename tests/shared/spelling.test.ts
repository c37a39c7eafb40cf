import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeWords } from '../../src/shared/spelling/glossary';
import { createSpeller, type Speller } from '../../src/shared/spelling/speller';
import { words } from '../../src/shared/spelling/tokenize';

const root = join(import.meta.dirname, '..', '..');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');

describe('Indonesian spellchecker (shipped dictionary, no download)', () => {
  let speller: Speller;
  beforeAll(() => {
    const places = [
      ...placeWords(read('node_modules', 'idn-area-data', 'data', 'provinces.csv')),
      ...placeWords(read('node_modules', 'idn-area-data', 'data', 'regencies.csv')),
    ];
    speller = createSpeller(
      { aff: read('resources', 'dictionaries', 'id_ID.aff'), dic: read('resources', 'dictionaries', 'id_ID.dic') },
      places,
    );
  });

  it('accepts correct Indonesian, with its affixes and reduplication', () => {
    for (const word of ['pemilihan', 'diselenggarakan', 'rekapitulasi', 'penghitungan', 'masing-masing', 'Kamis'])
      expect(speller.correct(word), word).toBe(true);
  });

  it('flags misspellings and non-standard forms, and suggests the right word', () => {
    for (const word of ['pemiliahn', 'merubah', 'resiko', 'praktek']) expect(speller.correct(word), word).toBe(false);
    expect(speller.suggest('pemiliahn')).toContain('pemilihan');
    expect(speller.suggest('resiko')).toContain('risiko');
  });

  it('accepts the KPU glossary and the names of provinces and regencies', () => {
    for (const word of ['PKPU', 'DPTb', 'KPPS', 'Sirekap', 'Sidalih', 'Bawaslu', 'DKPP', 'Sosdiklih', 'Parmas'])
      expect(speller.correct(word), word).toBe(true);
    for (const word of ['Blora', 'Jayapura', 'Gorontalo', 'Nduga', 'Sumatera'])
      expect(speller.correct(word), word).toBe(true);
  });

  it('accepts a word once added (the office dictionary)', () => {
    expect(speller.correct('Waena')).toBe(false);
    speller.add('Waena');
    expect(speller.correct('Waena')).toBe(true);
  });

  it('looks only at words: numbers, codes, links and addresses are left alone', () => {
    const text =
      'Nomor 12/HM.02-SP/3316/2025, lihat https://kpu.go.id/berita atau humas@kpu.go.id; masing-masing Ma’ruf.';
    expect(words(text).map((w) => w.word)).toEqual(['Nomor', 'lihat', 'atau', 'masing-masing', 'Ma’ruf']);
    const [first] = words('  rapat pleno');
    expect(first).toEqual({ word: 'rapat', from: 2, to: 7 });
  });
});
