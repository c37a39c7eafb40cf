import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, writeRelease, type Workstation } from './helpers/world';

// B deletes a release while C edits it offline; C's push is told the release is gone and
// keeps its copy. A then restores the release from the trash. C's edit must survive the
// pulled restore (merged in), never be written over by the older text everywhere.
describe('a restore from the trash over an edit kept after the delete', () => {
  const tmp = makeTempDir('warta-restore-kept-');
  let hq: Hq;
  let a: Workstation;
  let b: Workstation;
  let c: Workstation;

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    a = openWorkstation(tmp.dir, 'a');
    b = openWorkstation(tmp.dir, 'b');
    c = openWorkstation(tmp.dir, 'c');
    for (const [w, name] of [
      [a, 'Penulis A'],
      [b, 'Penulis B'],
      [c, 'Penulis C'],
    ] as const)
      await w.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', name) });
  });

  afterAll(() => closeAll(tmp, [a, b, c], hq));

  const bodyText = async (w: Workstation, id: string): Promise<string> =>
    JSON.stringify((await w.releases.getRelease({ id })).body);

  it("keeps C's paragraph on every side", async () => {
    const id = await writeRelease(a, {
      title: 'Jadwal rapat pleno',
      body: doc(paragraph('p1', 'Awal paragraf satu.'), paragraph('p2', 'Awal paragraf dua.')),
    });
    for (const w of [a, b, c]) await w.sync.handlers.syncNow({});

    // C edits offline; B deletes and syncs; C's push learns the release is gone.
    await c.releases.saveRelease({
      id,
      fields: { body: doc(paragraph('p1', 'Diubah di C.'), paragraph('p2', 'Awal paragraf dua.')) },
    });
    await b.releases.deleteRelease({ id });
    await b.sync.handlers.syncNow({});
    await c.sync.handlers.syncNow({});
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({ deleted: true });
    expect(await bodyText(c, id)).toContain('Diubah di C.');

    // B restores it from the trash; everyone syncs until all have seen every change.
    await b.releases.restoreRelease({ id });
    for (let round = 0; round < 3; round++) for (const w of [b, c, a]) await w.sync.handlers.syncNow({});

    for (const w of [a, b, c]) expect(await bodyText(w, id), w.name).toContain('Diubah di C.');
    expect(JSON.stringify(hq.server.storage.getReleaseHead(id)?.fields?.body)).toContain('Diubah di C.');
  });
});
