import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron } from '../helpers/fake-electron';
import { makeTempDir, REPO_ROOT, waitFor } from '../helpers';

const MAIN = join(REPO_ROOT, 'out/main/index.js');

/**
 * One running Warta per user: a second launch hands over to the first, which shows its
 * window, and quits without opening anything (the built main bundle, electron stood in).
 */
describe('single instance', () => {
  const tmp = makeTempDir('warta-single-');
  let fake: FakeElectron | null = null;

  const launch = async (lock: boolean, tag: string): Promise<FakeElectron> => {
    if (!existsSync(MAIN)) throw new Error('out/main/index.js is not built; run "npx electron-vite build"');
    process.env.WARTA_DATA_DIR = join(tmp.dir, `data-${tag}`);
    fake = createFakeElectron(join(tmp.dir, 'userData'), { singleInstanceLock: lock });
    vi.resetModules();
    vi.doMock('electron', () => fake!.module);
    // A query string makes it a fresh module instance: each launch is its own process here.
    await import(`${pathToFileURL(MAIN).href}?launch=${tag}`);
    return fake;
  };

  afterEach(() => {
    fake?.app.emit('will-quit', { preventDefault: () => undefined });
    fake = null;
    delete process.env.WARTA_DATA_DIR;
    vi.doUnmock('electron');
  });
  afterAll(() => tmp.cleanup());

  it('the first launch keeps the lock and brings its window back when launched again', async () => {
    const first = await launch(true, 'first');
    await waitFor(() => first.windows.length === 1, 'the main window', 30_000);
    first.minimized = true;
    first.app.emit('second-instance', {}, ['warta'], '/');
    expect(first.focusCalls).toEqual({ restored: 1, focused: 1 });
    first.app.emit('second-instance', {}, ['warta'], '/');
    expect(first.focusCalls).toEqual({ restored: 1, focused: 2 });
    expect(first.quits).toBe(0);
  });

  it('a second launch quits at once: no window, no IPC, the data dir untouched', async () => {
    const second = await launch(false, 'second');
    expect(second.quits).toBe(1);
    // Give whenReady (already resolved in the stand-in) its turn: nothing may follow it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(second.windows).toEqual([]);
    expect(second.ipcHandlers.size).toBe(0);
    expect(existsSync(join(tmp.dir, 'data-second', 'warta.db'))).toBe(false);
  });
});
