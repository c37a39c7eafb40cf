/**
 * The floor: the least a sync server can do with the same corpus, node:http and one
 * better-sqlite3 table (plus one for photos), no validation, no history, no auth.
 * `node --import tsx bench/peer/minimal-server.ts <dataDir>`.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openMinimalDb, type MinimalDoc } from './minimal-db';
import { PEER_READY as READY } from '../lib/hq-process';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: minimal-server.ts <dataDir>');
mkdirSync(dataDir, { recursive: true });
const db = openMinimalDb(new Database(join(dataDir, 'server.sqlite')));

const body = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  void (async () => {
    if (req.method === 'POST' && url.pathname === '/docs') {
      db.insertDocs(JSON.parse((await body(req)).toString()) as MinimalDoc[]);
      res.end('{"ok":true}');
    } else if (req.method === 'GET' && url.pathname === '/docs') {
      const page = db.page(Number(url.searchParams.get('since')), Number(url.searchParams.get('limit')));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(page));
    } else if (url.pathname.startsWith('/blobs/')) {
      const sha = url.pathname.slice('/blobs/'.length);
      if (req.method === 'PUT') {
        db.putBlob(sha, await body(req));
        res.end('{"ok":true}');
      } else res.end(db.blob(sha));
    } else {
      res.statusCode = 404;
      res.end();
    }
  })();
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`minimal server ${READY} http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
