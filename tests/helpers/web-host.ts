import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');
const CLI = join(REPO_ROOT, 'src/main/web/cli.ts');

/**
 * Node with tsx's loader in the SAME process. (The `tsx` binary runs the script in a
 * child process: SIGKILL to it would orphan the real host and a crash test would prove
 * nothing.) `kill()` therefore signals the host itself.
 */
export const nodeWithTsx = (script: string, args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', script, ...args],
];

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
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  dataDir: string;
  port?: number;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the ready line (tsx compiles on first start; CI is slow). */
  timeoutMs?: number;
}

const READY = /^Warta workstation: (http:\/\/127\.0\.0\.1:(\d+)\/)$/m;

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
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, WARTA_LOG_LEVEL: process.env.WARTA_LOG_LEVEL ?? 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once('exit', (code, signal) => res({ code, signal })),
  );

  const timeoutMs = opts.timeoutMs ?? 90_000;
  const match = await new Promise<RegExpExecArray>((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(
        new Error(`web host did not print its ready line within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    }, timeoutMs);
    const onData = (): void => {
      const m = READY.exec(stdout);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        res(m);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(
        new Error(
          `web host exited before ready (code ${code}, signal ${signal})\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    });
  });

  const url = match[1] as string;
  const port = Number(match[2]);
  let cachedSecret: string | null = null;
  return {
    url,
    origin: url.replace(/\/$/, ''),
    port,
    dataDir: opts.dataDir,
    child,
    output: () => ({ stdout, stderr }),
    async secret() {
      if (cachedSecret) return cachedSecret;
      const html = await (await fetch(url)).text();
      const m = /<meta name="warta-secret" content="([^"]+)"/.exec(html);
      if (!m?.[1]) throw new Error('index.html carries no warta-secret');
      cachedSecret = m[1];
      return cachedSecret;
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
