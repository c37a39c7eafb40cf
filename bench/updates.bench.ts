/**
 * Desktop updates on loopback: publish-update of a 120 MB installer (sha512 check and copy),
 * then a workstation's download of it through HQ's feed (range-capable, sha512 checked on
 * arrival), whole and resumed from the middle. Real HQ in this process.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpdateService } from '../src/main/updates';
import { enrollPerson } from '../src/server/admin';
import { createHqServer } from '../src/server/app';
import type { SqliteStorage } from '../src/server/storage/sqlite';
import { publishUpdate, updateReleases } from '../src/server/updates';
import type { EnrollResponse } from '../src/shared/sync/protocol';
import { record } from './lib/report';
import { sized } from './lib/scale';

const MB = 1024 * 1024;
const SIZE = sized({ full: 120, quick: 30, tiny: 2 }) * MB;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warta-bench-upd-'));
  const hq = await createHqServer({ dataDir: join(dir, 'hq'), publicSite: false });
  const url = await hq.listen(0);
  try {
    const installer = `Warta-Setup-2.0.0-x64.exe`;
    // Written in chunks: a 120 MB buffer held here would make HQ's pressure guard answer 503.
    const hash = createHash('sha512');
    const fd = openSync(join(dir, installer), 'w');
    for (let done = 0; done < SIZE; done += MB) {
      const chunk = randomBytes(MB);
      hash.update(chunk);
      writeSync(fd, chunk);
    }
    closeSync(fd);
    const sha512 = hash.digest('base64');
    const yml = `version: 2.0.0\nfiles:\n  - url: ${installer}\n    sha512: ${sha512}\n    size: ${SIZE}\npath: ${installer}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`;
    writeFileSync(join(dir, 'latest.yml'), yml);

    let t = performance.now();
    await publishUpdate({
      paths: [join(dir, 'latest.yml'), join(dir, installer)],
      channel: 'stable',
      rollout: { percent: null, offices: null },
      updatesDir: join(dir, 'hq', 'updates'),
      releases: updateReleases((hq.storage as SqliteStorage).db),
      transaction: (fn) => hq.storage.transaction(fn),
    });
    record({
      suite: 'updates',
      name: 'publish-update',
      value: performance.now() - t,
      unit: 'ms',
      note: `${SIZE / MB} MB installer: sha512 and copy`,
    });

    const { code } = await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name: 'Bench', role: 'penulis' });
    const res = await fetch(new URL('/api/v1/enroll', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'bench' }),
    });
    const { token } = (await res.json()) as EnrollResponse;
    const updater = (wsDir: string) =>
      new UpdateService({
        dir: wsDir,
        currentVersion: '1.0.0',
        hq: () => ({ url, token }),
        unsynced: () => 0,
        installer: { install: async () => undefined },
        channel: { get: () => 'stable', set: () => undefined },
        platform: 'win32',
        arch: 'x64',
        env: {},
        log: { info: () => undefined, warn: (o) => console.error(o), error: (o) => console.error(o) },
      });

    const ws = join(dir, 'ws');
    t = performance.now();
    const whole = updater(ws);
    await whole.afterSync();
    const ms = performance.now() - t;
    if (whole.status().state !== 'ready') throw new Error(`download failed: ${JSON.stringify(whole.status())}`);
    record({
      suite: 'updates',
      name: 'download and verify',
      value: SIZE / MB / (ms / 1000),
      unit: 'MB/s',
      note: `${SIZE / MB} MB through HQ's feed on loopback, ${ms.toFixed(0)} ms`,
    });

    // Resume: half of the file is already there as .part.
    const ws2 = join(dir, 'ws2');
    const part = join(ws2, '2.0.0', `${installer}.part`);
    mkdirSync(join(ws2, '2.0.0'), { recursive: true });
    copyFileSync(join(dir, installer), part);
    truncateSync(part, SIZE / 2);
    t = performance.now();
    const resumed = updater(ws2);
    await resumed.afterSync();
    if (resumed.status().state !== 'ready') throw new Error('resumed download failed');
    record({
      suite: 'updates',
      name: 'resume from half and verify',
      value: performance.now() - t,
      unit: 'ms',
      note: `${SIZE / MB} MB installer, half already downloaded`,
    });
  } finally {
    await hq.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
