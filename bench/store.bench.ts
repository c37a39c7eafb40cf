/**
 * Local store figures for the closing note:
 *  - autosave latency of a 5,000-word release, through the contract's dispatch (input
 *    validation included, as IPC and HTTP do it) and through the handler alone;
 *  - full-text search query time over 10,000 generated releases.
 * Real SQLite file in a temp dir with the production pragmas (WAL, synchronous=FULL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Handlers } from '../src/shared/contract';
import { dispatch } from '../src/shared/contract/dispatch';
import type { DocNode } from '../src/shared/domain/doc';
import { countWords } from '../src/shared/editor/text';
import { openStore } from '../src/main/store';
import { createReleaseHandlers } from '../src/main/services/releases';

const WORDS = (
  'pemilu pemilihan umum komisi kabupaten kota provinsi rapat pleno terbuka rekapitulasi suara hasil penetapan daftar pemilih tetap ' +
  'sementara sosialisasi pemula tahapan logistik kotak surat distribusi gudang panitia kecamatan desa kelurahan anggota ketua sekretaris ' +
  'divisi teknis penyelenggaraan hukum pengawasan bawaslu partai politik calon legislatif bupati walikota gubernur presiden wakil ' +
  'kampanye debat publik masyarakat warga desa relawan demokrasi partisipasi pendaftaran verifikasi faktual administrasi berkas ' +
  'dokumen laporan dana anggaran hibah pelantikan sumpah janji bimbingan teknis pelatihan petugas pemungutan penghitungan tempat ' +
  'tps formulir salinan saksi keberatan sengketa mahkamah konstitusi putusan jadwal agenda kegiatan kunjungan kerja koordinasi ' +
  'kepolisian keamanan ketertiban media massa wartawan konferensi pers siaran berita pengumuman informasi data terbaru blora cepu ' +
  'randublatung jepon kunduran ngawen todanan japah banjarejo jati kedungtuban sambong jiken bogorejo tunjungan kradenan menteng'
).split(' ');
const DIACRITIC = ['pemilú', 'rapát', 'suára', 'kabupatén'];

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}
const rand = lcg(42);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const sentence = (n: number) =>
  Array.from({ length: n }, () => (rand() < 0.01 ? pick(DIACRITIC) : pick(WORDS))).join(' ');

const paragraph = (i: number, text: string): DocNode => ({
  type: 'paragraph',
  attrs: { id: `p${i}` },
  content: [{ type: 'text', text }],
});
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1]!, n: s.length };
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const line = (label: string, xs: number[]) => {
  const s = stats(xs);
  console.log(`${label}: p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  (n=${s.n})`);
};

const dir = mkdtempSync(join(tmpdir(), 'warta-bench-store-'));
const store = openStore({ dataDir: dir });
const h = createReleaseHandlers(store);
const handlers = h as unknown as Handlers; // dispatch only calls the methods it is asked for
const fail = (method: string, error: unknown) => console.error(method, error);

try {
  // --- autosave of a 5,000-word release ---------------------------------------------
  const paragraphs = Array.from({ length: 100 }, (_, i) => paragraph(i, sentence(50)));
  const release = await h.createRelease({
    fields: { title: 'Rilis panjang 5.000 kata', body: { type: 'doc', content: paragraphs } },
  });
  console.log(
    `release body: ${countWords({ type: 'doc', content: paragraphs })} words, ${JSON.stringify(paragraphs).length} bytes of JSON`,
  );
  const viaDispatch: number[] = [];
  const viaHandler: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    // Typing: one paragraph grows by a word between saves.
    const k = i % paragraphs.length;
    const p = paragraphs[k]!;
    paragraphs[k] = paragraph(k, `${p.content![0]!.text!} ${pick(WORDS)}`);
    const input = { id: release.id, fields: { body: { type: 'doc', content: [...paragraphs] } } };
    const t0 = performance.now();
    if (i % 2 === 0) {
      const env = await dispatch(handlers, 'saveRelease', input, fail);
      if (!env.ok) throw new Error(env.error.message);
      viaDispatch.push(performance.now() - t0);
    } else {
      await h.saveRelease(input);
      viaHandler.push(performance.now() - t0);
    }
  }
  line('autosave 5,000-word release via dispatch (zod validation + handler + commit)', viaDispatch.slice(5));
  line('autosave 5,000-word release via handler only (commit incl. fsync)', viaHandler.slice(5));
  const revs = (await h.listRevisions({ releaseId: release.id })).items.length;
  console.log(`revisions after 300 autosaves (coalesced): ${revs}`);

  // --- FTS over 10,000 releases --------------------------------------------------------
  const t0 = performance.now();
  const N = 10_000;
  for (let batch = 0; batch < N; batch += 500) {
    store.db.transaction(() => {
      for (let i = batch; i < batch + 500; i += 1) {
        const body: DocNode = {
          type: 'doc',
          content: Array.from({ length: 6 }, (_, j) => paragraph(j, sentence(40 + Math.floor(rand() * 30)))),
        };
        void h.createRelease({ fields: { title: `${sentence(6)} ${i}`, summary: sentence(20), body } });
      }
    })();
  }
  const total = (await h.listReleases({ sort: 'updated_desc', limit: 1, offset: 0 })).total;
  console.log(
    `generated ${total} releases in ${((performance.now() - t0) / 1000).toFixed(1)} s; database ${(((store.db.pragma('page_count', { simple: true }) as number) * 4096) / 1048576) | 0} MB`,
  );
  const queries = [
    'pemilu',
    'pemil',
    'Pemilú',
    'rapat pleno',
    'rekap',
    'kotak suara',
    'blora cepu',
    'verifikasi faktual',
    'sengketa mahkamah',
    'tps',
    'ka',
    'zzzz tidak ada',
    'pelantikan anggota',
    'debat',
    'suára',
  ];
  const times: number[] = [];
  let hits = 0;
  for (let round = 0; round < 10; round += 1) {
    for (const query of queries) {
      const q0 = performance.now();
      const res = await h.searchReleases({ query, limit: 30 });
      times.push(performance.now() - q0);
      hits += res.items.length;
    }
  }
  line(`FTS query over ${total} releases (top 30, ranked, highlighted)`, times);
  console.log(`(avg ${(hits / times.length).toFixed(1)} hits per query)`);

  // --- start-up: open = quick_check + migrations check ---------------------------------
  store.close();
  const opens: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const o0 = performance.now();
    openStore({ dataDir: dir }).close();
    opens.push(performance.now() - o0);
  }
  line(`openStore (quick_check included) with ${total} releases`, opens);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
