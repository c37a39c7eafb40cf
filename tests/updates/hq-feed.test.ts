import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import type { SqliteStorage } from '../../src/server/storage/sqlite';
import { publishUpdate, PublishError, updateReleases } from '../../src/server/updates';
import { rolloutBucket } from '../../src/server/updates/rollout';
import { enrollDevice, type Device } from '../helpers/hq-api';
import { runHqCli, startHq, type Hq } from '../helpers/hq';
import { removeTempDirs, tempDir } from '../helpers/tmp';
import { fixtureRelease, type FixtureRelease } from './fixtures';

/**
 * HQ's update feed as electron-updater's generic provider reads it: publish-update (the CLI,
 * as an admin runs it), per-device answers with rollouts, range requests, tampered files.
 */

let hq: Hq;
let v120: FixtureRelease;
let v130: FixtureRelease;
const devices: Device[] = [];
let semarang: Device;

const feed = (token: string | null, path: string, headers: Record<string, string> = {}) =>
  fetch(`${hq.url}/updates/${path}`, {
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
const versionFor = async (d: Device, channel = 'stable'): Promise<string | null> => {
  const res = await feed(d.token, `${channel}/latest.yml`);
  if (res.status === 404) return null;
  return parseUpdateInfo(await res.text(), 'latest.yml', new URL(`${hq.url}/updates/${channel}/latest.yml`)).version;
};

/** publish-update without the CLI round trip (the CLI itself is exercised above). */
const publishDirect = (r: FixtureRelease, rollout: { percent: number | null; offices: string[] | null }) =>
  publishUpdate({
    paths: [r.ymlPath, r.installerPath],
    channel: 'stable',
    rollout,
    updatesDir: join(hq.dataDir, 'updates'),
    releases: updateReleases((hq.server.storage as SqliteStorage).db),
    transaction: (fn) => hq.server.storage.transaction(fn),
  });

beforeAll(async () => {
  hq = await startHq(undefined, 0, { limits: { enroll: { max: 100, windowMs: 60_000 } } });
  v120 = fixtureRelease(tempDir('warta-rel-'), '1.2.0');
  v130 = fixtureRelease(tempDir('warta-rel-'), '1.3.0', 200_000);
  for (let i = 0; i < 24; i++)
    devices.push(
      await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: `P${i}`, role: 'penulis' }),
    );
  semarang = await enrollDevice(hq.server, hq.url, { office: 'KPU Kota Semarang', name: 'S', role: 'penulis' });
});
afterAll(async () => {
  await hq?.close();
  removeTempDirs();
});

