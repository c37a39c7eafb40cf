/**
 * One run of the peer: the same corpus through PouchDB 9 (LevelDB) replicating to
 * express-pouchdb in its own process. Each release is a document, its photo an attachment.
 * Push = a local database written untimed, then replicated to a fresh server database;
 * pull = a fresh local database replicating from it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../corpus';
import { loadPouchDb, type PouchDatabase, type PouchDoc, type ReplicationResult } from './pouchdb-lib';
import { startServerProcess } from '../lib/hq-process';
import type { SideRun } from './warta';

const WRITE_CHUNK = 500;

function documents(corpus: Corpus): PouchDoc[] {
  return corpus.releases.map((r) => ({
    _id: r.id,
    ...r.fields,
    ...(r.image
      ? { _attachments: { 'foto.jpg': { content_type: 'image/jpeg', data: corpus.images.get(r.image)! } } }
      : {}),
  }));
}

async function expectAll(db: PouchDatabase, result: ReplicationResult, n: number, what: string): Promise<void> {
  const { doc_count } = await db.info();
  if (!result.ok || result.errors.length || doc_count !== n)
    throw new Error(`PouchDB ${what} incomplete: ${doc_count} of ${n} documents, ${result.errors.length} errors`);
}

/** `batchSize` undefined = PouchDB's default (100). */
export async function runPouchDb(corpus: Corpus, root: string, batchSize: number | undefined): Promise<SideRun> {
  const PouchDB = loadPouchDb();
  const server = await startServerProcess('bench/peer/pouchdb-server.ts', [join(root, 'server')]);
  const remote = `${server.url}/releases`;
  const local = (name: string): PouchDatabase => {
    mkdirSync(join(root, name), { recursive: true });
    return new (PouchDB.defaults({ prefix: `${join(root, name)}/` }))('releases');
  };
  const a = local('a');
  const b = local('b');
  const options = batchSize ? { batch_size: batchSize } : {};
  const n = corpus.releases.length;
  try {
    const docs = documents(corpus);
    for (let i = 0; i < docs.length; i += WRITE_CHUNK) {
      const results = await a.bulkDocs(docs.slice(i, i + WRITE_CHUNK));
      if (results.some((r) => r.error)) throw new Error('PouchDB: writing the corpus locally failed');
    }

    let cpu = server.cpuSeconds();
    let t = performance.now();
    const pushed = await a.replicate.to(remote, options);
    const pushSeconds = (performance.now() - t) / 1000;
    const pushCpu = server.cpuSeconds() - cpu;
    if (!pushed.ok || pushed.docs_written !== n)
      throw new Error(`PouchDB push incomplete: ${pushed.docs_written} of ${n} documents`);

    cpu = server.cpuSeconds();
    t = performance.now();
    const pulled = await b.replicate.from(remote, options);
    const pullSeconds = (performance.now() - t) / 1000;
    const pullCpu = server.cpuSeconds() - cpu;
    await expectAll(b, pulled, n, 'pull');

    return {
      pushSeconds,
      pullSeconds,
      serverCpu: { push: pushCpu, pull: pullCpu },
      serverPeakRssMb: server.peakRssMb(),
    };
  } finally {
    await a.close();
    await b.close();
    await server.stop();
  }
}
