/**
 * HQ in its own process, as it runs in production (`npm run hq`), so that a benchmark's
 * client work and HQ's work don't share one event loop and HQ's CPU time and peak memory
 * can be read on their own (from /proc, Linux only).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TICKS_PER_SECOND = 100; // Linux USER_HZ

export interface HqProcess {
  url: string;
  pid: number;
  /** User + system CPU seconds HQ has used since it started. */
  cpuSeconds(): number;
  /** HQ's peak resident memory so far, in MiB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startHqProcess(dataDir: string, extraArgs: readonly string[] = []): Promise<HqProcess> {
  const child = spawn(
    process.execPath,
    [
      ...profile(),
      '--import',
      'tsx',
      join(root, 'src/server/cli.ts'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--quiet',
      ...extraArgs,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await readyUrl(child);
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
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
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

/** WARTA_BENCH_HQ_PROF=DIR: HQ writes a V8 CPU profile there when it stops (NODE_OPTIONS may not carry --cpu-prof). */
function profile(): string[] {
  const dir = process.env.WARTA_BENCH_HQ_PROF;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Warta HQ: (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!.replace(/\/$/, ''));
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`HQ exited (${code}) before it was ready:\n${err}`)));
  });
}
