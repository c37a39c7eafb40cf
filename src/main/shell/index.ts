import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { dailyLogStream, teeStream } from '../../node/log/daily-file';
import { createLogger } from '../../node/log/logger';
import { createServices, cspForPage, defaultDataDir, SECURITY_HEADERS, type Services } from '../services';
import { registerIpc } from './ipc';
import { sqliteBindingFor } from './native-binding';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createSafeStorageSecretStore } from './secrets';
import { createElectronUpdateInstaller } from './updater';
import { createMainWindow, lockDown } from './window';

/*
 * The desktop app's lifecycle. Deliberately thin: everything a writer does goes through
 * the services (plain Node, shared with the web host); this file only wires Electron to them.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preload = join(here, '../preload/index.cjs');
const dataDir = resolve(argValue('--data-dir') ?? defaultDataDir());
// Logs go to stderr and to one file per day in the data dir, which "Kirim log ke HQ" bundles.
const log = createLogger(
  'warta-desktop',
  process.env.WARTA_LOG_LEVEL,
  teeStream(process.stderr, dailyLogStream(join(dataDir, 'logs'))),
);

// Only honour the dev server outside packaged builds.
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const devOrigin = devUrl ? new URL(devUrl).origin : null;

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: Services | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Hardening for every web contents, including any created later by accident.
  app.on('web-contents-created', (_event, contents) => lockDown(contents, devOrigin));

  app
    .whenReady()
    .then(async () => {
      const nativeBinding = sqliteBindingFor({ packaged: app.isPackaged, env: process.env, mainDir: here });
      services = await createServices({
        dataDir,
        log,
        secrets: createSafeStorageSecretStore(log),
        version: app.getVersion(),
        ...(nativeBinding ? { nativeBinding } : {}),
        // Only an installed app updates itself (a development tree is updated with git).
        ...(app.isPackaged ? { updateInstaller: createElectronUpdateInstaller(log) } : {}),
      });

      const ses = session.defaultSession;
      ses.setPermissionRequestHandler((_contents, permission, callback) => {
        log.warn({ permission }, 'denied a permission request');
        callback(false);
      });
      ses.setPermissionCheckHandler(() => false);
      // The dev server's responses get the same policy as warta:// (set in the protocol handler).
      const csp = cspForPage(readFileSync(join(rendererDir, 'index.html'), 'utf8'));
      ses.webRequest.onHeadersReceived((details, callback) => {
        callback({
          responseHeaders: {
            ...details.responseHeaders,
            ...Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([k, v]) => [k, [v]])),
            'Content-Security-Policy': [csp],
          },
        });
      });

      handleAppProtocol(rendererDir, services);
      registerIpc(services, log, devOrigin);
      mainWindow = createMainWindow({ preload, devUrl });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      // A crashed page comes back by itself (everything saved is in the store); not in a loop.
      const crashes: number[] = [];
      mainWindow.webContents.on('render-process-gone', (_event, details) => {
        log.error({ reason: details.reason, exitCode: details.exitCode }, 'the page crashed');
        const now = Date.now();
        crashes.push(now);
        while (crashes.length > 0 && (crashes[0] ?? now) < now - 60_000) crashes.shift();
        if (details.reason !== 'clean-exit' && crashes.length <= 3) mainWindow?.webContents.reload();
      });
      log.info({ dataDir, sqliteBinding: nativeBinding ?? 'default' }, 'ready');

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow({ preload, devUrl });
      });
    })
    .catch((error: unknown) => {
      log.error({ err: error }, 'could not start');
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the store (committing the last save) before the process goes away.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !services) return;
    event.preventDefault();
    const s = services;
    services = null;
    void s.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
