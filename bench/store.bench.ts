/**
 * The local store at office scale, each call as the renderer makes it (through the contract's
 * dispatch, input validation included, as IPC and HTTP do it):
 *  - autosave of a long release, one word typed between saves (p50/p95 over many saves);
 *  - full-text search over a large library with the queries a writer types into the
 *    library's search box (p50/p95);
 *  - the library's first page (what the library shows on opening).
 * A real SQLite file in a temp dir with the production pragmas (WAL, synchronous=FULL): every
 * save below is an fsync'd commit. Text is drawn from a Zipf-distributed vocabulary, so common
 * words ("pemilu") match most releases and rare ones a few, as in an office's archive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Handlers } from '../src/shared/contract';
import { dispatch } from '../src/shared/contract/dispatch';
import type { DocNode } from '../src/shared/domain/doc';
import { countWords } from '../src/shared/editor/text';
import { createRelease, openStore, type Store } from '../src/main/store';
import { createReleaseHandlers } from '../src/main/services/releases';
import { applyPragmas, openRaw } from '../src/main/store/db';
import { sized } from './lib/scale';
import { record, recordSummary } from './lib/report';
import { median, quantile, summarize } from './lib/stats';

/** p95 (with its target) and p50 of each run, each the median of the runs with its spread. */
function recordPercentiles(name: string, runs: { p50: number; p95: number }[], p95Target: number, note: string): void {
  recordSummary(
    { suite: 'store', name: `${name} p95`, unit: 'ms', target: { op: '<=', value: p95Target }, note },
    summarize(runs.map((r) => r.p95)),
  );
  recordSummary({ suite: 'store', name: `${name} p50`, unit: 'ms', note }, summarize(runs.map((r) => r.p50)));
}

const size = sized({
  full: { releases: 100_000, words: [50, 350], autosaveWords: 10_000, saves: 200, runs: 3, searchRounds: 5 },
  quick: { releases: 10_000, words: [50, 350], autosaveWords: 10_000, saves: 60, runs: 3, searchRounds: 3 },
  tiny: { releases: 200, words: [30, 80], autosaveWords: 1_000, saves: 10, runs: 1, searchRounds: 1 },
});

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
const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu'.split(
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
const heading = (text: string): DocNode => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
});
const between = ([lo, hi]: number[]) => lo! + Math.floor(rand() * (hi! - lo! + 1));

/** A body of about `words` words: paragraphs of 40–80 words, a heading now and then. */
function body(words: number): DocNode {
  const content: DocNode[] = [];
  for (let left = words; left > 0;) {
    const n = Math.min(left, 40 + Math.floor(rand() * 41));
    content.push(rand() < 0.1 ? heading(sentence(Math.min(n, 6))) : paragraph(sentence(n)));
    left -= n;
  }
  return { type: 'doc', content };
}

const dir = mkdtempSync(join(tmpdir(), 'warta-bench-store-'));
let store: Store = openStore({ dataDir: dir });
let handlers = createReleaseHandlers(store) as unknown as Handlers; // dispatch calls only the releases area
const fail = (method: string, error: unknown) => console.error(method, error);

async function call<T>(method: string, input: unknown): Promise<T> {
  const env = await dispatch(handlers, method, input, fail);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.value as T;
}

