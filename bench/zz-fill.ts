import { performance } from 'node:perf_hooks';
import type { DocNode } from '../src/shared/domain/doc';
import { createRelease, openStore } from '../src/main/store';
const size = { words: [80, 500] };
// --- a seeded Zipf vocabulary -------------------------------------------------------------
const FUNCTION_WORDS = 'yang dan di ke dari untuk dengan pada ini itu dalam akan oleh telah sebagai'.split(' ');
const DOMAIN_WORDS = (
  'pemilu kpu kabupaten rapat suara pemilihan umum komisi kota provinsi pleno terbuka rekapitulasi hasil penetapan ' +
  'daftar pemilih tetap sementara sosialisasi pemula tahapan logistik kotak surat distribusi gudang panitia ' +
  'kecamatan desa kelurahan anggota ketua sekretaris divisi teknis penyelenggaraan hukum pengawasan bawaslu partai ' +
  'politik calon legislatif bupati walikota gubernur presiden wakil kampanye debat publik masyarakat warga relawan ' +
  'demokrasi partisipasi pendaftaran verifikasi faktual administrasi berkas dokumen laporan dana anggaran hibah ' +
  'pelantikan sumpah janji bimbingan pelatihan petugas pemungutan penghitungan tempat tps formulir salinan saksi ' +
  'keberatan sengketa mahkamah konstitusi putusan jadwal agenda kegiatan kunjungan kerja koordinasi kepolisian ' +
  'keamanan ketertiban media massa wartawan konferensi pers siaran berita pengumuman informasi data terbaru blora ' +
  'cepu randublatung jepon kunduran ngawen todanan japah banjarejo jati kedungtuban sambong jiken bogorejo ' +
  'tunjungan kradenan menteng'
).split(' ');
// Some words carry their accent in the text, so a query without it must still find them.
const ACCENTED: Record<string, string> = { pemilu: 'pemilú', rapat: 'rapát', suara: 'suára', kabupaten: 'kabupatén' };
const SYLLABLES = 'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu'.split(
  ' ',
);

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}
const rand = lcg(42);
const synthetic = Array.from({ length: 20_000 }, (_, i) => {
  let w = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) w += SYLLABLES[n % SYLLABLES.length];
  return `${w}${SYLLABLES[i % 7]}`;
});
const VOCAB = [...FUNCTION_WORDS, ...DOMAIN_WORDS, ...synthetic];
// Cumulative 1/rank weights: a word's chance falls with its rank, as in real text.
const CUMULATIVE = (() => {
  let sum = 0;
  return VOCAB.map((_, i) => (sum += 1 / (i + 1)));
})();
function word(): string {
  const x = rand() * CUMULATIVE[CUMULATIVE.length - 1]!;
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  const w = VOCAB[lo]!;
  return ACCENTED[w] && rand() < 0.1 ? ACCENTED[w] : w;
}
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string): DocNode => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const between = ([lo, hi]: number[]) => lo! + Math.floor(rand() * (hi! - lo! + 1));

/** A body of about `words` words: paragraphs of 40–80 words, a heading now and then. */
function body(words: number): DocNode {
  const content: DocNode[] = [];
  for (let left = words; left > 0; ) {
    const n = Math.min(left, 40 + Math.floor(rand() * 41));
    content.push(rand() < 0.1 ? heading(sentence(Math.min(n, 6))) : paragraph(sentence(n)));
    left -= n;
  }
  return { type: 'doc', content };
}


const dir = process.argv[2]!; const N = Number(process.argv[3]);
const store = openStore({ dataDir: dir });
const { db } = store;
const t0 = performance.now();
const fill = db.transaction((from: number, to: number) => {
  for (let i = from; i < to; i += 1)
    createRelease(store, { title: `${sentence(4 + Math.floor(rand() * 6))} ${i}`, summary: sentence(20), body: body(between(size.words)) });
});
for (let i = 0; i < N; i += 5_000) { fill(i, Math.min(N, i + 5_000)); console.log(i, (performance.now()-t0)/1000, process.cpuUsage()); }
db.exec('DELETE FROM outbox');
store.close();
