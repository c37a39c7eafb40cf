import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { silentLogger } from '../../src/node/log/silent';
import { createFileSecretStore, createServices, type Services } from '../../src/main/services';
import { serveLocalFeed, UpdateService, type VerifiedUpdate } from '../../src/main/updates';
import { WartaError } from '../../src/shared/contract';
import type { SqliteStorage } from '../../src/server/storage/sqlite';
import { publishUpdate, updateReleases } from '../../src/server/updates';
import { feedFileFor } from '../../src/main/updates/platform';
import { doc, paragraph } from '../helpers/docs';
import { enrollDevice, type Device } from '../helpers/hq-api';
import { startHq, type Hq } from '../helpers/hq';
import { removeTempDirs, tempDir, waitFor } from '../helpers/tmp';
import { fixtureRelease, type FixtureRelease } from './fixtures';

/**
 * The workstation's updater against a real HQ on 127.0.0.1: it looks for updates only when a
 * sync has succeeded, resumes a broken download with a range request, refuses a file whose
 * sha512 differs from the feed, and restarts only when asked (confirmed with unsynced work).
 * The installer is a stand-in for the shell's electron-updater part, recording what it gets.
 */

let hq: Hq;
let release: FixtureRelease;
let device: Device;

const publish = (r: FixtureRelease) =>
  publishUpdate({
    paths: [r.ymlPath, r.installerPath, r.blockmapPath],
    channel: 'stable',
    rollout: { percent: null, offices: null },
    updatesDir: join(hq.dataDir, 'updates'),
    releases: updateReleases((hq.server.storage as SqliteStorage).db),
    transaction: (fn) => hq.server.storage.transaction(fn),
  });

/** fetch as the workstation does, recording each request; a download can be cut after `cutAt` bytes. */
function recordingFetch(cutAt: number | null = null) {
  const requests: { url: string; range: string | null; status: number }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const headers = new Headers(init?.headers);
    requests.push({ url: String(input), range: headers.get('range'), status: res.status });
    if (cutAt === null || !String(input).endsWith('.exe') || !res.body) return res;
    const reader = res.body.getReader();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        if (sent + value.length >= cutAt) {
          controller.enqueue(value.subarray(0, cutAt - sent));
          sent = cutAt;
          await reader.cancel();
          // The office's link drops in the middle of the installer.
          return controller.error(new Error('connection reset'));
        }
        sent += value.length;
        controller.enqueue(value);
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };
  return { fetch: wrapped, requests };
}

function standInInstaller() {
  const installed: VerifiedUpdate[] = [];
  return { installed, installer: { install: async (u: VerifiedUpdate) => void installed.push(u) } };
}

function updater(dir: string, f: typeof fetch, unsynced = () => 0, installer = standInInstaller().installer) {
  return new UpdateService({
    dir,
    currentVersion: '1.0.0',
    hq: () => ({ url: hq.url, token: device.token }),
    unsynced,
    installer,
    channel: { get: () => 'stable' as const, set: () => undefined },
    platform: 'win32',
    arch: 'x64',
    env: {},
    fetch: f,
  });
}

beforeAll(async () => {
  hq = await startHq();
  release = fixtureRelease(tempDir('warta-rel-'), '1.2.0', 400_000);
  await publish(release);
  device = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'Sari', role: 'penulis' });
});
afterAll(async () => {
  await hq?.close();
  removeTempDirs();
});

describe('the updater', () => {
  it('asks HQ nothing until a sync has succeeded, then finds the update', async () => {
    const rec = recordingFetch();
    const u = updater(tempDir('warta-upd-'), rec.fetch);
    expect(u.status()).toMatchObject({ state: 'idle', version: null });
    expect(rec.requests).toEqual([]);
    await u.afterSync();
    expect(rec.requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/updates/stable/latest.yml',
      `/updates/stable/${release.installer}`,
    ]);
    expect(u.status()).toMatchObject({ state: 'ready', version: '1.2.0', received: 400_000, total: 400_000 });
    await u.close();
  });

  it('resumes a broken download where it stopped, with a range request', async () => {
    const dir = tempDir('warta-upd-');
    const broken = recordingFetch(150_000);
    const first = updater(dir, broken.fetch);
    await first.afterSync();
    expect(first.status()).toMatchObject({ state: 'error', error: 'updates.downloadFailed', version: '1.2.0' });
    const part = join(dir, '1.2.0', `${release.installer}.part`);
    const kept = readFileSync(part);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.equals(release.bytes.subarray(0, kept.length))).toBe(true);
    await first.close();

    // The next sync (here: the next start of the app) picks up from the bytes on disk.
    const rec = recordingFetch();
    const second = updater(dir, rec.fetch);
    await second.afterSync();
    const download = rec.requests.find((r) => r.url.endsWith('.exe'));
    expect(download).toMatchObject({ range: `bytes=${kept.length}-`, status: 206 });
    expect(second.status()).toMatchObject({ state: 'ready', version: '1.2.0' });
    const done = readFileSync(join(dir, '1.2.0', release.installer));
    expect(createHash('sha512').update(done).digest('base64')).toBe(release.sha512);
    expect(existsSync(part)).toBe(false);
    await second.close();

    // Restarted before "Mulai ulang untuk memperbarui": the verified file is kept, not fetched again.
    const again = recordingFetch();
    const third = updater(dir, again.fetch);
    await third.afterSync();
    expect(again.requests.map((r) => new URL(r.url).pathname)).toEqual(['/updates/stable/latest.yml']);
    expect(third.status()).toMatchObject({ state: 'ready', version: '1.2.0' });
    await third.close();
  });

  it('refuses an installer whose sha512 differs from the feed, and keeps nothing of it', async () => {
    const other = fixtureRelease(tempDir('warta-rel-'), '1.2.1', 50_000);
    await publish(other);
    // Someone changes the installer on HQ's disk after it was published (or on the way).
    const stored = join(hq.dataDir, 'updates', 'stable', '1.2.1', other.installer);
    const bytes = readFileSync(stored);
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(stored, bytes);
    const dir = tempDir('warta-upd-');
    const installer = standInInstaller();
    const rec = recordingFetch();
    const u = updater(dir, rec.fetch, () => 0, installer.installer);
    await u.afterSync();
    expect(u.status()).toMatchObject({ state: 'error', error: 'updates.tampered', version: '1.2.1' });
    expect(readdirSync(join(dir, '1.2.1'))).toEqual([]);
    // The next sync does not fetch the same refused file again over the office's link.
    const before = rec.requests.length;
    await u.afterSync();
    expect(rec.requests.slice(before).map((r) => new URL(r.url).pathname)).toEqual(['/updates/stable/latest.yml']);
    await expect(u.restart({ confirmed: true, unsaved: false })).rejects.toMatchObject({ reason: 'updates.notReady' });
    expect(installer.installed).toEqual([]);
    await u.close();
  });
});

