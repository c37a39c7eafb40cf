/**
 * The peer's server: express-pouchdb over PouchDB 9 (LevelDB), as pouchdb-server runs it,
 * in its own process. `node --import tsx bench/peer/pouchdb-server.ts <dataDir>`.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadExpressPouchDb, loadPouchDb } from './pouchdb-lib';
import { PEER_READY as READY } from '../lib/hq-process';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: pouchdb-server.ts <dataDir>');
mkdirSync(dataDir, { recursive: true });
const PouchDB = loadPouchDb().defaults({ prefix: `${dataDir}/` });
const app = loadExpressPouchDb()(PouchDB, {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: join(dataDir, 'log.txt'),
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`PouchDB server ${READY} http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
