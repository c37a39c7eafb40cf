import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, nodeWithTsx, REPO_ROOT, runToExit, startWebHost, webUrlFile } from '../helpers';

const CLI = join(REPO_ROOT, 'src/main/web/cli.ts');

/** Runs the CLI to completion (these invocations must exit on their own). */
const runCli = (args: string[]): ReturnType<typeof runToExit> => runToExit(...nodeWithTsx(CLI, args));

describe('npm run web command line', { timeout: 180_000 }, () => {
  const tmp = makeTempDir('warta-cli-');
  let blocker: Server | null = null;
  afterAll(() => {
    blocker?.close();
    tmp.cleanup();
  });

  it('rejects an unknown flag with exit code 2 and a clear message', async () => {
    const r = await runCli(['--prot', '80', '--data-dir', tmp.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--prot'/);
    expect(r.stdout).not.toMatch(/Warta workstation/);
  });

  it('rejects a port that is not a number with exit code 2', async () => {
    const r = await runCli(['--port', 'delapan', '--data-dir', tmp.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port.*expected a port number/s);
  });

  it('names the data dir when it cannot be written, exit code 1', async () => {
    const file = join(tmp.dir, 'not-a-dir');
    writeFileSync(file, 'a file where the data dir should be');
    const r = await runCli(['--port', '0', '--data-dir', join(file, 'warta')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(file, 'warta'));
    expect(r.stderr).toMatch(/tidak dapat ditulis/);
  });

  it('says clearly when the page has not been built, exit code 1', async () => {
    const r = await runCli([
      '--port',
      '0',
      '--data-dir',
      join(tmp.dir, 'nobuild'),
      '--renderer-dir',
      join(tmp.dir, 'no-such-out'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not built .*npm run build/s);
  });

  it('says so when the port is taken, exit code 1', async () => {
    blocker = createServer();
    await new Promise<void>((res) => blocker!.listen(0, '127.0.0.1', res));
    const port = (blocker.address() as { port: number }).port;
    const r = await runCli(['--port', String(port), '--data-dir', join(tmp.dir, 'busy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`port ${port} is already in use`));
  });

  it('prints exactly one ready line on stdout and stops cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const host = await startWebHost({ dataDir: join(tmp.dir, `ok-${signal}`) });
      expect(host.output().stdout).toBe(`Warta workstation: ${host.launchUrl}\n`);
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(host.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
      // The launcher's copy of the link, owner-only while the host runs, gone after a clean stop.
      const urlFile = webUrlFile(host.dataDir);
      expect(readFileSync(urlFile, 'utf8').trim()).toBe(host.launchUrl);
      expect(statSync(urlFile).mode & 0o777).toBe(0o600);
      const exit = await host.kill(signal);
      expect(exit.code).toBe(0);
      expect(existsSync(urlFile)).toBe(false);
    }
  });
});
