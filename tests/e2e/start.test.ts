import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assertRendererBuilt,
  makeTempDir,
  openSession,
  REPO_ROOT,
  rpc,
  spawnUntilReady,
  WEB_HOST_READY,
} from '../helpers';

/** Same check as scripts/start.mjs: is Electron's binary here? */
function electronPresent(): boolean {
  try {
    const rel = readFileSync(join(REPO_ROOT, 'node_modules/electron/path.txt'), 'utf8').trim();
    return existsSync(join(REPO_ROOT, 'node_modules/electron/dist', rel));
  } catch {
    return false;
  }
}

describe('npm start without the Electron runtime', { timeout: 180_000 }, () => {
  const tmp = makeTempDir('warta-start-');
  afterAll(() => tmp.cleanup());

  it('says so in one line, then serves the same workstation on loopback', async () => {
    assertRendererBuilt();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // npm test builds out/ first; never download a runtime or open a window from a test.
      WARTA_SKIP_BUILD: '1',
      WARTA_NO_ELECTRON_DOWNLOAD: '1',
      WARTA_LOG_LEVEL: 'warn',
      ...(electronPresent() ? { WARTA_NO_ELECTRON: '1' } : {}),
    };
    const start = await spawnUntilReady(
      process.execPath,
      [join(REPO_ROOT, 'scripts/start.mjs'), '--port', '0', '--data-dir', tmp.dir],
      WEB_HOST_READY,
      { env, detached: true, timeoutMs: 90_000 },
    );
    try {
      const link = start.ready[1] as string;
      const url = start.ready[2] as string;
      const lines = start.output().stdout.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^Electron runtime tidak tersedia .*— menjalankan Warta di peramban/);
      expect(lines[1]).toBe(`Warta workstation: ${link}`);

      // The base URL alone shows where to find the link, nothing more; the link opens a session.
      const welcome = await fetch(url);
      expect(welcome.status).toBe(401);
      expect(await welcome.text()).toMatch(/buka tautan yang dicetak/i);
      const session = await openSession(link);
      const info = await rpc({ url, origin: url.slice(0, -1), session: async () => session }, 'getAppInfo', {});
      expect(info.dataDir).toBe(tmp.dir);
    } finally {
      // start.mjs forwards SIGTERM to the host; the group kill is a fallback.
      await start.stop('SIGTERM');
    }
  });
});
