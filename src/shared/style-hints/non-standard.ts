/**
 * Common non-standard spellings and their standard (KBBI / PUEBI) forms. Matched as whole
 * words, case-insensitively; the suggestion keeps a leading capital.
 */
export const NON_STANDARD: Readonly<Record<string, string>> = {
  'di karenakan': 'dikarenakan',
  merubah: 'mengubah',
  dirubah: 'diubah',
  praktek: 'praktik',
  resiko: 'risiko',
  beresiko: 'berisiko',
  analisa: 'analisis',
  aktifitas: 'aktivitas',
  efektifitas: 'efektivitas',
  produktifitas: 'produktivitas',
  kwalitas: 'kualitas',
  sekedar: 'sekadar',
  ijin: 'izin',
  jadual: 'jadwal',
  himbauan: 'imbauan',
  menghimbau: 'mengimbau',
  dihimbau: 'diimbau',
  silahkan: 'silakan',
  diperbaharui: 'diperbarui',
  memperbaharui: 'memperbarui',
  antri: 'antre',
  obyek: 'objek',
  subyek: 'subjek',
  standarisasi: 'standardisasi',
  kadaluarsa: 'kedaluwarsa',
  kadaluwarsa: 'kedaluwarsa',
  terlanjur: 'telanjur',
  nafas: 'napas',
  apotik: 'apotek',
  hutang: 'utang',
  sholat: 'salat',
  propinsi: 'provinsi',
  kwitansi: 'kuitansi',
  tehnik: 'teknik',
  tehnis: 'teknis',
  sistim: 'sistem',
};

/**
 * "di" written apart from a passive verb ending in -kan ("di laksanakan" → "dilaksanakan").
 * Words that end in -kan but are places or nouns after the preposition "di" are left alone.
 */
export const NOT_PASSIVE = new Set(['pekan', 'ikan', 'bukan', 'depan']);
