import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../src/shared/contract/releases';
import { toFtsQuery } from '../../src/main/store';
import { doc } from '../helpers/docs';
import { tempDir } from '../helpers/tmp';
import { openWithHandlers } from './helpers';

const plain = (h: Highlight) => h.map((s) => s.text).join('');
const matched = (h: Highlight) => h.filter((s) => s.match).map((s) => s.text);

async function library() {
  const ctx = openWithHandlers();
  const { h } = ctx;
  const a = await h.createRelease({
    fields: {
      title: 'Rapat Pleno Pemilú 2029',
      summary: 'Rekapitulasi suara tingkat kabupaten',
      body: doc('KPU Kabupaten Blora menggelar rapat pleno terbuka di aula kantor.'),
    },
  });
  const b = await h.createRelease({
    fields: {
      title: 'Sosialisasi pemilih pemula',
      body: doc('Sosialisasi pemilu di SMA Negeri 1 Cepu untuk pemilih pemula.', 'Peserta antusias.'),
    },
  });
  const c = await h.createRelease({
    fields: { title: 'Pengumuman seleksi PPK', body: doc('Seleksi anggota PPK dibuka hingga Jumat.') },
  });
  return { ...ctx, a, b, c };
}

describe('searchReleases', () => {
  it('ignores case and diacritics both ways', async () => {
    const { h, a, b } = await library();
    for (const q of ['Pemilu', 'pemilú', 'PEMILU', 'pémilu']) {
      const ids = (await h.searchReleases({ query: q, limit: 30 })).items.map((i) => i.release.id);
      expect(ids.sort()).toEqual([a.id, b.id].sort());
    }
  });

  it('matches each term as a prefix, all terms required, and finds words in the body', async () => {
    const { h, a, b, c } = await library();
    expect((await h.searchReleases({ query: 'pemil', limit: 30 })).items.map((i) => i.release.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect((await h.searchReleases({ query: 'pemil cep', limit: 30 })).items.map((i) => i.release.id)).toEqual([b.id]);
    expect((await h.searchReleases({ query: 'aula', limit: 30 })).items.map((i) => i.release.id)).toEqual([a.id]);
    expect((await h.searchReleases({ query: 'rekapitulasi', limit: 30 })).items.map((i) => i.release.id)).toEqual([
      a.id,
    ]);
    expect((await h.searchReleases({ query: 'seleksi', limit: 30 })).items.map((i) => i.release.id)).toEqual([c.id]);
    expect((await h.searchReleases({ query: 'tidakada', limit: 30 })).items).toEqual([]);
  });

  it('ranks a title match above a body mention', async () => {
    const { h, b } = await library();
    const extra = await h.createRelease({
      fields: { title: 'Laporan kegiatan', body: doc('Catatan singkat: sosialisasi berjalan.') },
    });
    const ids = (await h.searchReleases({ query: 'sosialisasi', limit: 30 })).items.map((i) => i.release.id);
    expect(ids).toEqual([b.id, extra.id]);
  });

  it('returns highlights as plain segments, never HTML', async () => {
    const { h } = await library();
    const [hit] = (await h.searchReleases({ query: 'pemil', limit: 30 })).items.filter((i) =>
      i.release.title.startsWith('Rapat'),
    );
    expect(hit).toBeDefined();
    expect(plain(hit!.title)).toBe('Rapat Pleno Pemilú 2029');
    expect(matched(hit!.title)).toEqual(['Pemilú']);
    const [body] = (await h.searchReleases({ query: 'aula', limit: 30 })).items;
    expect(matched(body!.snippet)).toEqual(['aula']);
    expect(plain(body!.snippet)).toContain('rapat pleno terbuka di aula kantor');
    expect(JSON.stringify(body)).not.toMatch(/<b>|<mark>|\uE000|\uE001/);
  });

  it('never lets the query reach FTS5 as syntax', async () => {
    const { h, a } = await library();
    for (const q of [
      '"foo',
      'AND(',
      '*',
      'NEAR(a b',
      'pleno OR',
      '"',
      '()',
      '^x',
      'a:b',
      '-',
      'col:pleno',
      "'; DROP TABLE releases; --",
      '\uE000',
      '',
    ]) {
      const res = await h.searchReleases({ query: q, limit: 30 });
      expect(Array.isArray(res.items)).toBe(true);
    }
    expect((await h.searchReleases({ query: '"pleno', limit: 30 })).items.map((i) => i.release.id)).toEqual([a.id]);
    expect((await h.searchReleases({ query: 'pleno)', limit: 30 })).items.map((i) => i.release.id)).toEqual([a.id]);
    expect(toFtsQuery('*')).toBeNull();
    expect(toFtsQuery('Pleno "AND(')).toBe('"pleno"* "and"*');
  });

  it('stays in step with saves and deletes', async () => {
    const { h, a } = await library();
    await h.saveRelease({ id: a.id, fields: { body: doc('Isi baru tentang logistik kotak suara.') } });
    expect((await h.searchReleases({ query: 'aula', limit: 30 })).items).toEqual([]);
    expect((await h.searchReleases({ query: 'logistik', limit: 30 })).items.map((i) => i.release.id)).toEqual([a.id]);
    await h.deleteRelease({ id: a.id });
    expect((await h.searchReleases({ query: 'logistik', limit: 30 })).items).toEqual([]);
  });

  it('finds a word typed in the last save, also after the app was closed before any search', async () => {
    const dir = tempDir('warta-store-');
    const first = openWithHandlers(dir);
    const a = await first.h.createRelease({ fields: { title: 'Rapat koordinasi', body: doc('Rapat di aula.') } });
    await first.h.saveRelease({ id: a.id, fields: { body: doc('Rapat di aula.', 'Hadir petugas logistik.') } });
    expect((await first.h.searchReleases({ query: 'logistik', limit: 30 })).items.map((i) => i.release.id)).toEqual([
      a.id,
    ]);
    // Typed again, then the app closes (or crashes) before anyone searches.
    await first.h.saveRelease({ id: a.id, fields: { title: 'Rapat pleno', body: doc('Distribusi kotak suara.') } });
    first.store.close();

    const { h } = openWithHandlers(dir);
    expect((await h.searchReleases({ query: 'distribusi', limit: 30 })).items.map((i) => i.release.id)).toEqual([a.id]);
    expect((await h.searchReleases({ query: 'pleno', limit: 30 })).items.map((i) => i.release.id)).toEqual([a.id]);
    expect((await h.searchReleases({ query: 'logistik', limit: 30 })).items).toEqual([]);
    expect((await h.searchReleases({ query: 'koordinasi', limit: 30 })).items).toEqual([]);
  });
});
