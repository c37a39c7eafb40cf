#!/usr/bin/env node
// `npm run dev`: the desktop app under electron-vite's dev server (renderer hot reload, main and
// preload rebuilt and restarted on change) when the Electron runtime is here. Otherwise one line
// saying so, then the browser workstation kept current: the renderer is rebuilt into out/renderer
// on every change (reload the tab to see it) and the web host restarts when its code changes.
// Takes the same --port / --data-dir as `npm run web`; same knobs as `npm start`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { browserFallbackLine, desktopRuntime, entry, root, runInForeground } from './launch.mjs';

const args = process.argv.slice(2);

/** Rebuilds out/renderer on every change; resolves once the first build is written. */
async function watchRenderer() {
  const { config } = await resolveConfig({}, 'build', 'development');
  const renderer = { ...config.renderer, build: { ...config.renderer.build, watch: {} } };
  const watcher = await build(renderer);
  await new Promise((resolve, reject) => {
    watcher.on('event', (event) => {
      if (event.code === 'END') resolve();
      if (event.code === 'ERROR') {
        console.error(`Warta dev: renderer build failed: ${event.error?.message ?? event.error}`);
        reject(event.error);
      }
      event.result?.close?.();
    });
  });
  return watcher;
}

async function serveInBrowser(reason) {
  console.log(browserFallbackLine(reason, 'npm run dev'));
  let watcher;
  try {
    watcher = await watchRenderer();
  } catch {
    process.exit(1);
  }
  // tsx watch restarts the host when any file it imports changes; the host prints its ready line each time.
  const host = spawn(
    process.execPath,
    [entry.tsx, 'watch', '--clear-screen=false', join(root, 'src', 'main', 'web', 'cli.ts'), ...args],
    { cwd: root, stdio: 'inherit' },
  );
  const stop = (signal) => {
    void watcher.close();
    host.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
  host.on('exit', (code, signal) => {
    void watcher.close();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

const desktop = desktopRuntime(args);
if (desktop.reason) await serveInBrowser(desktop.reason);
else runInForeground(process.execPath, [entry.electronVite, 'dev', '--watch'], desktop.env);
