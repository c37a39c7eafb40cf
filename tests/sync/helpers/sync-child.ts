/**
 * A workstation in its own process, for the fault suite's SIGKILL rounds: it writes a few
 * releases, then syncs in a loop (small batches, so a sync spans several requests) until the
 * parent kills it mid-sync. Every release it writes is reported on stdout as a `write <json>`
 * line before `sync-start`, so the parent's ledger holds them all when it kills the child.
 * Usage: tsx sync-child.ts <dataDir> <seed> <creates>
 */
import { join } from 'node:path';
import { createFileSecretStore } from '../../../src/main/services/secrets';
import { createReleaseHandlers } from '../../../src/main/services/releases';
import { silentLogger } from '../../../src/node/log/silent';
import { openStore } from '../../../src/main/store';
import { createSyncHandlers } from '../../../src/main/sync';
import { toWire } from '../../../src/main/sync/local-releases';
import { seededRandom } from '../../../src/shared/random/seeded';

const [dataDir, seedArg, createsArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: sync-child.ts <dataDir> <seed> <creates>');
const seed = Number(seedArg ?? '1');
const random = seededRandom(seed);
const store = openStore({ dataDir, log: silentLogger });
const sync = createSyncHandlers({
  db: store.db,
  dataDir,
  secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
  random,
  batchSize: 3,
  pullLimit: 5,
  requestTimeoutMs: 5_000,
});
const releases = createReleaseHandlers(store);

async function main(): Promise<void> {
  const creates = Number(createsArg ?? '5');
  for (let i = 0; i < creates; i++) {
    const n = Math.floor(random() * 1e9);
    const created = await releases.createRelease({
      fields: {
        title: `Rilis anak ${seed}-${i}-${n}`,
        body: {
          type: 'doc',
          content: [0, 1, 2].map((p) => ({
            type: 'paragraph',
            attrs: { id: `k${seed}-${i}-${p}` },
            content: [{ type: 'text', text: `Teks ${p} dari proses anak ${seed}.` }],
          })),
        },
      },
    });
    const written = { releaseId: created.id, fields: toWire(await releases.getRelease({ id: created.id })) };
    process.stdout.write(`write ${JSON.stringify(written)}\n`);
  }
  process.stdout.write('sync-start\n');
  for (;;) {
    const status = await sync.handlers.syncNow({});
    process.stdout.write(`synced ${status.lastError ? 'error' : 'ok'} pending=${status.pending}\n`);
  }
}

void main();
