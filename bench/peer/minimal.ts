/**
 * One run of the floor (minimal-server.ts): workstation A's table pushed in batches of 100
 * JSON docs, each photo PUT on its own; a fresh table B pulls pages of 100 and fetches the
 * photos. What any sync over HTTP and SQLite costs at least, on this machine, in this run.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../corpus';
import { openMinimalDb, type MinimalDoc } from './minimal-db';
import { startServerProcess } from '../lib/hq-process';
import type { SideRun } from './warta';

const BATCH = 100;

export async function runMinimal(corpus: Corpus, root: string): Promise<SideRun> {
  mkdirSync(root, { recursive: true });
  const server = await startServerProcess('bench/peer/minimal-server.ts', [join(root, 'server')]);
  const a = openMinimalDb(new Database(join(root, 'a.sqlite')));
  const b = openMinimalDb(new Database(join(root, 'b.sqlite')));
  const n = corpus.releases.length;
  try {
    a.insertDocs(corpus.releases.map((r) => ({ id: r.id, json: JSON.stringify(r.fields), image: r.image })));
    for (const [sha, bytes] of corpus.images) a.putBlob(sha, bytes);

    let cpu = server.cpuSeconds();
    let t = performance.now();
    for (let since = 0; ;) {
      const { docs, last } = a.page(since, BATCH);
      if (!docs.length) break;
      for (const doc of docs)
        if (doc.image) await fetch(`${server.url}/blobs/${doc.image}`, { method: 'PUT', body: a.blob(doc.image) });
      const res = await fetch(`${server.url}/docs`, { method: 'POST', body: JSON.stringify(docs) });
      if (!res.ok) throw new Error(`minimal push: HTTP ${res.status}`);
      await res.arrayBuffer();
      since = last;
    }
    const pushSeconds = (performance.now() - t) / 1000;
    const pushCpu = server.cpuSeconds() - cpu;

    cpu = server.cpuSeconds();
    t = performance.now();
    for (let since = 0; ;) {
      const res = await fetch(`${server.url}/docs?since=${since}&limit=${BATCH}`);
      const page = (await res.json()) as { docs: MinimalDoc[]; last: number };
      if (!page.docs.length) break;
      for (const doc of page.docs)
        if (doc.image)
          b.putBlob(doc.image, Buffer.from(await (await fetch(`${server.url}/blobs/${doc.image}`)).arrayBuffer()));
      b.insertDocs(page.docs);
      since = page.last;
    }
    const pullSeconds = (performance.now() - t) / 1000;
    const pullCpu = server.cpuSeconds() - cpu;
    if (b.count() !== n) throw new Error(`minimal pull: ${b.count()} of ${n} docs`);
    return {
      pushSeconds,
      pullSeconds,
      serverCpu: { push: pushCpu, pull: pullCpu },
      serverPeakRssMb: server.peakRssMb(),
    };
  } finally {
    a.close();
    b.close();
    await server.stop();
  }
}
