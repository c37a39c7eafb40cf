import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Node with tsx's loader in the SAME process. (The `tsx` binary runs the script in a
 * child process: SIGKILL to it would orphan the real server and a crash test would prove
 * nothing.) Killing the child therefore signals the server itself.
 */
export const nodeWithTsx = (script: string, args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', script, ...args],
];

/**
 * Like nodeWithTsx, but runs the bundle of `script` that the test run's globalSetup built
 * (see cli-bundles.ts) when `bundleVariable` names one: same code, far quicker to start.
 */
export const nodeWithBundleOr = (bundleVariable: string, script: string, args: string[]): [string, string[]] => {
  const bundle = process.env[bundleVariable];
  return bundle ? [process.execPath, [bundle, ...args]] : nodeWithTsx(script, args);
};

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Own process group, so `stop` reaches whatever the command starts in turn (npm, start.mjs). */
  detached?: boolean;
  timeoutMs?: number;
}

export interface ReadyProcess {
  child: ChildProcess;
  /** The ready line's match against everything printed on stdout. */
  ready: RegExpExecArray;
  /** Everything the process wrote to stdout / stderr so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** Sends `signal` (to the whole group when detached) unless it has exited; waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

function collect(child: ChildProcess): () => { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return () => ({ stdout, stderr });
}

/**
 * Starts `cmd` in the repository and waits until its stdout matches `readyLine`. A process
 * that exits first, or stays silent past the timeout, fails with everything it printed.
 */
export async function spawnUntilReady(
  cmd: string,
  args: string[],
  readyLine: RegExp,
  opts: SpawnOptions = {},
): Promise<ReadyProcess> {
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached ?? false,
  });
  const output = collect(child);
  const exited = new Promise<Exit>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> => {
    if (child.exitCode === null && child.signalCode === null) {
      if (opts.detached && child.pid) process.kill(-child.pid, signal);
      else child.kill(signal);
    }
    return exited;
  };
  const what = [cmd, ...args].map((a) => a.replace(REPO_ROOT, '.')).join(' ');
  const failure = (why: string): Error => {
    const { stdout, stderr } = output();
    return new Error(`${what}: ${why}\nstdout: ${stdout}\nstderr: ${stderr}`);
  };

  const timeoutMs = opts.timeoutMs ?? 90_000;
  const ready = await new Promise<RegExpExecArray>((res, rej) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      rej(failure(`no ready line within ${timeoutMs} ms`));
    }, timeoutMs);
    const onData = (): void => {
      const m = readyLine.exec(output().stdout);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      res(m);
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(failure(`exited before ready (code ${code}, signal ${signal})`));
    });
  });
  return { child, ready, output, exited, stop };
}

/** Runs `cmd` in the repository to completion (it must exit on its own within the timeout). */
export function runToExit(
  cmd: string,
  args: string[],
  opts: Omit<SpawnOptions, 'detached'> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(cmd, args, { cwd: REPO_ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      const { stdout, stderr } = output();
      rej(new Error(`${cmd} ${args.join(' ')} did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    // 'close', not 'exit': by then stdout and stderr are read to the end.
    child.on('close', (code) => {
      clearTimeout(timer);
      res({ code, ...output() });
    });
  });
}

/** SIGKILL, and wait until the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
