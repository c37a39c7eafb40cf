import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/node/log/logger';
import { createFileSecretStore, createServices, type Services } from '../../src/main/services';
import { startWebHost, type WebHost } from '../../src/main/web/host';
import { removeDir, tempDir } from '../helpers/tmp';
import { openSession, type WebSession } from '../helpers/web-host';

/**
 * The real web host and services in this process; the page is a stub (this test is about
 * the RPC body, not the renderer, so it needs no build).
 */
describe('web host: deeply nested JSON', { timeout: 60_000 }, () => {
  let dir = '';
  let services: Services;
  let host: WebHost;
  let session: WebSession;

  beforeAll(async () => {
    dir = tempDir('warta-web-depth-');
    const page = join(dir, 'page');
    mkdirSync(page);
    writeFileSync(join(page, 'index.html'), '<!doctype html><title>Warta</title>');
    services = await createServices({
      dataDir: join(dir, 'data'),
      log: createLogger('test', 'silent'),
      secrets: createFileSecretStore(join(dir, 'data', 'secrets.json')),
      version: '0.0.0',
    });
    host = await startWebHost({ services, rendererDir: page, port: 0, logger: false });
    session = await openSession(host.launchUrl());
  });
  afterAll(async () => {
    await host?.close();
    await services?.close();
    if (dir) removeDir(dir);
  });

  const rpc = (method: string, body: string) =>
    fetch(new URL(`rpc/${method}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-warta-secret': session.rpcToken, cookie: session.cookie },
      body,
    });

  it('nested 10,000 deep is a 400 envelope, never a 500', async () => {
    const deepDoc = '{"type":"doc","content":['.repeat(10_000) + ']}'.repeat(10_000);
    for (const [method, body] of [
      ['createRelease', `{"fields":{"title":"x","body":${deepDoc}}}`],
      ['listReleases', '['.repeat(10_000) + ']'.repeat(10_000)],
    ] as const) {
      const res = await rpc(method, body);
      expect(res.status, method).toBe(400);
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/nested deeper/) },
      });
    }
    // Ordinary calls still go through.
    expect((await rpc('listReleases', '{}')).status).toBe(200);
  });
});
