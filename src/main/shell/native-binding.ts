import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which better-sqlite3 binary the desktop store loads. In development (`npm start`) it is the
 * Electron-ABI copy scripts/start.mjs built under node_modules/.warta-electron, apart from the
 * Node build the web host and tests use. A packaged app never looks anywhere else than its own
 * node_modules: electron-builder rebuilt better-sqlite3 for Electron when the installer was
 * made, so nothing is compiled or fetched on an office's machine (and an environment variable
 * cannot point a packaged app at another native library).
 */
export function sqliteBindingFor(options: {
  packaged: boolean;
  env: NodeJS.ProcessEnv;
  /** The folder of the built main bundle (out/main). */
  mainDir: string;
  exists?: (path: string) => boolean;
}): string | undefined {
  if (options.packaged) return undefined;
  const exists = options.exists ?? existsSync;
  const candidates = [
    options.env.WARTA_SQLITE_BINDING,
    join(options.mainDir, '../../node_modules/.warta-electron/better-sqlite3/build/Release/better_sqlite3.node'),
  ];
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0 && exists(c));
}
