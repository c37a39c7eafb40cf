import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/** What the page itself can reach, in real Chromium through the web host. */
describe('workstation page in Chromium', { timeout: 120_000 }, () => {
  const suite = browserSuite('warta-page-', { host: true });

  it('has no Node: require, process, module and Buffer are undefined; no raw bridge', async () => {
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000); // a loaded 2-core CI box
    await page.goto(await suite.host.openUrl());
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      buffer: typeof (globalThis as Record<string, unknown>).Buffer,
      warta: typeof (globalThis as Record<string, unknown>).warta,
      ipc: typeof (globalThis as Record<string, unknown>).ipcRenderer,
    }));
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
      warta: 'undefined',
      ipc: 'undefined',
    });
    await page.close();
  });

  it('blocks inline script by CSP and cannot call the host without the secret', async () => {
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000); // a loaded 2-core CI box
    await page.goto(await suite.host.openUrl());
    // A string, evaluated in the page: this file is type-checked without DOM types.
    const result = await page.evaluate(`(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      const res = await fetch('/rpc/listReleases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { inlineRan: window.__inlineRan === true, status: res.status };
    })()`);
    expect(result).toEqual({ inlineRan: false, status: 403 });
    await page.close();
  });

  it('shows images by relative /media URL thanks to the page cookie; another site cannot', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const { attachment } = await rpc(suite.host, 'importImage', { name: 'foto.png', dataBase64: png });
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000); // a loaded 2-core CI box
    await page.goto(await suite.host.openUrl());
    const status = await page.evaluate(async (sha) => (await fetch(`/media/${sha}`)).status, attachment);
    expect(status).toBe(200);
    // A fresh context has no cookie: the same URL is refused.
    const stranger = await suite.browser.newContext();
    const res = await stranger.request.get(new URL(`media/${attachment}`, suite.host.url).toString());
    expect(res.status()).toBe(403);
    await stranger.close();
    await page.close();
  });
});
