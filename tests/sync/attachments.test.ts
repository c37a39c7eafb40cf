import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { readAttachment } from '../../src/main/store';
import { startFaultProxy, type FaultProxy } from './helpers/fault-proxy';
import { paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, type Workstation } from './helpers/world';

/** Images travel before the releases that point to them, and arrive byte for byte. */
describe('attachments', () => {
  const tmp = makeTempDir('warta-sync-attach-');
  let hq: Hq;
  let proxy: FaultProxy;
  const open: Workstation[] = [];
  afterAll(() => closeAll(tmp, open, proxy, hq));

  it('uploads the lead image and a figure first, and the other workstation downloads them', async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    proxy = await startFaultProxy({ target: hq.url, seed: 9, rate: 0 });
    const a = openWorkstation(tmp.dir, 'a');
    const b = openWorkstation(tmp.dir, 'b');
    open.push(a, b);
    await a.sync.handlers.connectToHq({ serverUrl: proxy.url, code: await hq.code() });
    await b.sync.handlers.connectToHq({ serverUrl: proxy.url, code: await hq.code() });

    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer();
    const jpg = await sharp({ create: { width: 30, height: 40, channels: 3, background: { r: 10, g: 90, b: 200 } } })
      .jpeg()
      .toBuffer();
    const lead = await a.releases.importImage({ name: 'rapat.png', dataBase64: png.toString('base64') });
    const fig = await a.releases.importImage({ name: 'tps.jpg', dataBase64: jpg.toString('base64') });
    const created = await a.releases.createRelease({
      fields: {
        title: 'Foto rapat pleno',
        leadImage: { attachment: lead.attachment, caption: 'Rapat pleno', credit: 'Foto: Humas', alt: 'Suasana rapat' },
        body: {
          type: 'doc',
          content: [
            paragraph('f1', 'Suasana rapat.'),
            {
              type: 'figure',
              attrs: { id: 'f2', attachment: fig.attachment, alt: 'TPS', caption: 'TPS 01', credit: 'Foto: KPPS' },
            },
          ],
        },
      },
    });

    // A flaky link while uploading: the sync may fail, the next one finishes the job.
    proxy.setRate(0.4);
    for (let i = 0; i < 6; i++) await a.sync.handlers.syncNow({});
    proxy.setRate(0);
    const sa = await a.sync.handlers.syncNow({});
    expect(sa.lastError).toBeNull();
    expect((await a.releases.getRelease({ id: created.id })).syncState).toBe('terkirim');

    await b.sync.handlers.syncNow({});
    const got = await b.releases.getRelease({ id: created.id });
    expect(got.leadImage?.attachment).toBe(lead.attachment);
    for (const [sha, bytes] of [
      [lead.attachment, png],
      [fig.attachment, jpg],
    ] as const) {
      const file = readAttachment(b.store, sha);
      expect(file).not.toBeNull();
      expect(readFileSync(file!.path).equals(bytes)).toBe(true);
    }
    expect(readAttachment(b.store, lead.attachment)!.mime).toBe('image/png');
  });
});
