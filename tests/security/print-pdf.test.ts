import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EnvelopeSchema } from '../../src/shared/contract';
import { createFakeElectron, type FakeElectron } from '../helpers/fake-electron';
import { makeTempDir, REPO_ROOT, waitFor } from '../helpers';

const MAIN = join(REPO_ROOT, 'out/main/index.js');

/**
 * "Ekspor" → "PDF" on the desktop: the shell prints the calling page with printToPDF and saves
 * it where the writer chooses. Electron cannot run here: the built main bundle runs with the
 * recording stand-in, and the page's web contents is a stand-in that hands back PDF bytes.
 */
describe('desktop PDF export (built main bundle, electron stood in)', () => {
  const tmp = makeTempDir('warta-print-');
  let fake: FakeElectron;
  const printed: unknown[] = [];
  const sender = {
    printToPDF: (options: unknown) => {
      printed.push(options);
      return Promise.resolve(Buffer.from('%PDF-1.7 stand-in'));
    },
  };
  const invoke = async (input: unknown, frameUrl = 'warta://app/index.html') => {
    const handler = fake.ipcHandlers.get('warta:printPdf')!;
    return EnvelopeSchema.parse(await handler({ senderFrame: { url: frameUrl, parent: null }, sender }, input));
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('out/main/index.js is not built; run "npx electron-vite build"');
    process.env.WARTA_DATA_DIR = join(tmp.dir, 'data');
    fake = createFakeElectron(join(tmp.dir, 'userData'));
    vi.doMock('electron', () => fake.module);
    await import(pathToFileURL(MAIN).href);
    await waitFor(() => fake.ipcHandlers.has('warta:printPdf'), 'the IPC handlers', 30_000);
  });

  afterAll(() => {
    fake.app.emit('will-quit', { preventDefault: () => undefined });
    delete process.env.WARTA_DATA_DIR;
    vi.doUnmock('electron');
    tmp.cleanup();
  });

  it('prints the calling page on A4 and writes the PDF where the writer chose', async () => {
    fake.saveDialog.answer = join(tmp.dir, 'rilis.pdf');
    const out = await invoke({ fileName: 'rapat/pleno:1.pdf' });
    expect(out).toEqual({ ok: true, value: { path: join(tmp.dir, 'rilis.pdf') } });
    expect(readFileSync(join(tmp.dir, 'rilis.pdf'), 'latin1')).toBe('%PDF-1.7 stand-in');
    expect(printed.at(-1)).toMatchObject({ pageSize: 'A4', printBackground: true });
    // The offered name is a file name, never a path.
    expect(fake.saveDialog.offered.at(-1)).toBe('rapat-pleno-1.pdf');
  });

  it('writes nothing when the save is cancelled, and refuses a call from a foreign frame or with bad input', async () => {
    fake.saveDialog.answer = null;
    expect(await invoke({ fileName: 'rilis.pdf' })).toEqual({ ok: true, value: { path: null } });
    const foreign = await invoke({ fileName: 'rilis.pdf' }, 'https://evil.example/');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await invoke({ fileName: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
