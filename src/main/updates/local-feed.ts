import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FILE_NAME } from '../../node/updates/update-info';

/**
 * The verified release folder as a generic feed on 127.0.0.1, for electron-updater to
 * install from: it re-reads the feed file, copies the installer (verifying its sha512 once
 * more) and runs the platform's install. The download itself — resumable, over the office's
 * slow link — was ours; this only hands the finished file over. Serves only plain file names
 * inside `dir`, to anyone holding the random path prefix.
 */
export async function serveLocalFeed(dir: string, secretPath: string): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = `/${secretPath}/`;
    const name = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    const path = join(dir, name);
    if (req.method !== 'GET' || !FILE_NAME.test(name) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': String(statSync(path).size), 'content-type': 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/${secretPath}/`, close: () => server.close() };
}
