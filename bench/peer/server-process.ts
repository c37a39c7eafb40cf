/**
 * A peer's server in its own process (as HQ runs in bench/lib/hq-process.ts): started with
 * tsx, ready once it prints its URL, with its CPU seconds and peak memory read from /proc.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HqProcess } from '../lib/hq-process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** The line a peer server prints once it listens: `listening on http://…`. */
export const READY = 'listening on';

export async function startServerProcess(script: string, args: readonly string[]): Promise<HqProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = new RegExp(`${READY} (http://\\S+)`).exec(out);
      if (match) resolve(match[1]!.replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${err}`)));
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    cpuSeconds() {
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
