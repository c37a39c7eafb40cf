import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATHS, type EnrollResponse } from '../../src/shared/sync/protocol';
import { startHq } from '../helpers/hq';
import { call } from '../helpers/hq-api';
import { nodeWithBundleOr, REPO_ROOT, runToExit } from '../helpers/spawn';
import { removeDir, tempDir } from '../helpers/tmp';

/** Clear the screen, retitle the terminal, a one-character CSI (U+009B), a right-to-left override. */
const HOSTILE = 'Laptop\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eevil';
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

const hqCli = (args: string[]) => {
  const [cmd, argv] = nodeWithBundleOr('WARTA_TEST_HQ_CLI', join(REPO_ROOT, 'src/server/cli.ts'), args);
  return runToExit(cmd, argv, { timeoutMs: 60_000 });
};

describe('`hq devices` prints user-supplied text escaped', { timeout: 120_000 }, () => {
  it('a device name with terminal escape codes reaches the terminal as visible text', async () => {
    const dir = tempDir('warta-hq-cli-');
    try {
      const hq = await startHq(dir);
      const res = await call(hq.url, PATHS.enroll, { body: { code: await hq.code(), deviceName: HOSTILE } });
      expect(res.status).toBe(201);
      const { deviceId } = res.body as EnrollResponse;
      await hq.close();

      const list = await hqCli(['devices', '--data-dir', dir]);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain(deviceId);
      expect(list.stdout).not.toMatch(RAW_CONTROL);
      expect(list.stdout).toContain('Laptop\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202eevil');

      const json = await hqCli(['devices', '--data-dir', dir, '--json']);
      expect(json.stdout).not.toMatch(RAW_CONTROL);
      // Still JSON, and still the name as stored.
      expect((JSON.parse(json.stdout) as { name: string }[])[0]!.name).toBe(HOSTILE);

      const revoke = await hqCli(['revoke', '--data-dir', dir, '--device', deviceId]);
      expect(revoke.stdout).toContain('Revoked');
      expect(revoke.stdout).not.toMatch(RAW_CONTROL);
    } finally {
      removeDir(dir);
    }
  });
});
