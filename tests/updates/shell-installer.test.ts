import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUpdater } from 'electron-updater';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { silentLogger } from '../../src/node/log/silent';
import { createElectronUpdateInstaller } from '../../src/main/shell/updater';
import { removeTempDirs, tempDir } from '../helpers/tmp';
import { fixtureRelease } from './fixtures';

/**
 * The shell's installer hands the verified folder to electron-updater over 127.0.0.1. Electron
 * cannot run here, so electron-updater's AppUpdater is stood in for by one that reads the
 * feed with electron-updater's own parser and checks the file's sha512 as it does.
 */

afterAll(removeTempDirs);

function standInUpdater(current: string) {
  const calls: string[] = [];
  let feedUrl = '';
  let files: ReturnType<typeof resolveFiles> = [];
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    setFeedURL(o: { provider: string; url: string; channel: string }) {
      calls.push(`setFeedURL ${o.provider} ${o.channel}`);
      feedUrl = o.url;
    },
    async checkForUpdates() {
      calls.push('checkForUpdates');
      const url = new URL('latest.yml', feedUrl);
      const info = parseUpdateInfo(await (await fetch(url)).text(), 'latest.yml', url);
      files = resolveFiles(info, new URL(feedUrl));
      return { isUpdateAvailable: info.version !== current, updateInfo: info };
    },
    async downloadUpdate() {
      calls.push('downloadUpdate');
      const file = files[0]!;
      const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
      if (createHash('sha512').update(bytes).digest('base64') !== file.info.sha512) throw new Error('sha512 mismatch');
      return [file.url.href];
    },
    quitAndInstall(isSilent: boolean, forceRunAfter: boolean) {
      calls.push(`quitAndInstall ${isSilent} ${forceRunAfter}`);
    },
  };
  return { calls, updater, feedUrl: () => feedUrl };
}

describe("the shell's installer", () => {
  it('lets electron-updater fetch the verified release from 127.0.0.1, then install and restart', async () => {
    const r = fixtureRelease(tempDir('warta-verified-'), '1.2.0', 20_000);
    const stand = standInUpdater('1.0.0');
    const install = createElectronUpdateInstaller(silentLogger, () => stand.updater as unknown as AppUpdater);
    await install.install({ version: '1.2.0', dir: r.dir, feedFile: 'latest.yml', installer: r.installer });
    expect(stand.calls).toEqual([
      'setFeedURL generic latest',
      'checkForUpdates',
      'downloadUpdate',
      'quitAndInstall true true',
    ]);
    expect(stand.updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false });
    expect(new URL(stand.feedUrl()).hostname).toBe('127.0.0.1');
    // The loopback feed is gone once handed over.
    await expect(fetch(new URL('latest.yml', stand.feedUrl()))).rejects.toThrow();
  });

  it('installs nothing when the folder does not hold the version it was told', async () => {
    const dir = tempDir('warta-verified-');
    mkdirSync(dir, { recursive: true });
    const r = fixtureRelease(dir, '1.1.0', 1000);
    writeFileSync(join(dir, 'unrelated.txt'), 'x');
    const stand = standInUpdater('1.0.0');
    const install = createElectronUpdateInstaller(silentLogger, () => stand.updater as unknown as AppUpdater);
    await expect(
      install.install({ version: '1.2.0', dir: r.dir, feedFile: 'latest.yml', installer: r.installer }),
    ).rejects.toThrow(/was not accepted/);
    expect(stand.calls).not.toContain('quitAndInstall true true');
  });
});
