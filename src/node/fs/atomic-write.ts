import { fsyncDirSync } from './fsync';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Exact permissions of the written file (umask ignored); by default 0o644 less the umask. */
  mode?: number;
}

const TEMP_PREFIX = '.tmp-';

/** A fresh name beside the target: rename is only atomic within one directory. */
function tempPathFor(path: string): string {
  return join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
}

const toBytes = (data: Uint8Array | string): Uint8Array =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // As above: best effort where directories can't be fsynced.
  }
}

/**
 * Writes `path` so that it is either absent (or its old content) or complete, even across a
 * crash: temp file in the same directory, write, fsync, rename over the target, fsync the
 * directory. The temp file never outlives a failure.
 */
export function writeFileAtomicSync(path: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): void {
  const bytes = toBytes(data);
  const tmp = tempPathFor(path);
  try {
    // 'wx': a fresh file, so a mode given here is the mode it gets.
    const fd = openSync(tmp, 'wx', options.mode ?? 0o644);
    try {
      if (options.mode !== undefined) fchmodSync(fd, options.mode);
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDirSync(dirname(path));
}

/** The same guarantees as writeFileAtomicSync without blocking the event loop (HQ serves many clients). */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    const handle = await open(tmp, 'wx', options.mode ?? 0o644);
    try {
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(toBytes(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await fsyncDir(dirname(path));
}

/**
 * Removes temp files a write left behind when the process died between writing and renaming.
 * Only old ones: a fresh temp file may belong to a write still running in another process.
 */
export function sweepStaleTemp(dir: string, olderThanMs = 60 * 60_000): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > olderThanMs) {
        rmSync(path, { force: true });
        removed += 1;
      }
    } catch {
      // gone already, or unreadable: not ours to fuss over
    }
  }
  return removed;
}
