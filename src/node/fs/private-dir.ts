import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Owner-only permissions for everything a program keeps in its data dir: releases, token
 * hashes, device secrets and images are nobody else's business on a shared computer.
 * POSIX only: on Windows the data dirs sit under the user's profile, whose NTFS ACLs already
 * keep other users out, and mode bits mean next to nothing there.
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Where a repaired mode is reported (pino, Fastify's logger and the console all fit). */
export interface ModeLog {
  warn(obj: object, msg?: string): void;
}

const posix = (): boolean => process.platform !== 'win32';

const permissions = (mode: number): number => mode & 0o777;

/** Changes `path` to `mode` when it differs, reporting it; a path we may not change is reported and left. */
function fix(path: string, current: number, mode: number, log: ModeLog | undefined): void {
  if (permissions(current) === mode) return;
  try {
    chmodSync(path, mode);
    log?.warn(
      { path, was: permissions(current).toString(8), now: mode.toString(8) },
      'permissions too open; made owner-only',
    );
  } catch (error) {
    log?.warn({ path, err: error }, 'could not make owner-only');
  }
}

/**
 * Creates `dir` (and missing parents) and makes the dir itself 0700 whatever the umask, or
 * repairs an existing one. Parents it did not create are left as they are.
 */
export function ensurePrivateDir(dir: string, log?: ModeLog): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!posix()) return;
  fix(dir, lstatSync(dir).mode, PRIVATE_DIR_MODE, log);
}

/**
 * Creates an empty 0600 file at `path` unless something is there already. SQLite makes a new
 * database 0644 and its WAL/SHM with the database's mode, so creating the file first makes
 * all three private from their first byte.
 */
export function ensurePrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    return;
  }
  if (posix()) chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Walks `dir` and makes every directory 0700 and every file 0600, reporting each change.
 * Symbolic links are neither followed nor changed. Returns how many modes it changed.
 */
export function repairModes(dir: string, log?: ModeLog): number {
  if (!posix()) return 0;
  let changed = 0;
  const visit = (path: string): void => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return; // removed meanwhile (a temp file, a checkpointed WAL)
    }
    if (stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if (permissions(stat.mode) !== wanted) {
      fix(path, stat.mode, wanted, log);
      changed += 1;
    }
    if (!stat.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      return;
    }
    for (const name of names) visit(join(path, name));
  };
  visit(dir);
  return changed;
}
