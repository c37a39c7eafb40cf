#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is here (or can be fetched);
// otherwise one line saying so and the same workstation on loopback, like `npm run web`.
// Knobs (for tests and CI): WARTA_NO_ELECTRON=1 always serves in the browser;
// WARTA_NO_ELECTRON_DOWNLOAD=1 never tries to fetch the runtime; WARTA_SKIP_BUILD=1
// serves the existing out/ without rebuilding.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { browserFallbackLine, desktopRuntime, entry, root, runInForeground } from './launch.mjs';

const args = process.argv.slice(2);

function serveInBrowser(reason) {
  console.log(browserFallbackLine(reason, 'npm run web'));
  const build =
    process.env.WARTA_SKIP_BUILD === '1'
      ? { status: 0, stdout: '', stderr: '' }
      : spawnSync(process.execPath, [entry.electronVite, 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    console.error('Warta: build failed (npm run build).');
    process.exit(1);
  }
  runInForeground(process.execPath, ['--import', 'tsx', join(root, 'src', 'main', 'web', 'cli.ts'), ...args]);
}

const desktop = desktopRuntime(args);
if (desktop.reason) serveInBrowser(desktop.reason);
else runInForeground(process.execPath, [entry.electronVite, 'preview'], desktop.env);
