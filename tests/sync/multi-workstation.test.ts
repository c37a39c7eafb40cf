import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { enrollPerson } from '../../src/server/admin';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import {
  closeAll,
  hqContent,
  hqRevisions,
  openWorkstation,
  pendingOutbox,
  workstationContent,
  workstationRevisions,
  writeRelease,
  type Workstation,
} from './helpers/world';

describe('sync between workstations through one HQ', () => {
  const tmp = makeTempDir('warta-sync-multi-');
  let hq: Hq;
  const ws: Workstation[] = [];

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    for (const name of ['a', 'b', 'c']) {
      const w = openWorkstation(tmp.dir, name);
      await w.sync.handlers.connectToHq({
        serverUrl: hq.url,
        code: await hq.code('KPU Kabupaten Blora', `Penulis ${name}`),
      });
      ws.push(w);
    }
  });

  afterAll(() => closeAll(tmp, ws, hq));

  it('keeps the device token in a 0600 file and the identity in settings', () => {
    const a = ws[0]!;
    const mode = statSync(join(a.dataDir, 'secrets.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    const status = a.sync.service.status();
    expect(status.connected).toBe(true);
    expect(status.identity?.office).toBe('KPU Kabupaten Blora');
    expect(status.identity?.name).toBe('Penulis a');
  });

  it('what one workstation writes arrives on the other two, edits and deletes included', async () => {
    const [a, b, c] = ws as [Workstation, Workstation, Workstation];
    const id1 = await writeRelease(a, {
      title: 'Rapat pleno rekapitulasi di Blora',
      body: doc(paragraph('p1', 'Blora – KPU menggelar rapat pleno.')),
    });
    const id2 = await writeRelease(b, {
      title: 'Sosialisasi pemilih pemula',
      body: doc(paragraph('q1', 'Sosialisasi di SMA 1.')),
    });
    const id3 = await writeRelease(c, { title: 'Pengumuman daftar pemilih tetap', tags: ['dpt'] });

    for (const w of ws) await w.sync.handlers.syncNow({});
    for (const w of ws) await w.sync.handlers.syncNow({});

    const hqNow = hqContent(hq);
    expect([...hqNow.keys()].sort()).toEqual([id1, id2, id3].sort());
    for (const w of ws) {
      expect(workstationContent(w)).toEqual(hqNow);
      expect(pendingOutbox(w)).toBe(0);
      const list = await w.releases.listReleases({ sort: 'updated_desc', limit: 100, offset: 0 });
      expect(list.items.every((r) => r.syncState === 'terkirim')).toBe(true);
    }

    // An edit on b and a delete on c travel too.
    await b.releases.saveRelease({ id: id1, fields: { title: 'Rapat pleno rekapitulasi suara di Blora' } });
    await c.releases.deleteRelease({ id: id2 });
    for (let round = 0; round < 2; round++) for (const w of ws) await w.sync.handlers.syncNow({});

    const after = hqContent(hq);
    expect([...after.keys()].sort()).toEqual([id1, id3].sort());
    expect(JSON.parse(after.get(id1)!).title).toBe('Rapat pleno rekapitulasi suara di Blora');
    for (const w of ws) {
      expect(workstationContent(w)).toEqual(after);
      // Every HQ revision exists exactly once on every side.
      expect(hqRevisions(hq).length).toBeGreaterThanOrEqual(5);
      expect(workstationRevisions(w)).toEqual(hqRevisions(hq));
    }
    // HQ's revisions show up in the local history as well.
    const history = await a.releases.listRevisions({ releaseId: id1 });
    expect(history.items.length).toBeGreaterThanOrEqual(2);
    expect(history.items[0]!.title).toBe('Rapat pleno rekapitulasi suara di Blora');

    const log = await a.sync.handlers.listSyncLog({ limit: 50 });
    expect(log.items.some((e) => e.message.startsWith('Sinkronisasi selesai'))).toBe(true);
  });

  it('explains a wrong code, an unreachable server and a bad address', async () => {
    const d = openWorkstation(tmp.dir, 'd');
    const e = openWorkstation(tmp.dir, 'e');
    try {
      await expect(d.sync.handlers.connectToHq({ serverUrl: hq.url, code: 'SALAH-KODE-1234' })).rejects.toThrow(
        /Kode pendaftaran salah|tidak valid/,
      );
      await expect(d.sync.handlers.connectToHq({ serverUrl: 'ftp://127.0.0.1/', code: 'ABCD-1234' })).rejects.toThrow(
        /http:\/\/ atau https:\/\//,
      );
      await expect(d.sync.handlers.connectToHq({ serverUrl: 'http://127.0.0.1:1', code: 'ABCD-1234' })).rejects.toThrow(
        /tidak dapat dihubungi/,
      );
      const stale = await enrollPerson(
        hq.server.storage,
        { office: 'KPU Kabupaten Blora', name: 'Kode lama', role: 'penulis' },
        new Date(Date.now() - 48 * 3600_000),
      );
      await expect(d.sync.handlers.connectToHq({ serverUrl: hq.url, code: stale.code })).rejects.toThrow(/kedaluwarsa/);
      const code = await hq.code('KPU Kabupaten Blora', 'Penulis d');
      await d.sync.handlers.connectToHq({ serverUrl: hq.url, code });
      await expect(e.sync.handlers.connectToHq({ serverUrl: hq.url, code })).rejects.toThrow(/sudah dipakai/);
      await expect(d.sync.handlers.syncNow({})).resolves.toMatchObject({ lastError: null });
    } finally {
      await d.close();
      await e.close();
    }
  });
});