try {
  // --- autosave of a long release -----------------------------------------------------------
  const long = body(size.autosaveWords);
  const paragraphs = long.content!;
  const created = await call<{ id: string }>('createRelease', { fields: { title: 'Rilis panjang', body: long } });
  const words = countWords(long);
  const bytes = JSON.stringify(long).length;
  const runs: { p50: number; p95: number }[] = [];
  for (let run = 0; run < size.runs; run += 1) {
    const times: number[] = [];
    for (let i = 0; i < size.saves; i += 1) {
      // Typing: one paragraph grows by a word between saves, as the editor sends the whole body.
      const k = Math.floor(rand() * paragraphs.length);
      const p = paragraphs[k]!;
      paragraphs[k] = { ...p, content: [{ type: 'text', text: `${p.content![0]!.text!} ${word()}` }] };
      const input = { id: created.id, fields: { body: { type: 'doc', content: [...paragraphs] } } };
      const t0 = performance.now();
      await call('saveRelease', input);
      times.push(performance.now() - t0);
    }
    runs.push({ p50: median(times), p95: quantile(times, 0.95) });
  }
  const autosaveNote = `${words.toLocaleString('en-US')}-word release (${Math.round(bytes / 1024)} KB JSON), ${size.saves} saves per run, via dispatch, fsync'd commit`;
  recordPercentiles('autosave', runs, 10, autosaveNote);

  // What bounds the figure above: the same number of commits of a row of the body's size on
  // the same disk with the same pragmas, and nothing else (no validation, history or index).
  const floor = openRaw(join(dir, 'floor.db'));
  applyPragmas(floor);
  floor.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
  const put = floor.prepare('INSERT OR REPLACE INTO t (id, body) VALUES (1, ?)');
  const floorTimes: number[] = [];
  for (let i = 0; i < size.saves; i += 1) {
    const text = `${i} ${'x'.repeat(bytes)}`;
    const t0 = performance.now();
    floor.transaction(() => put.run(text))();
    floorTimes.push(performance.now() - t0);
  }
  floor.close();
  record({
    suite: 'store',
    name: "bare fsync'd commit p95",
    value: quantile(floorTimes, 0.95),
    unit: 'ms',
    note: `one ${Math.round(bytes / 1024)} KB row per commit, WAL, synchronous=FULL: the disk's floor under autosave (p50 ${median(floorTimes).toFixed(2)} ms)`,
  });

  // --- a large library -----------------------------------------------------------------------
  // Through the store's own createRelease (row, search index, history, outbox, as the contract
  // stores them), in one transaction: the fill is setup, not a figure the writer waits on.
  const f0 = performance.now();
  const { db } = store;
  const fill = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1)
      createRelease(store, {
        title: `${sentence(4 + Math.floor(rand() * 6))} ${i}`,
        summary: sentence(20),
        body: body(between(size.words)),
      });
  });
  for (let i = 0; i < size.releases; i += 5_000) fill(i, Math.min(size.releases, i + 5_000));
  // A library this size has long been synced: nothing waits in the outbox.
  db.exec('DELETE FROM outbox');
  const fillSeconds = (performance.now() - f0) / 1000;
  const mb =
    ((db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)) /
    1048576;
  record({
    suite: 'store',
    name: 'library fill',
    value: size.releases / fillSeconds,
    unit: 'releases/s',
    note: `${size.releases.toLocaleString('en-US')} releases of ${size.words.join('–')} words, ${Math.round(mb)} MB database`,
  });
  // The library opens on a fresh start: reopen so nothing is warm from the fill.
  store.close();
  store = openStore({ dataDir: dir });
  handlers = createReleaseHandlers(store) as unknown as Handlers;

  // --- the library's first page ----------------------------------------------------------------
  const pages: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const t0 = performance.now();
    const page = await call<{ items: unknown[]; total: number }>('listReleases', {
      sort: 'updated_desc',
      limit: 100,
      offset: 0,
    });
    pages.push(performance.now() - t0);
    if (page.items.length !== Math.min(100, size.releases + 1)) throw new Error('first page came back short');
  }
  recordSummary(
    {
      suite: 'store',
      name: 'first library page',
      unit: 'ms',
      note: `100 rows and the total, of ${(size.releases + 1).toLocaleString('en-US')} releases`,
    },
    summarize(pages),
  );

  // --- search --------------------------------------------------------------------------------
  const rare = VOCAB[3_000]!;
  const queries = [
    'pemilu', // the office's most common word: most releases hold it
    'Pemilú', // with a diacritic
    'kabupatén blora',
    'rapat pleno',
    'rapat pleno terbuka', // a phrase, typed as words
    'rekap', // prefixes, as the box searches while typing
    'sosialisasi pem',
    'verifikasi faktual',
    'sengketa mahkamah konstitusi',
    'tps',
    'debat',
    rare,
    `${rare} ${VOCAB[4_000]!}`,
    'tidakada',
  ];
  const rounds: { p50: number; p95: number }[] = [];
  let hits = 0;
  let samples = 0;
  for (let round = 0; round < size.searchRounds; round += 1) {
    const times: number[] = [];
    for (const query of queries) {
      const t0 = performance.now();
      const res = await call<{ items: unknown[] }>('searchReleases', { query, limit: 100 });
      times.push(performance.now() - t0);
      hits += res.items.length;
      samples += 1;
    }
    rounds.push({ p50: median(times), p95: quantile(times, 0.95) });
  }
  const searchNote = `${queries.length} queries × ${size.searchRounds} rounds over ${(size.releases + 1).toLocaleString('en-US')} releases, limit 100 as the library asks, ${(hits / samples).toFixed(0)} hits per query on average`;
  recordPercentiles('search', rounds, 5, searchNote);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
