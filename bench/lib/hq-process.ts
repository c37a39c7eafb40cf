/**
 * A server in its own process, as it runs in production: HQ (`npm run hq`) or a peer's
 * server. A benchmark's client work and the server's work then don't share one event loop,
 * and the server's CPU time and peak memory can be read on their own (from /proc, Linux only).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** What a peer's server script prints once it listens: `listening on http://…`. */
export const PEER_READY = 'listening on';

export interface HqProcess {
  url: string;
  pid: number;
  /** User + system CPU seconds the server has used since it started. */
  cpuSeconds(): number;
  /** The server's peak resident memory so far, in MiB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** HQ exactly as `npm run hq -- --quiet [extraArgs]` runs it, on a free port. */
export function startHqProcess(dataDir: string, extraArgs: readonly string[] = []): Promise<HqProcess> {
  return startServerProcess(
    'src/server/cli.ts',
    ['--port', '0', '--data-dir', dataDir, '--quiet', ...extraArgs],
    /Warta HQ: (http:\/\/\S+)/,
  );
}

/** WARTA_BENCH_HQ_PROF=DIR: the server writes a V8 CPU profile there when it stops (NODE_OPTIONS may not carry --cpu-prof). */
function profile(): string[] {
  const dir = process.env.WARTA_BENCH_HQ_PROF;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
}

/** A TypeScript server script (path from the repository root), ready once it prints its URL. */
export async function startServerProcess(
  script: string,
  args: readonly string[],
  ready = new RegExp(`${PEER_READY} (http://\\S+)`),
): Promise<HqProcess> {
  const child = spawn(process.execPath, [...profile(), '--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolve(match[1]!.replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${err}`)));
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    cpuSeconds() {
      // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    },
    peakRssMb() {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kb) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
