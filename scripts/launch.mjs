// What `npm start` and `npm run dev` share: whether the desktop app can run here (the
// Electron runtime, fetched once on first use, and better-sqlite3 built for Electron's ABI),
// the line said when it cannot, and running a child in the foreground.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Package entry points run with this Node: no .cmd shims (which need a shell on Windows)
// and no extra wrapper process between us and the app.
export const entry = {
  electronVite: join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  nodeGyp: join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  tsx: join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
};
const electronDir = join(root, 'node_modules', 'electron');

/** Same check Electron's own index.js makes, without triggering its download. */
function electronBinary() {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const full = join(electronDir, 'dist', rel);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

/** Electron ≥ 45 fetches its binary on first use, not on install: try that once, quietly. */
function ensureElectron() {
  if (process.env.WARTA_NO_ELECTRON === '1') return null;
  const found = electronBinary();
  if (found || process.env.WARTA_NO_ELECTRON_DOWNLOAD === '1') return found;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 300_000 });
  return electronBinary();
}

/**
 * better-sqlite3 compiled for Electron's ABI, in its own copy under
 * node_modules/.warta-electron so the Node build (web host, tests) is never touched.
 * Needs Electron's headers from the network the first time.
 */
function ensureElectronSqlite() {
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const src = join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')).version;
  const dest = join(root, 'node_modules', '.warta-electron', 'better-sqlite3');
  const binding = join(dest, 'build', 'Release', 'better_sqlite3.node');
  const stamp = join(dest, '.warta-built-for');
  const want = `electron ${electronVersion} better-sqlite3 ${sqliteVersion}`;
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return binding;

  console.log(
    `Menyiapkan better-sqlite3 untuk Electron ${electronVersion} (sekali saja) / building better-sqlite3 for Electron's ABI (once)…`,
  );
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dirname(dest), { recursive: true });
  const oldBuild = join(src, 'build');
  cpSync(src, dest, { recursive: true, filter: (p) => p !== oldBuild && !p.startsWith(oldBuild + sep) });
  const result = spawnSync(
    process.execPath,
    [
      entry.nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: dest, stdio: 'inherit' },
  );
  if (result.status !== 0 || !existsSync(binding)) {
    console.error(
      `Gagal membangun better-sqlite3 untuk Electron. Jalankan saat terhubung ke internet / could not build it; with a connection, run:\n` +
        `  cd node_modules/.warta-electron/better-sqlite3 && npx node-gyp rebuild --release --runtime=electron --target=${electronVersion} --dist-url=https://electronjs.org/headers`,
    );
    return null;
  }
  writeFileSync(stamp, want);
  return binding;
}

/**
 * `{ env }` to run the desktop app with (the Electron SQLite binding, and the data dir when
 * `--data-dir` was given), or `{ reason }` why it cannot run here, for the one-line message.
 */
export function desktopRuntime(args) {
  if (!ensureElectron()) return { reason: 'Electron runtime tidak tersedia (Electron runtime unavailable)' };
  const binding = ensureElectronSqlite();
  if (!binding) return { reason: 'Modul SQLite untuk Electron belum siap (SQLite module for Electron not built)' };
  const env = { ...process.env, WARTA_SQLITE_BINDING: binding };
  const dataDir = argValue(args, '--data-dir');
  if (dataDir) env.WARTA_DATA_DIR = dataDir;
  return { env };
}

function argValue(args, flag) {
  const i = args.indexOf(flag);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

/** The one line both commands print before serving in the browser instead of the desktop app. */
export function browserFallbackLine(reason, how) {
  return `${reason} — menjalankan Warta di peramban / serving Warta in the browser instead (${how}).`;
}

/** Runs a child with our terminal, passes Ctrl+C / SIGTERM on, and exits with its code. */
export function runInForeground(cmd, cmdArgs, env = process.env) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}