describe('restarting to update', () => {
  let services: Services;
  const installer = standInInstaller();

  beforeAll(async () => {
    // A release for the machine running the test, as the app would look for it.
    const ext = { win32: 'exe', darwin: 'zip' }[process.platform as string] ?? 'deb';
    await publish(
      fixtureRelease(tempDir('warta-rel-'), '1.3.0', 80_000, {
        feed: feedFileFor(process.platform, process.arch),
        installer: `Warta-1.3.0-${process.arch}.${ext}`,
      }),
    );
    const dataDir = tempDir('warta-ws-');
    services = await createServices({
      dataDir,
      log: silentLogger,
      secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
      version: '1.0.0',
      updateInstaller: installer.installer,
    });
  });
  afterAll(() => services?.close());

  it('downloads after a sync, refuses to restart over unsynced changes, and restarts when confirmed', async () => {
    const h = services.handlers;
    expect(await h.getUpdateStatus({})).toMatchObject({ state: 'idle' });
    await h.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Budi') });
    await h.syncNow({});
    const ready = await waitFor(async () => {
      const s = await h.getUpdateStatus({});
      return s.state === 'ready' ? s : null;
    }, 'the update to be downloaded');
    expect(ready.version).toBe('1.3.0');

    // A release written since the last sync: HQ does not have it yet.
    await h.createRelease({ fields: { title: 'Rapat pleno', body: doc(paragraph('p1', 'Isi.')) } });
    const refused = await Promise.resolve()
      .then(() => h.restartToUpdate({}))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WartaError);
    expect(refused).toMatchObject({
      code: 'needs_confirmation',
      reason: 'updates.unsyncedChanges',
      params: { count: 1 },
    });
    expect(installer.installed).toEqual([]);

    // Unsaved text on the page counts too, even when everything stored is synced.
    await h.syncNow({});
    await expect(h.restartToUpdate({ unsaved: true })).rejects.toMatchObject({ reason: 'updates.unsyncedChanges' });
    expect(installer.installed).toEqual([]);

    expect(await h.restartToUpdate({ confirmed: true, unsaved: true })).toEqual({ restarting: true });
    expect(installer.installed).toHaveLength(1);

    // What the installer gets is a generic feed electron-updater reads, with the verified file.
    const got = installer.installed[0]!;
    const feed = await serveLocalFeed(got.dir, 'k3y');
    try {
      const yml = await (await fetch(new URL(got.feedFile, feed.url))).text();
      const info = parseUpdateInfo(yml, got.feedFile, new URL(got.feedFile, feed.url));
      const [file] = resolveFiles(info, new URL(feed.url));
      const bytes = Buffer.from(await (await fetch(file!.url)).arrayBuffer());
      expect(createHash('sha512').update(bytes).digest('base64')).toBe(file!.info.sha512);
      expect((await fetch(new URL('../secrets.json', feed.url))).status).toBe(404);
    } finally {
      feed.close();
    }
  });

  it('follows the pilot channel once chosen, and fetches a newer pilot build', async () => {
    const h = services.handlers;
    const ext = { win32: 'exe', darwin: 'zip' }[process.platform as string] ?? 'deb';
    const pilot = fixtureRelease(tempDir('warta-rel-'), '1.4.0-pilot.1', 30_000, {
      feed: feedFileFor(process.platform, process.arch),
      installer: `Warta-1.4.0-pilot.1-${process.arch}.${ext}`,
    });
    await publishUpdate({
      paths: [pilot.ymlPath, pilot.installerPath],
      channel: 'pilot',
      rollout: { percent: null, offices: null },
      updatesDir: join(hq.dataDir, 'updates'),
      releases: updateReleases((hq.server.storage as SqliteStorage).db),
      transaction: (fn) => hq.server.storage.transaction(fn),
    });
    // On stable, a sync finds nothing newer than the 1.3.0 already waiting.
    await h.syncNow({});
    expect(await h.getUpdateStatus({})).toMatchObject({ channel: 'stable', state: 'ready', version: '1.3.0' });

    expect(await h.setUpdateChannel({ channel: 'pilot' })).toMatchObject({ channel: 'pilot' });
    await h.syncNow({});
    const ready = await waitFor(async () => {
      const s = await h.getUpdateStatus({});
      return s.state === 'ready' && s.version === '1.4.0-pilot.1' ? s : null;
    }, 'the pilot build');
    expect(ready.channel).toBe('pilot');
  });
});
