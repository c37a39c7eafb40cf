/**
 * A recording stand-in for the parts of the `electron` module the desktop shell uses, so
 * the built main bundle (out/main/index.js) can run under Node where the Electron binary
 * is absent. It records what the shell configures (window options, permission handlers,
 * IPC handlers, protocol handler, navigation guards) for tests to exercise.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

class FakeWebContents extends Emitter {
  reloads = 0;
  reload(): void {
    this.reloads += 1;
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn;
  }
  /** Fires a cancellable event the way Electron does; returns whether it was prevented. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export interface FakeElectron {
  module: Record<string, unknown>;
  windows: { options: Record<string, unknown>; url: string | null; webContents: FakeWebContents }[];
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  privilegedSchemes: unknown[];
  permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null;
  permissionCheck: ((...args: unknown[]) => boolean) | null;
  headersHook:
    | ((
        details: { responseHeaders: Record<string, string[]> },
        cb: (r: { responseHeaders: Record<string, string[]> }) => void,
      ) => void)
    | null;
  openedExternally: string[];
  /** What the next save dialog answers (a path, or null for "cancelled"), and the names it was offered. */
  saveDialog: { answer: string | null; offered: string[] };
  app: Emitter & { ready: Promise<void> };
  userData: string;
  /** How often app.quit() was called and each window was restored / focused. */
  quits: number;
  focusCalls: { restored: number; focused: number };
  /** Set to make the next window report itself minimized. */
  minimized: boolean;
}

export function createFakeElectron(userData: string, opts: { singleInstanceLock?: boolean } = {}): FakeElectron {
  const fake: FakeElectron = {
    module: {},
    windows: [],
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    permissionRequest: null,
    permissionCheck: null,
    headersHook: null,
    openedExternally: [],
    saveDialog: { answer: null, offered: [] },
    app: Object.assign(new Emitter(), { ready: Promise.resolve() }),
    userData,
    quits: 0,
    focusCalls: { restored: 0, focused: 0 },
    minimized: false,
  };
  const app = Object.assign(fake.app, {
    isPackaged: false,
    requestSingleInstanceLock: () => opts.singleInstanceLock ?? true,
    whenReady: () => fake.app.ready,
    getVersion: () => '0.0.0-test',
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return userData;
    },
    quit: () => {
      fake.quits += 1;
    },
    exit: () => undefined,
  });

  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = (): BrowserWindow[] => BrowserWindow.all;
    static fromWebContents = (contents: unknown): BrowserWindow | null =>
      BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
    readonly webContents = new FakeWebContents();
    private record: FakeElectron['windows'][number];
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, url: null, webContents: this.webContents };
      fake.windows.push(this.record);
      BrowserWindow.all.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.record.url = url;
      return Promise.resolve();
    }
    show(): void {}
    focus(): void {
      fake.focusCalls.focused += 1;
    }
    restore(): void {
      fake.focusCalls.restored += 1;
      fake.minimized = false;
    }
    isMinimized(): boolean {
      return fake.minimized;
    }
  }

  fake.module = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        fake.ipcHandlers.set(channel, fn);
      },
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Response | Promise<Response>) =>
        fake.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: FakeElectron['permissionRequest']) => (fake.permissionRequest = fn),
        setPermissionCheckHandler: (fn: FakeElectron['permissionCheck']) => (fake.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: FakeElectron['headersHook']) => (fake.headersHook = fn) },
      },
    },
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        const options = args[args.length - 1] as { defaultPath?: string };
        fake.saveDialog.offered.push(options.defaultPath ?? '');
        const path = fake.saveDialog.answer;
        return Promise.resolve(path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' });
      },
    },
    shell: {
      openExternal: (url: string) => {
        fake.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(`enc:${plain}`).reverse(),
      decryptString: (buf: Buffer) => Buffer.from(buf).reverse().toString().replace(/^enc:/, ''),
    },
  };
  return fake;
}
