import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/spawn';
import { makeTempDir } from '../helpers/tmp';

/**
 * `npm run dist` where the Electron runtime cannot be downloaded: one line saying so, a
 * non-zero exit, no stack trace and nothing built. The download is pointed at a closed port
 * and an empty cache, so the test says the same thing on a machine with network access.
 */

const cache = makeTempDir('warta-electron-cache-');
afterAll(cache.cleanup);

describe('npm run dist without the Electron runtime', () => {
  it('says so in one line and exits non-zero without building', () => {
    const outDir = join(REPO_ROOT, 'dist');
    const hadDist = existsSync(outDir);
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'dist.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: cache.dir,
        ELECTRON_GET_NO_PROGRESS: '1',
      },
    });
    expect(result.status).toBe(1);
    const lines = (result.stdout + result.stderr).split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron runtime cannot be downloaded/);
    expect(lines[0]).toMatch(/network access/);
    expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+/);
    if (!hadDist) expect(existsSync(outDir)).toBe(false);
  });
});
