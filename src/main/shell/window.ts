import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, shell, type WebContents } from 'electron';
import { APP_URL, isAppUrl, isExternalLink } from './origin';

// The bundle runs from out/main/ both in development and packaged, with resources/ beside out/.
// macOS takes the icon from the app bundle instead.
const ICON = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'icon.png');

export interface WindowOptions {
  preload: string;
  /** The dev server (electron-vite dev) or null to load warta://app/. */
  devUrl: string | null;
}

/** Opens https/mailto links in the system browser; everything else goes nowhere. */
function openExternally(url: string): void {
  if (isExternalLink(url)) void shell.openExternal(url);
}

/**
 * Keeps a page's web contents on our origin: navigation elsewhere is cancelled (a link
 * to the web opens in the system browser instead), new windows are refused, and no
 * <webview> can be attached.
 */
const locked = new WeakSet<WebContents>();

export function lockDown(contents: WebContents, devOrigin: string | null): void {
  // Called from the factory and from app 'web-contents-created': guard once, or a link
  // would open twice in the system browser.
  if (locked.has(contents)) return;
  locked.add(contents);
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url, devOrigin)) return;
    event.preventDefault();
    openExternally(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** The one window factory: every Warta window is made here, with the same hardening. */
export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const devOrigin = opts.devUrl ? new URL(opts.devUrl).origin : null;
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Warta',
    ...(process.platform === 'darwin' ? {} : { icon: ICON }),
    autoHideMenuBar: true,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // No middle-click (auxclick) events: one more way a link could try to open a window.
      disableBlinkFeatures: 'Auxclick',
      // Chromium's own spellchecker would fetch its dictionaries from Google's servers at run
      // time; the editor checks Indonesian itself, offline, with the dictionary in the bundle.
      spellcheck: false,
    },
  });
  lockDown(win.webContents, devOrigin);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.devUrl ?? APP_URL);
  return win;
}
