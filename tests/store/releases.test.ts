import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { WartaError } from '../../src/shared/contract/define';
import { ReleaseSchema } from '../../src/shared/domain/release';
import { COALESCE_IDLE_MS, readOutbox } from '../../src/main/store';
import { slugify } from '../../src/shared/text/slugify';
import { doc } from '../helpers/docs';
import { openWithHandlers } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const ID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('releases', () => {
  it('creates a draft with offline ids, defaults from the enrolled identity, and an outbox row', async () => {
    const { store, h } = openWithHandlers();
    store.settings.set('identity', {
      name: 'Sari Dewi',
      role: 'penulis',
      office: 'KPU Kabupaten Blora',
      deviceId: 'dev-1',
    });
    const r = await h.createRelease({ fields: { title: 'Rapat Pleno: Penetapan DPT Pemilú & Pilkada 2029' } });
    expect(ReleaseSchema.parse(r)).toEqual(r);
    expect(r.id).toMatch(ID_V7);
    expect(r).toMatchObject({
      slug: 'rapat-pleno-penetapan-dpt-pemilu-dan-pilkada-2029',
      status: 'draf',
      syncState: 'belum_terkirim',
      localRev: 1,
      category: 'berita-terkini',
      office: 'KPU Kabupaten Blora',
      dateline: 'Blora',
      byline: 'Sari Dewi',
    });
    expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(readOutbox(store.db)).toEqual([expect.objectContaining({ releaseId: r.id, kind: 'create', localRev: 1 })]);
    expect((await h.listRevisions({ releaseId: r.id })).items).toEqual([
      expect.objectContaining({ rev: 1, author: 'Sari Dewi', reason: 'created' }),
    ]);
  });

  it('saves partial fields, bumps localRev once per stored save, and skips saves that change nothing', async () => {
    const { store, h } = openWithHandlers();
    const r = await h.createRelease({});
    const body = doc('Paragraf pertama.', 'Paragraf kedua.');
    const s1 = await h.saveRelease({ id: r.id, fields: { title: 'Judul', body } });
    expect(s1).toMatchObject({ title: 'Judul', slug: 'judul', localRev: 2 });
    const s2 = await h.saveRelease({ id: r.id, fields: { title: 'Judul', body } });
    expect(s2.localRev).toBe(2);
    expect(readOutbox(store.db).map((e) => [e.kind, e.localRev])).toEqual([
      ['create', 1],
      ['save', 2],
    ]);
    // Stored as TipTap JSON text, never HTML.
    const raw = store.db.prepare('SELECT body, word_count FROM releases WHERE id = ?').get(r.id) as {
      body: string;
      word_count: number;
    };
    expect(JSON.parse(raw.body)).toEqual(body);
    expect(raw.word_count).toBe(4);
    expect((await h.getRelease({ id: r.id })).body).toEqual(body);
  });

  it('keeps slugs unique; a chosen slug sticks while an automatic one follows the title', async () => {
    const { h } = openWithHandlers();
    const a = await h.createRelease({ fields: { title: 'Rapat Pleno' } });
    const b = await h.createRelease({ fields: { title: 'Rapat  pleno!' } });
    expect([a.slug, b.slug]).toEqual(['rapat-pleno', 'rapat-pleno-2']);
    expect((await h.saveRelease({ id: b.id, fields: { title: 'Rapat Koordinasi' } })).slug).toBe('rapat-koordinasi');
    expect((await h.saveRelease({ id: b.id, fields: { slug: 'Pilihan Saya' } })).slug).toBe('pilihan-saya');
    expect((await h.saveRelease({ id: b.id, fields: { title: 'Judul Lain' } })).slug).toBe('pilihan-saya');
    expect(slugify('Ékspor  "Kopi" — Jawa Tengah')).toBe('ekspor-kopi-jawa-tengah');
    expect(slugify('')).toBe('');
  });

  it('deletes as a tombstone: hidden from lists and gets, kept in the table and the outbox', async () => {
    const { store, h } = openWithHandlers();
    const r = await h.createRelease({ fields: { title: 'Hapus aku' } });
    expect(await h.deleteRelease({ id: r.id })).toEqual({ deleted: true });
    expect((await h.listReleases({ sort: 'updated_desc', limit: 100, offset: 0 })).total).toBe(0);
    await expect(async () => h.getRelease({ id: r.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(async () => h.saveRelease({ id: r.id, fields: { title: 'x' } })).rejects.toBeInstanceOf(WartaError);
    const row = store.db.prepare('SELECT deleted_at, local_rev FROM releases WHERE id = ?').get(r.id) as {
      deleted_at: string;
      local_rev: number;
    };
    expect(row.deleted_at).toBeTruthy();
    expect(readOutbox(store.db).at(-1)).toMatchObject({ releaseId: r.id, kind: 'delete', localRev: row.local_rev });
  });

  it('lists with filters, sorts and paging', async () => {
    const { h } = openWithHandlers();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-12-01T01:00:00Z'));
    const a = await h.createRelease({ fields: { title: 'Bravo', category: 'pengumuman', date: '2025-11-01' } });
    vi.setSystemTime(new Date('2025-12-01T02:00:00Z'));
    const b = await h.createRelease({ fields: { title: 'alfa', category: 'kegiatan', date: '2025-12-01' } });
    vi.setSystemTime(new Date('2025-12-01T03:00:00Z'));
    const c = await h.createRelease({ fields: { title: 'Charlie', category: 'pengumuman', date: '2025-10-01' } });
    const ids = async (q: object) =>
      (await h.listReleases({ sort: 'updated_desc', limit: 100, offset: 0, ...q })).items.map((i) => i.id);
    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    expect(await ids({ sort: 'updated_asc' })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ sort: 'title_asc' })).toEqual([b.id, a.id, c.id]);
    expect(await ids({ sort: 'date_desc' })).toEqual([b.id, a.id, c.id]);
    expect(await ids({ category: 'pengumuman' })).toEqual([c.id, a.id]);
    expect(await ids({ status: 'terbit' })).toEqual([]);
    const page = await h.listReleases({ sort: 'updated_desc', limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual([b.id]);
    expect(page.items[0]).not.toHaveProperty('body');
  });

  it('keeps settings as JSON values read through a schema', () => {
    const { store } = openWithHandlers();
    expect(store.settings.get('hqUrl', z.string())).toBeUndefined();
    store.settings.set('hqUrl', 'https://pusat.example');
    store.settings.set('language', 'en');
    expect(store.settings.get('hqUrl', z.string())).toBe('https://pusat.example');
    expect(store.settings.get('language', z.number())).toBeUndefined();
    expect(store.authorName()).toBe('Penulis lokal');
    store.settings.delete('hqUrl');
    expect(store.settings.getRaw('hqUrl')).toBeUndefined();
  });

  it('backs up the database with the online backup API into backups/', async () => {
    const { h } = openWithHandlers();
    const r = await h.createRelease({ fields: { title: 'Dicadangkan', body: doc('isi penting') } });
    const out = await h.backupDatabase({});
    expect(out.path).toMatch(/backups[/\\]warta-\d{8}-\d{6}-\d{3}\.db$/);
    expect(existsSync(out.path) && statSync(out.path).size).toBe(out.bytes);
    const copy = new Database(out.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT title FROM releases WHERE id = ?').get(r.id)).toEqual({ title: 'Dicadangkan' });
    copy.close();
    const second = await h.backupDatabase({});
    expect(second.path).not.toBe(out.path);
  });
});

describe('history', () => {
  it('coalesces typing by one author, starts anew after a pause, and restores as a new revision', async () => {
    const { store, h } = openWithHandlers();
    vi.useFakeTimers({ toFake: ['Date'] });
    let t = Date.parse('2025-12-04T03:00:00Z');
    const at = (ms: number) => vi.setSystemTime(new Date((t += ms)));
    at(0);
    const r = await h.createRelease({ fields: { title: 'Draf' } });
    for (let i = 1; i <= 10; i += 1) {
      at(1000);
      await h.saveRelease({ id: r.id, fields: { body: doc(`Versi awal ketikan ${i}`) } });
    }
    expect((await h.listRevisions({ releaseId: r.id })).items.map((x) => x.rev)).toEqual([1]);

    at(COALESCE_IDLE_MS + 1000); // a coffee break
    await h.saveRelease({
      id: r.id,
      fields: { title: 'Judul Final', body: doc('Teks setelah istirahat, lebih panjang lagi') },
    });
    at(1000);
    store.settings.set('identity', { name: 'Budi', role: 'peninjau', office: 'KPU Kabupaten Blora', deviceId: 'd2' });
    await h.saveRelease({ id: r.id, fields: { body: doc('Suntingan Budi') } });
    const list = (await h.listRevisions({ releaseId: r.id })).items;
    expect(list.map((x) => [x.rev, x.author, x.reason, x.title, x.wordCount])).toEqual([
      [3, 'Budi', 'edited', 'Judul Final', 2],
      [2, 'Penulis lokal', 'edited', 'Judul Final', 6],
      [1, 'Penulis lokal', 'created', 'Draf', 4],
    ]);

    const one = await h.getRevision({ releaseId: r.id, rev: 1 });
    expect(one.fields.body).toEqual(doc('Versi awal ketikan 10'));
    expect(one.fields.title).toBe('Draf');

    at(1000);
    const restored = await h.restoreRevision({ releaseId: r.id, rev: 1 });
    expect(restored.body).toEqual(doc('Versi awal ketikan 10'));
    expect(restored.title).toBe('Draf');
    expect(restored.slug).toBe('draf'); // an automatic slug follows the restored title of a draft
    const after = (await h.listRevisions({ releaseId: r.id })).items;
    expect(after[0]).toMatchObject({ rev: 4, reason: 'restored', restoredFrom: 1, author: 'Budi' });
    // Nothing overwritten: the revisions before the restore are as they were.
    expect((await h.getRevision({ releaseId: r.id, rev: 3 })).fields.body).toEqual(doc('Suntingan Budi'));
    // Typing right after a restore starts its own revision; the restored one stays intact.
    at(1000);
    await h.saveRelease({ id: r.id, fields: { body: doc('Lanjut menulis') } });
    expect((await h.listRevisions({ releaseId: r.id })).items.map((x) => x.rev)).toEqual([5, 4, 3, 2, 1]);
    expect((await h.getRevision({ releaseId: r.id, rev: 4 })).fields.body).toEqual(doc('Versi awal ketikan 10'));
    await expect(async () => h.getRevision({ releaseId: r.id, rev: 99 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a long typing session still leaves checkpoints', async () => {
    const { h } = openWithHandlers();
    vi.useFakeTimers({ toFake: ['Date'] });
    let t = Date.parse('2025-12-04T03:00:00Z');
    vi.setSystemTime(new Date(t));
    const r = await h.createRelease({});
    for (let i = 0; i < 50; i += 1) {
      vi.setSystemTime(new Date((t += 60_000))); // a save every minute, never pausing 5 minutes
      await h.saveRelease({ id: r.id, fields: { body: doc(`menit ${i}`) } });
    }
    const revs = (await h.listRevisions({ releaseId: r.id })).items.length;
    expect(revs).toBeGreaterThan(1);
    expect(revs).toBeLessThan(5);
  });
});
