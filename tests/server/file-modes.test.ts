import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, enrollDevice } from '../helpers/hq-api';
import { startHq, type Hq } from '../helpers/hq';
import { loosePaths, modesUnder, plantDir, plantFile } from '../helpers/modes';
import { makeTempDir } from '../helpers/tmp';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * HQ's data dir holds every release and the device token hashes: 0700, with the database,
 * its WAL/SHM, attachments and the public image cache 0600 — also when the operator made the
 * dir (or an older HQ left files) readable to others before.
 */
describe('HQ data dir is owner-only', () => {
  const tmp = makeTempDir('warta-hq-modes-');
  let hq: Hq | undefined;
  afterEach(async () => {
    await hq?.close();
    hq = undefined;
  });

  it('repairs a 0755 dir and a 0644 database on start and writes new attachments 0600 under umask 000', async () => {
    if (process.platform === 'win32') return;
    const dir = join(tmp.dir, 'hq');
    plantDir(dir, 0o755);
    plantFile(join(dir, 'hq.sqlite'), '', 0o644);
    plantDir(join(dir, 'attachments', 'ab'), 0o755);
    plantFile(join(dir, 'attachments', 'ab', `ab${'0'.repeat(62)}`), 'lama', 0o644);
    plantDir(join(dir, 'public-media', 'cd'), 0o775);
    plantFile(join(dir, 'public-media', 'cd', 'w640.jpg'), 'lama', 0o664);

    const umask = process.umask(0o000);
    try {
      hq = await startHq(dir);
      const device = await enrollDevice(hq.server, hq.url, {
        office: 'KPU Kabupaten Blora',
        name: 'Siti',
        role: 'penulis',
      });
      const sha = createHash('sha256').update(PNG).digest('hex');
      const put = await call(hq.url, `/api/v1/attachments/${sha}`, {
        method: 'PUT',
        token: device.token,
        raw: PNG,
        contentType: 'image/png',
      });
      expect(put.status).toBe(201);
      const modes = modesUnder(dir);
      for (const name of ['hq.sqlite', 'hq.sqlite-wal', 'hq.sqlite-shm', join('attachments', sha.slice(0, 2), sha)])
        expect(modes, name).toHaveProperty([name]);
      expect(loosePaths(dir)).toEqual([]);
    } finally {
      process.umask(umask);
    }
  });

  it('creates a fresh data dir owner-only from the start', async () => {
    if (process.platform === 'win32') return;
    const umask = process.umask(0o000);
    try {
      hq = await startHq(join(tmp.dir, 'baru', 'hq'));
    } finally {
      process.umask(umask);
    }
    expect(Object.keys(modesUnder(hq.dataDir))).toEqual(expect.arrayContaining(['hq.sqlite', 'hq.sqlite-wal']));
    expect(loosePaths(hq.dataDir)).toEqual([]);
  });
});
