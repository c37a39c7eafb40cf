import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every dir and file under `dir` (itself included, as "."), with its permission bits in octal. */
export function modesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string): void => {
    const stat = lstatSync(path);
    out[relative(dir, path) || '.'] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
}

/** What an owner-only tree looks like: every dir 700, every file 600. */
export function loosePaths(dir: string): string[] {
  return Object.entries(modesUnder(dir))
    .filter(([path, mode]) => {
      const isDir = lstatSync(join(dir, path)).isDirectory();
      return mode !== (isDir ? '700' : '600');
    })
    .map(([path, mode]) => `${path} ${mode}`);
}

/** Writes `content` at `path` with exactly `mode` (missing parents get what the umask allows). */
export function plantFile(path: string, content: string | Buffer, mode: number): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, mode);
}

/** Makes `dir` (and parents) and sets it to exactly `mode`. */
export function plantDir(dir: string, mode: number): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, mode);
}
