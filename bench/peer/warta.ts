/**
 * One run of Warta's own path: workstation A's store → outbox → HQ (its own process, as
 * `npm run hq` runs it) → workstation B's store, through the real sync module, with a fresh HQ and
 * fresh stores.
 * The corpus is written into A as the app writes it (photos imported into A's attachment
 * store, releases created with their outbox entries) before the clock starts.
 */
import { join } from 'node:path';
import { createFileSecretStore } from '../../src/main/services/secrets';
import { createRelease, importImage, openStore, type Store } from '../../src/main/store';
import { createSyncHandlers, type SyncModule } from '../../src/main/sync';
import { silentLogger } from '../../src/node/log/silent';
import { enrollPerson } from '../../src/server/admin';
import { openStorage } from '../../src/server/app';
import type { Corpus } from '../corpus';
import { startHqProcess } from '../lib/hq-process';

export interface SideRun {
  pushSeconds: number;
  pullSeconds: number;
  /** CPU seconds the server process used during push and during pull. */
  serverCpu: { push: number; pull: number };
  serverPeakRssMb: number;
}

interface Workstation {
  store: Store;
  sync: SyncModule;
}

function openWorkstation(dataDir: string): Workstation {
  const store = openStore({ dataDir, log: silentLogger });
  const sync = createSyncHandlers({
    db: store.db,
    dataDir,
    secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
  });
  return { store, sync };
}

async function enrollmentCodes(hqDir: string): Promise<string[]> {
  const storage = openStorage(hqDir);
  try {
    const codes: string[] = [];
    for (const name of ['Penulis A', 'Penulis B'])
      codes.push((await enrollPerson(storage, { office: 'KPU Kabupaten Blora', name, role: 'penulis' })).code);
    return codes;
  } finally {
    storage.close();
  }
}

/** Writes the corpus into the workstation as a writer would have, photos first. */
function seed(w: Workstation, corpus: Corpus): void {
  for (const release of corpus.releases) {
    if (release.image) importImage(w.store, 'foto.jpg', corpus.images.get(release.image)!.toString('base64'));
    createRelease(w.store, release.fields, release.id);
  }
}

export async function runWarta(corpus: Corpus, root: string): Promise<SideRun> {
  const hqDir = join(root, 'hq');
  const [codeA, codeB] = await enrollmentCodes(hqDir);
  const hq = await startHqProcess(hqDir);
  const a = openWorkstation(join(root, 'a'));
  const b = openWorkstation(join(root, 'b'));
  try {
    // Written before connecting, as on a laptop used offline first: seeding holds the event
    // loop for seconds, and a keep-alive socket HQ closed meanwhile would fail the first request.
    seed(a, corpus);
    await a.sync.handlers.connectToHq({ serverUrl: hq.url, code: codeA! });
    await b.sync.handlers.connectToHq({ serverUrl: hq.url, code: codeB! });
    const n = corpus.releases.length;

    let cpu = hq.cpuSeconds();
    let t = performance.now();
    const pushed = await a.sync.handlers.syncNow({});
    const pushSeconds = (performance.now() - t) / 1000;
    const pushCpu = hq.cpuSeconds() - cpu;
    if (pushed.lastError || pushed.lastRun?.pushed !== n || pushed.lastRun.uploaded !== corpus.images.size)
      throw new Error(`Warta push incomplete: ${JSON.stringify(pushed.lastRun)} ${pushed.lastError ?? ''}`);

    cpu = hq.cpuSeconds();
    t = performance.now();
    const pulled = await b.sync.handlers.syncNow({});
    const pullSeconds = (performance.now() - t) / 1000;
    const pullCpu = hq.cpuSeconds() - cpu;
    if (pulled.lastError || pulled.lastRun?.pulled !== n)
      throw new Error(`Warta pull incomplete: ${JSON.stringify(pulled.lastRun)} ${pulled.lastError ?? ''}`);

    return { pushSeconds, pullSeconds, serverCpu: { push: pushCpu, pull: pullCpu }, serverPeakRssMb: hq.peakRssMb() };
  } finally {
    await a.sync.close();
    await b.sync.close();
    a.store.close();
    b.store.close();
    await hq.stop();
  }
}
