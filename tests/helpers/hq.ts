import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { enrollPerson } from '../../src/server/admin';
import { createHqServer, type HqServer } from '../../src/server/app';
import type { EdgeLimits } from '../../src/server/edge/options';
import type { Role } from '../../src/shared/sync/protocol';
import { nodeWithBundleOr, REPO_ROOT, runToExit, spawnUntilReady } from './spawn';
import { tempDir } from './tmp';

export interface Hq {
  server: HqServer;
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  dataDir: string;
  /** A fresh one-time enrollment code for a new person of `office`. */
  code(office?: string, name?: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real HQ in this process on 127.0.0.1 with its own SQLite file, without the public site
 * unless asked. `port` lets a restarted HQ keep its address; `now` is HQ's clock (embargo tests move it).
 */
export async function startHq(
  dataDir = tempDir('warta-hq-'),
  port = 0,
  opts: { publicSite?: boolean; limits?: Partial<EdgeLimits>; now?: () => Date } = {},
): Promise<Hq> {
  mkdirSync(dataDir, { recursive: true });
  const server = await createHqServer({
    dataDir,
    publicSite: opts.publicSite ?? false,
    limits: opts.limits,
    now: opts.now,
  });
  const url = (await server.listen(port)).replace(/\/$/, '');
  return {
    server,
    url,
    dataDir,
    code: async (office = 'KPU Kabupaten Blora', name = 'Penulis Uji', role = 'penulis') =>
      (await enrollPerson(server.storage, { office, name, role })).code,
    close: () => server.close(),
  };
}

const HQ_CLI = join(REPO_ROOT, 'src/server/cli.ts');
const HQ_BUNDLE = 'WARTA_TEST_HQ_CLI';

const HQ_READY = /^Warta HQ: (http:\/\/127\.0\.0\.1:\d+\/)$/m;

/**
 * Runs the HQ CLI to completion: the run's bundle of it when there is one (npm and tsx in
 * front of it cost three times the CPU, some thirty times per run), otherwise `npm run hq -- …`,
 * the documented entry point, which the `npm run hq` test in enroll.test.ts always starts.
 */
export async function runHqCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [cmd, argv] = process.env[HQ_BUNDLE]
    ? nodeWithBundleOr(HQ_BUNDLE, HQ_CLI, args)
    : ['npm', ['run', 'hq', '--silent', '--', ...args]];
  const r = await runToExit(cmd, argv, { timeoutMs: 120_000 });
  return { ...r, code: r.code ?? 1 };
}

/** The HQ server as its own process (tsx in the same process, so SIGKILL hits the server itself). */
export async function spawnHq(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const [cmd, args] = nodeWithBundleOr(HQ_BUNDLE, HQ_CLI, ['--port', '0', '--data-dir', dataDir, '--quiet']);
  const hq = await spawnUntilReady(cmd, args, HQ_READY);
  return { child: hq.child, url: hq.ready[1] as string };
}

/** `npm run hq -- …` as people start it, in its own process group (so it can be stopped whole). */
export async function spawnHqViaNpm(args: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const hq = await spawnUntilReady('npm', ['run', 'hq', '--', ...args], HQ_READY, { detached: true });
  return {
    url: hq.ready[1] as string,
    stop: async () => {
      await hq.stop('SIGTERM');
    },
  };
}
