#!/usr/bin/env node
// `npm run dist [-- electron-builder flags…]`: the installers (electron-builder.yml) for the
// platforms this machine can build (`--win`, `--linux`, `--mac` to choose). It needs the
// network: electron-builder downloads the Electron runtime for each target and Electron's
// headers to rebuild better-sqlite3 for it. Where the runtime cannot be had, it says so in one
// line and exits 1 before building anything (no stack trace: it is not a bug, it is offline).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { downloadArtifact } from '@electron/get';
import { entry, root } from './launch.mjs';

const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

/** The runtime electron-builder will pack for this machine (from its cache, or the network). */
async function electronRuntimeReachable() {
  try {
    await downloadArtifact({
      version: electronVersion,
      platform: process.platform,
      arch: process.arch,
      artifactName: 'electron',
      ...(process.env.electron_config_cache ? { cacheRoot: process.env.electron_config_cache } : {}),
    });
    return null;
  } catch (error) {
    return String(error instanceof Error ? error.message : error).split('\n')[0];
  }
}

function run(args) {
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status === 0;
}

const why = await electronRuntimeReachable();
if (why) {
  console.error(
    `Warta dist: runtime Electron ${electronVersion} tidak dapat diunduh (${why}); pembuatan installer butuh internet / the Electron runtime cannot be downloaded — build installers on a machine with network access.`,
  );
  process.exit(1);
}
if (!run([entry.electronVite, 'build'])) {
  console.error('Warta dist: npm run build gagal / the build failed.');
  process.exit(1);
}
const builderCli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
if (!run([builderCli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)])) {
  console.error('Warta dist: electron-builder gagal (lihat di atas) / electron-builder failed (see above).');
  process.exit(1);
}
console.log(`Warta dist: installer di ${join(root, 'dist')} / installers in dist/.`);
