import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sqliteBindingFor } from '../../src/main/shell/native-binding';

/**
 * A packaged Warta runs the native modules electron-builder rebuilt for it: nothing that ships
 * in the app compiles, fetches headers or loads a binary from a development folder.
 */

const root = join(import.meta.dirname, '..', '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('native modules in a packaged app', () => {
  it('loads the bundled better-sqlite3, never a development build, even when told to', () => {
    const dev = '/repo/node_modules/.warta-electron/better-sqlite3/build/Release/better_sqlite3.node';
    const env = { WARTA_SQLITE_BINDING: '/tmp/elsewhere.node' };
    expect(sqliteBindingFor({ packaged: true, env, mainDir: '/repo/out/main', exists: () => true })).toBeUndefined();
    // In development the Electron-ABI copy npm start built is used…
    expect(sqliteBindingFor({ packaged: false, env: {}, mainDir: '/repo/out/main', exists: () => true })).toBe(dev);
    // …and without it, the default module.
    expect(sqliteBindingFor({ packaged: false, env: {}, mainDir: '/repo/out/main', exists: () => false })).toBe(
      undefined,
    );
  });

  it('has no code path that compiles or runs a build tool in what the app ships', () => {
    const shipped = ['main', 'node', 'shared', 'preload', 'renderer'].flatMap((d) =>
      sourcesUnder(join(root, 'src', d)),
    );
    expect(shipped.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      if (/node-gyp|@electron\/rebuild|electron-rebuild|prebuild-install|\bnpm (?:rebuild|install)\b/.test(text))
        offenders.push(relative(root, file));
      // The one child process: the web host opening the system browser (not part of the desktop app).
      if (/child_process/.test(text) && !file.endsWith(join('web', 'open-browser.ts')))
        offenders.push(relative(root, file));
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the build tools out of the production dependencies electron-builder packs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const tool of ['@electron/rebuild', 'node-gyp', 'electron-builder', 'electron'])
      expect(Object.keys(pkg.dependencies)).not.toContain(tool);
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
  });
});
