import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src/shared/contract';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/**
 * The page as the desktop app runs it: `window.warta` present, shaped exactly like the
 * preload's bridge (one function per contract method returning the envelope). Electron
 * cannot run here, so the bridge's functions carry each call to the host over HTTP —
 * the page must use only the bridge, never fetch /rpc itself.
 */
describe('the page over a preload-shaped bridge', { timeout: 180_000 }, () => {
  const suite = browserSuite('warta-bridge-', { host: true });

  it('writes and saves a release through window.warta only', async () => {
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    // Count the page's own requests to /rpc: with a bridge there must be none.
    let directRpc = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/rpc/') && r.headers()['x-warta-bridge'] !== '1') directRpc += 1;
    });
    // Page-side code as a string: this file is type-checked without DOM types.
    await page.addInitScript({
      content: `(() => {
        const calls = [];
        const bridge = {};
        for (const name of ${JSON.stringify(METHOD_NAMES)}) {
          bridge[name] = async (input) => {
            calls.push(name);
            const secret = (await (await fetch('/session')).json()).rpcToken;
            const res = await fetch('/rpc/' + name, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-warta-secret': secret, 'x-warta-bridge': '1' },
              body: JSON.stringify(input ?? {}),
            });
            return res.json();
          };
        }
        Object.defineProperty(window, 'warta', { value: Object.freeze(bridge), writable: false });
        Object.defineProperty(window, '__bridgeCalls', { value: calls });
      })();`,
    });

    await page.goto(await suite.host.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Rilis lewat jembatan desktop');
    await page.getByRole('textbox', { name: 'Isi rilis' }).click();
    await page.keyboard.type('Isi yang dikirim lewat window.warta.');
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .first()
      .waitFor({ timeout: 60_000 });

    const calls = await page.evaluate('window.__bridgeCalls');
    expect(calls).toEqual(expect.arrayContaining(['getAppInfo', 'createRelease', 'saveRelease']));
    expect(directRpc).toBe(0);

    const { items } = await rpc(suite.host, 'listReleases', {});
    expect(items.map((r) => r.title)).toEqual(['Rilis lewat jembatan desktop']);
    const stored = await rpc(suite.host, 'getRelease', { id: items[0]!.id });
    expect(JSON.stringify(stored.body)).toContain('Isi yang dikirim lewat window.warta.');
  });
});
