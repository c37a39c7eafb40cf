import { describe, expect, it } from 'vitest';
import { styleHints } from '../../src/shared/style-hints';

const kinds = (text: string) => styleHints(text).map((h) => [h.kind, h.text, h.suggestion ?? h.other ?? h.count]);

/** A release as the seed and the templates write it: house style throughout. */
const WELL_FORMED = [
  'Blora – Komisi Pemilihan Umum (KPU) Kabupaten Blora menggelar rapat pleno terbuka rekapitulasi daftar pemilih tetap (DPT) untuk Pemilihan Bupati dan Wakil Bupati Blora Tahun 2024 di aula kantor KPU Kabupaten Blora, Kamis (4/12/2025).',
  'Rapat dihadiri oleh Bawaslu Kabupaten Blora, perwakilan partai politik, dan PPK dari enam belas kecamatan. Hasil rekapitulasi ditetapkan dalam berita acara.',
  '"Kami memastikan setiap warga yang berhak memilih tercatat dalam DPT," ujar Ketua KPU Kabupaten Blora, Muhammad Khamdun.',
  'Informasi lebih lanjut dapat diperoleh di kantor KPU Kabupaten Blora atau melalui laman resmi.',
].join('\n');

describe('house-style hints', () => {
  it('a well-formed release gives none', () => {
    expect(styleHints(WELL_FORMED)).toEqual([]);
  });

  it('flags common non-standard forms with the KBBI/PUEBI form', () => {
    expect(kinds('Rapat ditunda di karenakan hujan. Panitia merubah jadwal; resiko dan praktek lama.')).toEqual([
      ['nonStandard', 'di karenakan', 'dikarenakan'],
      ['nonStandard', 'merubah', 'mengubah'],
      ['nonStandard', 'praktek', 'praktik'],
      ['nonStandard', 'resiko', 'risiko'],
    ]);
    expect(kinds('Rapat di laksanakan hari ini di pekan raya.')).toEqual([
      ['nonStandard', 'di laksanakan', 'dilaksanakan'],
    ]);
    expect(kinds('Resiko itu kecil.')).toEqual([['nonStandard', 'Resiko', 'Risiko']]);
  });

  it('flags a repeated word, but not reduplication', () => {
    expect(kinds('Rapat yang yang dihadiri masing-masing anggota.')).toEqual([
      ['repeatedWord', 'yang yang', undefined],
    ]);
  });

  it('flags an overlong sentence', () => {
    const long = `Rapat ${'pleno terbuka '.repeat(20)}selesai.`;
    expect(kinds(long)).toEqual([['longSentence', 'Rapat pleno terbuka pleno terbuka pleno terbuka pleno', 42]]);
  });

  it('flags an official name written two ways in one release', () => {
    expect(kinds('KPU Kabupaten Blora menggelar rapat. Ketua KPU Kab. Blora hadir.')).toEqual([
      ['inconsistentName', 'KPU Kabupaten Blora', 'KPU Kab. Blora'],
    ]);
    expect(kinds('Data Sirekap diperbarui. Publik dapat melihat SIREKAP.')).toEqual([
      ['inconsistentName', 'SIREKAP', 'Sirekap'],
    ]);
  });

  it('flags a dateline written with a hyphen or an em dash instead of the en dash', () => {
    expect(kinds('Blora - Komisi Pemilihan Umum menggelar rapat.')).toEqual([['datelineDash', 'Blora -', 'Blora –']]);
    expect(kinds('Blora — Komisi Pemilihan Umum menggelar rapat.')).toEqual([['datelineDash', 'Blora —', 'Blora –']]);
    expect(kinds('Blora – Komisi Pemilihan Umum menggelar rapat.')).toEqual([]);
  });
});
