import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EnvelopeSchema, METHOD_NAMES } from '../../src/shared/contract';
import { createFakeElectron, type FakeElectron } from '../helpers/fake-electron';
import { makeTempDir, REPO_ROOT, waitFor } from '../helpers';

const MAIN = join(REPO_ROOT, 'out/main/index.js');
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * The Electron binary cannot run here, so the built desktop main bundle runs under Node
 * with a recording stand-in for the `electron` module. Everything behind it is real: the
 * services, the SQLite store in a temp data dir, the built page and preload.
 */
describe('desktop shell (built main bundle, electron stood in)', () => {
  const tmp = makeTempDir('warta-shell-');
  let fake: FakeElectron;

  const invoke = async (
    method: string,
    input: unknown,
    frameUrl = 'warta://app/index.html',
    parent: unknown = null,
  ) => {
    const handler = fake.ipcHandlers.get(`warta:${method}`);
    if (!handler) throw new Error(`no handler for ${method}`);
    return EnvelopeSchema.parse(await handler({ senderFrame: { url: frameUrl, parent } }, input));
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('out/main/index.js is not built; run "npx electron-vite build"');
    process.env.WARTA_DATA_DIR = join(tmp.dir, 'data');
    fake = createFakeElectron(join(tmp.dir, 'userData'));
    vi.doMock('electron', () => fake.module);
    await import(pathToFileURL(MAIN).href);
    await waitFor(() => fake.windows.length === 1, 'the main window', 30_000);
  });

  afterAll(async () => {
    fake.app.emit('will-quit', { preventDefault: () => undefined });
    delete process.env.WARTA_DATA_DIR;
    vi.doUnmock('electron');
    tmp.cleanup();
  });

  it('makes one window: isolated, sandboxed, no Node, web security on, our preload, our origin', () => {
    const [win] = fake.windows;
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
      // Nothing downloaded at run time: the editor's own offline spellchecker, not Chromium's.
      spellcheck: false,
    });
    expect(prefs.preload).toBe(join(REPO_ROOT, 'out/preload/index.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(win!.url).toBe('warta://app/');
    expect(fake.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'warta',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      fake.permissionRequest!({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.permissionCheck!({}, 'media', 'warta://app', {})).toBe(false);
  });

  it('adds the CSP and security headers to every web response of the session', () => {
    let out: Record<string, string[]> = {};
    fake.headersHook!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    expect(out['Content-Security-Policy']?.[0]).toMatch(/script-src 'self'/);
    expect(out['Content-Security-Policy']?.[0]).toMatch(/frame-ancestors 'none'/);
    expect(out['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(out['content-type']).toEqual(['text/html']);
  });

  it('keeps navigation on warta://app and opens only https/mailto links outside', () => {
    const wc = fake.windows[0]!.webContents;
    fake.openedExternally.length = 0;
    expect(wc.fire('will-navigate', 'warta://app/#/rilis')).toBe(false);
    expect(wc.fire('will-navigate', 'https://kpu.go.id/berita')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.fire('will-redirect', 'http://evil.example/')).toBe(true);
    expect(wc.fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
    expect(wc.windowOpenHandler!({ url: 'mailto:humas@kpu.go.id' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'warta://app/' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://kpu.go.id/berita', 'mailto:humas@kpu.go.id']);
  });

  it('reloads a crashed page, but not in an endless loop', () => {
    const wc = fake.windows[0]!.webContents;
    const before = wc.reloads;
    for (let i = 0; i < 5; i++) wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(wc.reloads - before).toBe(3);
  });

  it('registers exactly one IPC handler per contract method', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `warta:${m}`).sort());
  });

  it('answers our page, validates input, and refuses other senders and subframes', async () => {
    const info = await invoke('getAppInfo', {});
    expect(info.ok && (info.value as { dataDir: string }).dataDir).toBe(join(tmp.dir, 'data'));

    const bad = await invoke('getRelease', { id: 7 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');

    for (const [url, parent] of [
      ['https://evil.example/', null],
      ['file:///tmp/x.html', null],
      ['warta://app/index.html', { url: 'warta://app/' }],
      ['warta://other/', null],
    ] as const) {
      const refused = await invoke('createRelease', {}, url, parent);
      expect(refused).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/only from the Warta page/) },
      });
    }
    const list = await invoke('listReleases', {});
    expect(list.ok && (list.value as { total: number }).total).toBe(0);
  });

  it('serves the page and media from warta://app with the CSP, and nothing from other hosts', async () => {
    const handle = fake.protocolHandlers.get('warta')!;
    const page = await handle(new Request('warta://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');

    const imported = await invoke('importImage', { name: 'foto.png', dataBase64: PNG });
    expect(imported.ok).toBe(true);
    const sha = (imported as { value: { attachment: string } }).value.attachment;
    const media = await handle(new Request(`warta://app/media/${sha}`));
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true);

    expect((await handle(new Request(`warta://app/media/${'0'.repeat(64)}`))).status).toBe(404);
    expect((await handle(new Request('warta://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(new Request('warta://app/assets/nope.js'))).status).toBe(404);
  });
});
