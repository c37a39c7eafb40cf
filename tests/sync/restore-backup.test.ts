import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServices, createFileSecretStore, type Services } from '../../src/main/services';
import { silentLogger } from '../../src/node/log/silent';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import {
  closeAll,
  hqContent,
  hqRevisions,
  openWorkstation,
  workstationContent,
  type Workstation,
} from './helpers/world';

/**
 * Restoring a backup on an enrolled workstation, against a real HQ on 127.0.0.1. The backup
 * holds an unsynced release whose push was numbered (seq 2) but never answered; after the
 * backup the live file sends it and more. Restored naively, the file would number its next
 * work with seqs HQ already answered for other content — and HQ would replay those answers.
 */
describe('restoring a backup keeps sync whole', () => {
  const tmp = makeTempDir('warta-restore-sync-');
  let hq: Hq;
  let ws: Services;
  let other: Workstation;
  const wsDir = join(tmp.dir, 'ws');

  afterAll(() => closeAll(tmp, ws, other, hq));

  const body = (id: string, text: string) => doc(paragraph(id, text));
  const syncLog = async () => (await ws.handlers.listSyncLog({ limit: 200 })).items;

  it('pushes the backup’s unsynced work once, resends nothing, and catches up with HQ', async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    const port = Number(new URL(hq.url).port);
    ws = await createServices({
      dataDir: wsDir,
      log: silentLogger,
      secrets: createFileSecretStore(join(wsDir, 'secrets.json')),
      version: '0.0.0-test',
    });
    const h = ws.handlers;
    await h.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Penulis Restore') });
    const deviceId = (await h.getAppInfo({})).identity!.deviceId;

    const a = (await h.createRelease({ fields: { title: 'Rilis A', body: body('a1', 'Isi A.') } })).id;
    await h.syncNow({});
    expect([...hqContent(hq).keys()]).toEqual([a]);

    // B is written while HQ is down: its push gets seq 2 but no answer.
    await hq.close();
    const b = (await h.createRelease({ fields: { title: 'Rilis B', body: body('b1', 'Isi B.') } })).id;
    await h.syncNow({});
    const backup = await h.backupDatabase({});

    hq = await startHq(join(tmp.dir, 'hq'), port);
    const c = (await h.createRelease({ fields: { title: 'Rilis C', body: body('c1', 'Isi C.') } })).id;
    await h.syncNow({});
    expect([...hqContent(hq).keys()].sort()).toEqual([a, b, c].sort());
    expect(hq.server.storage.getDevice(deviceId)!.lastSeq).toBe(3);
    const revisionsBefore = hqRevisions(hq);

    const listed = (await h.listBackups({})).items.map((i) => i.name);
    const name = backup.path.split(/[\\/]/).pop()!;
    expect(listed).toContain(name);
    const restored = await h.restoreBackup({ name });
    expect(restored.restored).toBe(name);
    expect((await h.listBackups({})).items.map((i) => i.name)).toContain(restored.keptAs);

    // The restored file holds A and B, not C (C comes back from HQ).
    const ids = (await h.listReleases({ sort: 'updated_desc', limit: 50, offset: 0 })).items.map((r) => r.id);
    expect(ids.sort()).toEqual([a, b].sort());

    // New work after the restore takes seqs HQ has not answered before.
    const d = (await h.createRelease({ fields: { title: 'Rilis D', body: body('d1', 'Isi D.') } })).id;
    await h.syncNow({});
    await h.syncNow({});

    const atHq = hqContent(hq);
    expect([...atHq.keys()].sort()).toEqual([a, b, c, d].sort());
    // Nothing already at HQ was sent again as a new revision: only D's creation is new.
    expect(hqRevisions(hq).filter((r) => !revisionsBefore.includes(r))).toHaveLength(1);
    expect(hqRevisions(hq).filter((r) => !revisionsBefore.includes(r))[0]).toMatch(new RegExp(`^${d}#1:`));
    expect(hq.server.storage.getDevice(deviceId)!.lastSeq).toBe(4);

    const items = (await h.listReleases({ sort: 'updated_desc', limit: 50, offset: 0 })).items;
    expect(items.map((r) => r.id).sort()).toEqual([a, b, c, d].sort());
    expect(items.every((r) => r.syncState === 'terkirim')).toBe(true);
    expect((await h.listConflicts({})).items).toEqual([]);
    // (The one failed run while HQ was down is in the log; no entry was refused or conflicted.)
    expect((await syncLog()).filter((l) => /rejected|conflict|seqAdjusted/i.test(l.reason ?? ''))).toEqual([]);
    for (const [id, fields] of atHq) {
      expect((await h.getRelease({ id })).title).toBe((JSON.parse(fields) as { title: string }).title);
    }

    // A second workstation sees the same.
    other = openWorkstation(tmp.dir, 'other');
    await other.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Lain') });
    await other.sync.handlers.syncNow({});
    expect(workstationContent(other)).toEqual(atHq);
  });
});
