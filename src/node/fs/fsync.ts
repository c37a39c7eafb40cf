import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file's bytes to the disk before the caller relies on them (e.g. renames it in). */
export function fsyncFileSync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `dir` durable; best effort where directories can't be fsynced (Windows). */
export function fsyncDirSync(dir: string): void {
  try {
    fsyncFileSync(dir);
  } catch {
    // The rename itself is still atomic.
  }
}
