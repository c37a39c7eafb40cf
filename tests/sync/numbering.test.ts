import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOfficeSetting } from '../../src/server/offices';
import { fields } from '../helpers/docs';
import { enrollDevice, newId, push } from '../helpers/hq-api';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, writeRelease, type Workstation } from './helpers/world';

const PATTERN = /^(\d+)\/HM\.02-SP\/3316\/2025$/;

// Release numbers never repeat across an office's workstations, even when they write offline
// at the same time: HQ gives each release its number when the release first reaches it.
describe('release numbers', () => {
  const tmp = makeTempDir('warta-numbers-');
  let hq: Hq;
  let a: Workstation;
  let b: Workstation;

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    a = openWorkstation(tmp.dir, 'a');
    b = openWorkstation(tmp.dir, 'b');
    await a.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Ani') });
    await b.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Budi') });
    setOfficeSetting(hq.server.storage, 'KPU Kabupaten Blora', 'numberPattern', '"{seq}/HM.02-SP/{regency}/{year}"');
  });

  afterAll(() => closeAll(tmp, [a, b], hq));

  const numberOn = async (ws: Workstation, id: string) => (await ws.releases.getRelease({ id })).number;

  it('two offline workstations of one office each write a release; after both sync, the numbers differ and follow the pattern', async () => {
    // Written with no sync in between: neither workstation has a number yet.
    const fromA = await writeRelease(a, { title: 'Rilis dari A', date: '2025-12-04' });
    const fromB = await writeRelease(b, { title: 'Rilis dari B', date: '2025-12-04' });
    const fromA2 = await writeRelease(a, { title: 'Rilis kedua dari A', date: '2025-12-05' });
    expect([await numberOn(a, fromA), await numberOn(b, fromB)]).toEqual(['', '']);

    // Both come online at once.
    await Promise.all([a.sync.handlers.syncNow({}), b.sync.handlers.syncNow({})]);
    await a.sync.handlers.syncNow({});
    await b.sync.handlers.syncNow({});

    const numbers = [await numberOn(a, fromA), await numberOn(a, fromA2), await numberOn(b, fromB)];
    for (const n of numbers) expect(n).toMatch(PATTERN);
    expect(new Set(numbers).size).toBe(3);
    expect(numbers.map((n) => Number(PATTERN.exec(n)![1])).sort()).toEqual([1, 2, 3]);
    // Each workstation shows the other's number too, as HQ holds it.
    expect(await numberOn(b, fromA)).toBe(numbers[0]);
    expect(await numberOn(a, fromB)).toBe(numbers[2]);
    expect(hq.server.storage.getReleaseHead(fromB)!.fields!.number).toBe(numbers[2]);
  });

  it('a number stays with its release through edits, and a writer cannot choose another', async () => {
    const id = await writeRelease(a, { title: 'Rilis dengan nomor', date: '2025-12-06' });
    await a.sync.handlers.syncNow({});
    const given = await numberOn(a, id);
    expect(given).toMatch(PATTERN);
    await a.releases.saveRelease({
      id,
      fields: { title: 'Rilis dengan nomor (diubah)', number: '1/HM.02-SP/3316/2025' },
    });
    await a.sync.handlers.syncNow({});
    expect(hq.server.storage.getReleaseHead(id)!.fields).toMatchObject({
      title: 'Rilis dengan nomor (diubah)',
      number: given,
    });
    expect(await numberOn(a, id)).toBe(given);
  });

  it('HQ replaces a number a forged push carries with its own', async () => {
    const forger = await enrollDevice(hq.server, hq.url, {
      office: 'KPU Kabupaten Blora',
      name: 'Eko',
      role: 'penulis',
    });
    const id = newId();
    const res = await push(hq.url, forger, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: fields({ number: '1/HM.02-SP/3316/2025' }) },
    ]);
    const given = hq.server.storage.getReleaseHead(id)!.fields!.number;
    expect(given).toMatch(PATTERN);
    expect(given).not.toBe('1/HM.02-SP/3316/2025');
    expect(res.body.results[0]).toEqual({
      seq: expect.any(Number) as unknown,
      status: 'accepted',
      releaseId: id,
      revision: 1,
      number: given,
    });
  });

  it('an office without a pattern gives no numbers', async () => {
    const other = openWorkstation(tmp.dir, 'grobogan');
    try {
      await other.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Grobogan') });
      const id = await writeRelease(other, { title: 'Tanpa nomor' });
      await other.sync.handlers.syncNow({});
      expect(await numberOn(other, id)).toBe('');
      expect(hq.server.storage.getReleaseHead(id)!.fields!.number).toBe('');
    } finally {
      await other.close();
    }
  });
});
