/**
 * Sync client throughput on loopback, end to end through the workstation code: 1,000 releases
 * written into workstation A's store (not timed), then A's "Sinkronkan" pushes them all
 * (outbox → seq assignment → batches of 100 → results applied), then workstation B's first
 * sync pulls them all (change log pages → merge/apply → local history and search index).
 * Real HQ (Fastify + SQLite) in this process, real SQLite files for both workstations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSecretStore } from '../src/main/services/secrets';
import { silentLogger } from '../src/node/log/silent';
import { openStore, createRelease, type Store } from '../src/main/store';
import { createSyncHandlers, type SyncModule } from '../src/main/sync';
import { enrollPerson } from '../src/server/admin';
import { createHqServer } from '../src/server/app';
import { sampleBody } from './corpus';

const N = Number(process.env.WARTA_BENCH_RELEASES ?? 1000);

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'warta-bench-sync-'));
  const hq = await createHqServer({ dataDir: join(root, 'hq'), publicSite: false });
  const url = (await hq.listen(0)).replace(/\/$/, '');
  const open = (name: string): { store: Store; sync: SyncModule } => {
    const dataDir = join(root, name);
    const store = openStore({ dataDir, log: silentLogger });
    const sync = createSyncHandlers({
      db: store.db,
      dataDir,
      secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
    });
    return { store, sync };
  };
  const a = open('a');
  const b = open('b');
  try {
    for (const [w, name] of [
      [a, 'Penulis A'],
      [b, 'Penulis B'],
    ] as const) {
      const { code } = await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name, role: 'penulis' });
      await w.sync.handlers.connectToHq({ serverUrl: url, code });
    }
    for (let i = 0; i < N; i++) createRelease(a.store, { title: `Rapat pleno rekapitulasi ${i}`, body: sampleBody(i) });

    let t = performance.now();
    const pushed = await a.sync.handlers.syncNow({});
    const pushSecs = (performance.now() - t) / 1000;
    if (pushed.lastError || pushed.lastRun?.pushed !== N) throw new Error(`push incomplete: ${JSON.stringify(pushed)}`);

    t = performance.now();
    const pulled = await b.sync.handlers.syncNow({});
    const pullSecs = (performance.now() - t) / 1000;
    if (pulled.lastError || pulled.lastRun?.pulled !== N) throw new Error(`pull incomplete: ${JSON.stringify(pulled)}`);

    console.log(`sync client, ${N} releases (10 blocks each) on loopback, full workstation path:`);
    console.log(`  push: ${pushSecs.toFixed(2)} s  → ${(N / pushSecs).toFixed(0)} releases/s`);
    console.log(`  pull: ${pullSecs.toFixed(2)} s  → ${(N / pullSecs).toFixed(0)} releases/s`);
  } finally {
    await a.sync.close();
    await b.sync.close();
    a.store.close();
    b.store.close();
    await hq.close();
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