describe('publish-update', () => {
  it('refuses an installer whose sha512 does not match its latest.yml, and stores nothing', async () => {
    const bad = fixtureRelease(tempDir('warta-rel-'), '1.2.0');
    const tampered = Buffer.from(bad.bytes);
    tampered[1000] = tampered[1000]! ^ 0xff;
    writeFileSync(bad.installerPath, tampered);
    const r = await runHqCli(['publish-update', '--data-dir', hq.dataDir, bad.ymlPath, bad.installerPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/publish-update refused: Warta-Setup-1\.2\.0-x64\.exe does not match latest\.yml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await versionFor(devices[0]!)).toBeNull();
    expect(() => readdirSync(join(hq.dataDir, 'updates'))).toThrow(/ENOENT/);
  });

  it('refuses feed files that are not what electron-builder writes, and files no feed names', async () => {
    const r = fixtureRelease(tempDir('warta-rel-'), '9.0.0', 1000);
    const refusal = (paths: string[]) =>
      publishUpdate({
        paths,
        channel: 'stable',
        rollout: { percent: null, offices: null },
        updatesDir: join(hq.dataDir, 'updates'),
        releases: updateReleases((hq.server.storage as SqliteStorage).db),
        transaction: (fn) => hq.server.storage.transaction(fn),
      }).then(
        () => 'published',
        (e: unknown) => (e instanceof PublishError ? e.message : `unexpected: ${String(e)}`),
      );
    expect(await refusal([r.ymlPath])).toMatch(/latest\.yml names Warta-Setup-9\.0\.0-x64\.exe, which was not given/);
    expect(await refusal([r.ymlPath, r.installerPath, r.blockmapPath, v120.installerPath])).toMatch(
      /not named by any feed file: Warta-Setup-1\.2\.0-x64\.exe/,
    );
    expect(await refusal([r.installerPath])).toMatch(/no feed file given/);
    const bomb = join(tempDir('warta-rel-'), 'latest.yml');
    writeFileSync(bomb, 'a: &a [x, x]\nb: &b [*a, *a]\nversion: *b\n');
    expect(await refusal([bomb])).toMatch(/latest\.yml is not YAML/);
    const noVersion = join(tempDir('warta-rel-'), 'latest.yml');
    writeFileSync(noVersion, 'files: []\nreleaseDate: x\n');
    expect(await refusal([noVersion])).toMatch(/latest\.yml is not an update feed file: version/);
    expect(await versionFor(devices[0]!)).not.toBe('9.0.0');
  });

  it('adds a release every enrolled device is offered, in a yml electron-updater accepts', async () => {
    const r = await runHqCli([
      'publish-update',
      '--data-dir',
      hq.dataDir,
      v120.ymlPath,
      v120.installerPath,
      v120.blockmapPath,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Published 1\.2\.0 \(latest\.yml, 2 files\) on stable to every office/);

    const url = new URL(`${hq.url}/updates/stable/latest.yml`);
    const res = await feed(devices[0]!.token, 'stable/latest.yml');
    expect(res.status).toBe(200);
    const info = parseUpdateInfo(await res.text(), 'latest.yml', url);
    const [file] = resolveFiles(info, url);
    expect(info.version).toBe('1.2.0');
    expect(file?.url.href).toBe(`${hq.url}/updates/stable/${v120.installer}`);
    expect(file?.info.sha512).toBe(v120.sha512);

    const installer = await feed(devices[0]!.token, `stable/${v120.installer}`);
    expect(installer.status).toBe(200);
    expect(installer.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await installer.arrayBuffer()).equals(v120.bytes)).toBe(true);
    expect((await feed(devices[0]!.token, `stable/${v120.installer}.blockmap`)).status).toBe(200);
  });

  it('serves only enrolled devices, and nothing outside the published files', async () => {
    expect((await feed(null, 'stable/latest.yml')).status).toBe(401);
    expect((await feed('not-a-token', `stable/${v120.installer}`)).status).toBe(401);
    expect((await feed(devices[0]!.token, 'stable/hq.sqlite')).status).toBe(404);
    expect((await feed(devices[0]!.token, 'stable/..%2Fhq.sqlite')).status).toBe(400);
    expect((await feed(devices[0]!.token, 'beta/latest.yml')).status).toBe(400);
    expect((await feed(devices[0]!.token, 'pilot/latest.yml')).status).toBe(404);
  });
});

describe('range requests', () => {
  const file = () => `stable/${v120.installer}`;

  it('answers one range with 206 and exactly those bytes (a resumed download)', async () => {
    const res = await feed(devices[0]!.token, file(), { range: 'bytes=100000-' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100000-299999/300000`);
    expect(Buffer.from(await res.arrayBuffer()).equals(v120.bytes.subarray(100000))).toBe(true);
    const mid = await feed(devices[0]!.token, file(), { range: 'bytes=10-19' });
    expect(Buffer.from(await mid.arrayBuffer()).equals(v120.bytes.subarray(10, 20))).toBe(true);
  });

  it('answers several ranges as multipart/byteranges (differential download from the blockmap)', async () => {
    const res = await feed(devices[0]!.token, file(), { range: 'bytes=0-9, 5000-5009' });
    expect(res.status).toBe(206);
    const type = res.headers.get('content-type') ?? '';
    const boundary = /boundary=(\S+)/.exec(type)?.[1];
    expect(type).toMatch(/^multipart\/byteranges/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(Number(res.headers.get('content-length')));
    const text = body.toString('latin1');
    expect(text).toContain(`Content-Range: bytes 0-9/300000`);
    expect(text).toContain(`Content-Range: bytes 5000-5009/300000`);
    expect(text).toContain(v120.bytes.subarray(5000, 5010).toString('latin1'));
    expect(text.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
  });

  it('says 416 for a range past the end', async () => {
    const res = await feed(devices[0]!.token, file(), { range: 'bytes=300000-' });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */300000');
  });
});

describe('rollout', () => {
  it('offers a percent rollout to the devices whose bucket falls in it, the same answer every time', async () => {
    const r = await runHqCli([
      'publish-update',
      '--data-dir',
      hq.dataDir,
      '--percent',
      '40',
      v130.ymlPath,
      v130.installerPath,
    ]);
    expect(r.stdout).toMatch(/Published 1\.3\.0 .* to 40% of devices/);
    const inside = devices.filter((d) => rolloutBucket(d.deviceId) < 40);
    // The fixture's 24 devices have random ids: both groups are there with overwhelming odds.
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(devices.length);
    for (const d of devices) {
      const want = rolloutBucket(d.deviceId) < 40 ? '1.3.0' : '1.2.0';
      expect(await versionFor(d)).toBe(want);
      expect(await versionFor(d)).toBe(want);
    }
    // A device left out cannot fetch the new installer by name either.
    const out = devices.find((d) => rolloutBucket(d.deviceId) >= 40)!;
    expect((await feed(out.token, `stable/${v130.installer}`)).status).toBe(404);
    expect((await feed(inside[0]!.token, `stable/${v130.installer}`)).status).toBe(200);
  });

  it('offers the highest version a device is reached by, and a republished rollout replaces the old one', async () => {
    const inside = devices.find((d) => rolloutBucket(d.deviceId) < 40)!;
    const outside = devices.find((d) => rolloutBucket(d.deviceId) >= 40)!;
    // A fix for the older line, to everyone, published after 1.3.0.
    await publishDirect(fixtureRelease(tempDir('warta-rel-'), '1.2.1', 1000), { percent: null, offices: null });
    expect(await versionFor(inside)).toBe('1.3.0');
    expect(await versionFor(outside)).toBe('1.2.1');
    // 1.3.0 halted (0 %): nobody is offered it any more…
    await publishDirect(v130, { percent: 0, offices: null });
    expect(await versionFor(inside)).toBe('1.2.1');
    // …then widened to everyone.
    await publishDirect(v130, { percent: 100, offices: null });
    expect(await versionFor(outside)).toBe('1.3.0');
  });

  it('spreads devices evenly over the buckets (a share of N % reaches about N % of devices)', () => {
    const n = 10_000;
    let under30 = 0;
    for (let i = 0; i < n; i++)
      if (rolloutBucket(`0192f5a0-0000-7000-8000-${String(i).padStart(12, '0')}`) < 30) under30++;
    expect(under30 / n).toBeGreaterThan(0.28);
    expect(under30 / n).toBeLessThan(0.32);
  });

  it('offers a release named for offices to those offices only, and pilot stays apart from stable', async () => {
    const pilot = fixtureRelease(tempDir('warta-rel-'), '1.4.0-pilot.1', 1000);
    const r = await runHqCli([
      'publish-update',
      '--data-dir',
      hq.dataDir,
      '--channel',
      'pilot',
      '--offices',
      'KPU Kota Semarang',
      pilot.ymlPath,
      pilot.installerPath,
    ]);
    expect(r.code).toBe(0);
    expect(await versionFor(semarang, 'pilot')).toBe('1.4.0-pilot.1');
    expect(await versionFor(devices[0]!, 'pilot')).toBeNull();
    expect(await versionFor(semarang, 'stable')).toMatch(/^1\.[23]\.0$/);

    const unknown = await runHqCli([
      'publish-update',
      '--data-dir',
      hq.dataDir,
      '--offices',
      'KPU Atlantis',
      pilot.ymlPath,
      pilot.installerPath,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no office named KPU Atlantis/);
  });
});
