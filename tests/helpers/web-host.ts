import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeWithBundleOr, REPO_ROOT, spawnUntilReady, type Exit } from './spawn';

const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');
const CLI = join(REPO_ROOT, 'src/main/web/cli.ts');

/** Fails early with a useful message instead of a confusing 500 later. */
export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`out/renderer is not built; run "npx electron-vite build" (npm test builds it first)`);
  }
}

/** What a client of the web host holds after trading a one-time link, as a browser does. */
export interface WebSession {
  /** The Cookie header value a browser would send (session and media cookie). */
  cookie: string;
  sessionCookie: string;
  mediaCookie: string;
  /** What the page sends as x-warta-secret, fetched from /session with the cookie. */
  rpcToken: string;
}

/** Enough of a host to call it: its base URL, its origin and a way to a session. */
export interface WebHostClient {
  url: string;
  origin: string;
  session(): Promise<WebSession>;
}

export interface RunningWebHost extends WebHostClient {
  /** The base URL, e.g. http://127.0.0.1:41234/ (without a session it shows the welcome page). */
  url: string;
  origin: string;
  port: number;
  /** The one-time link the ready line printed. */
  launchUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the host wrote to stdout / stderr so far (structured logs go to stderr). */
  output(): { stdout: string; stderr: string };
  /**
   * A one-time link nobody has been handed yet (the printed one first, then each next one from
   * the host's web-url file): what a browser page should open. Waits until the previous link
   * handed out has been used, since the host makes the next one only then.
   */
  openUrl(): Promise<string>;
  /** The helper's own browser-like session (made once, from a one-time link). */
  session(): Promise<WebSession>;
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

/** The ready line: 1 = the one-time link, 2 = the base URL, 3 = the port, 4 = the token. */
export const WEB_HOST_READY = /^Warta workstation: ((http:\/\/127\.0\.0\.1:(\d+)\/)\?token=([A-Za-z0-9_-]{43}))$/m;

/** The host's owner-only file with the current one-time link. */
export const webUrlFile = (dataDir: string): string => join(dataDir, 'web-url');

const cookieFrom = (setCookies: string[], name: string): string => {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(setCookies)}`);
  return (line.split(';')[0] ?? '').slice(name.length + 1);
};

/**
 * Trades a one-time link for a session exactly as a browser does: open it (no redirects
 * followed), keep the cookies, then fetch the RPC token from /session with them.
 */
export async function openSession(link: string): Promise<WebSession> {
  const url = new URL(link);
  const port = url.port;
  const res = await fetch(link, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`one-time link ${link} answered ${res.status}, not a redirect`);
  const setCookies = res.headers.getSetCookie();
  const sessionCookie = cookieFrom(setCookies, `warta_session_${port}`);
  const mediaCookie = cookieFrom(setCookies, `warta_media_${port}`);
  const cookie = `warta_session_${port}=${sessionCookie}; warta_media_${port}=${mediaCookie}`;
  const answer = await fetch(new URL('/session', url), { headers: { cookie } });
  const body = (await answer.json()) as { rpcToken?: unknown };
  if (typeof body.rpcToken !== 'string') throw new Error(`/session answered ${answer.status} without a token`);
  return { cookie, sessionCookie, mediaCookie, rpcToken: body.rpcToken };
}

const tokenOf = (link: string): string => new URL(link).searchParams.get('token') ?? '';

/**
 * Starts `src/main/web/cli.ts` as a child process (the real host, real SQLite) and waits
 * for its ready line. Callers must `kill()` it in afterAll/afterEach.
 */
export async function startWebHost(opts: StartOptions): Promise<RunningWebHost> {
  const [cmd, args] = nodeWithBundleOr('WARTA_TEST_WEB_CLI', CLI, [
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
  const launchUrl = host.ready[1] as string;
  const url = host.ready[2] as string;
  const handedOut = new Set<string>();
  let next = launchUrl;
  // One at a time: two callers must never be handed the same link.
  let queue: Promise<unknown> = Promise.resolve();
  const openUrl = (): Promise<string> => {
    const mine = queue.then(async () => {
      for (const started = Date.now(); handedOut.has(tokenOf(next));) {
        if (Date.now() - started > 15_000)
          throw new Error('the web host made no new one-time link: was the last one handed out ever opened?');
        await new Promise((r) => setTimeout(r, 50));
        next = readFileSync(webUrlFile(opts.dataDir), 'utf8').trim();
      }
      handedOut.add(tokenOf(next));
      return next;
    });
    queue = mine.catch(() => undefined);
    return mine;
  };
  let session: Promise<WebSession> | null = null;
  return {
    url,
    origin: url.replace(/\/$/, ''),
    port: Number(host.ready[3]),
    launchUrl,
    dataDir: opts.dataDir,
    child: host.child,
    output: host.output,
    openUrl,
    session() {
      session ??= openUrl().then(openSession);
      return session;
    },
    kill: (signal = 'SIGTERM') => host.stop(signal),
  };
}
