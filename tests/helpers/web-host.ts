import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { nodeWithTsx, REPO_ROOT, spawnUntilReady, type Exit } from './spawn';

const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');
const CLI = join(REPO_ROOT, 'src/main/web/cli.ts');

/** Fails early with a useful message instead of a confusing 500 later. */
export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`out/renderer is not built; run "npx electron-vite build" (npm test builds it first)`);
  }
}

export interface RunningWebHost {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  origin: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the host wrote to stdout / stderr so far (structured logs go to stderr). */
  output(): { stdout: string; stderr: string };
  /** The per-run secret, read from the served index.html exactly like the page gets it. */
  secret(): Promise<string>;
  /** Sends a signal and waits for the process to exit; resolves with its exit code/signal. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface StartOptions {
  dataDir: string;
  port?: number;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the ready line (tsx compiles on first start; CI is slow). */
  timeoutMs?: number;
}

export const WEB_HOST_READY = /^Warta workstation: (http:\/\/127\.0\.0\.1:(\d+)\/)$/m;

/** Reads the per-run secret from the served index.html, as the page gets it. */
async function fetchSecret(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const m = /<meta name="warta-secret" content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('index.html carries no warta-secret');
  return m[1];
}

/**
 * Starts `src/main/web/cli.ts` as a child process (the real host, real SQLite) and waits
 * for its ready line. Callers must `kill()` it in afterAll/afterEach.
 */
export async function startWebHost(opts: StartOptions): Promise<RunningWebHost> {
  const [cmd, args] = nodeWithTsx(CLI, [
    '--port',
    String(opts.port ?? 0),
    '--data-dir',
    opts.dataDir,
    ...(opts.extraArgs ?? []),
  ]);
  const host = await spawnUntilReady(cmd, args, WEB_HOST_READY, {
    env: { ...process.env, WARTA_LOG_LEVEL: process.env.WARTA_LOG_LEVEL ?? 'warn', ...opts.env },
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  const url = host.ready[1] as string;
  let cachedSecret: string | null = null;
  return {
    url,
    origin: url.replace(/\/$/, ''),
    port: Number(host.ready[2]),
    dataDir: opts.dataDir,
    child: host.child,
    output: host.output,
    async secret() {
      cachedSecret ??= await fetchSecret(url);
      return cachedSecret;
    },
    kill: (signal = 'SIGTERM') => host.stop(signal),
  };
}
