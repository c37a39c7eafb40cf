/**
 * Sync throughput side by side with the peer it should beat, in one run on one corpus
 * (bench/corpus): Warta's full path (workstation A's store → outbox → HQ in its own process
 * → workstation B's store) against PouchDB 9 replicating to express-pouchdb in its own process,
 * at PouchDB's default batch size and at 500, and a minimal node:http + better-sqlite3
 * pipeline as the floor of what any such sync costs here. Runs alternate between the sides so that a
 * machine that slows down mid-way slows both; each figure is the median of the runs with
 * its spread, each run on a fresh server and fresh local stores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, IMAGE_BYTES } from './corpus';
import { recordSummary, record } from './lib/report';
import { sized } from './lib/scale';
import { median, summarize } from './lib/stats';
import { runMinimal } from './peer/minimal';
import { runPouchDb } from './peer/pouchdb';
import { runWarta, type SideRun } from './peer/warta';

// WARTA_BENCH_RELEASES overrides the count, to find the largest size a slow peer fits in.
const N = Number(process.env.WARTA_BENCH_RELEASES) || sized({ full: 10_000, quick: 500, tiny: 20 });
// Two full runs, not three: each is about four minutes (seeding included), and the whole
// `npm run bench` must stay under fifteen.
const RUNS = sized({ full: 2, quick: 1, tiny: 1 });
const RATIO_TARGET = 4;

interface Side {
  name: string;
  run: (root: string) => Promise<SideRun>;
  runs: SideRun[];
}

const corpus = buildCorpus(N);
const mb = corpus.bytes / 1e6;
const size = `${N.toLocaleString('en-US')} releases, ${(corpus.averageBodyBytes / 1024).toFixed(1)} KiB of TipTap JSON on average, ${corpus.images.size} with a ${IMAGE_BYTES / 1024} KB photo; ${mb.toFixed(0)} MB in all`;
console.log(`corpus: ${size}`);

const sides: Side[] = [
  { name: 'Warta', run: (root) => runWarta(corpus, root), runs: [] },
  { name: 'PouchDB', run: (root) => runPouchDb(corpus, root, undefined), runs: [] },
  { name: 'PouchDB batch 500', run: (root) => runPouchDb(corpus, root, 500), runs: [] },
  { name: 'minimal pipeline', run: (root) => runMinimal(corpus, root), runs: [] },
];

for (let run = 0; run < RUNS; run++) {
  for (const side of sides) {
    const root = mkdtempSync(join(tmpdir(), 'warta-bench-sync-'));
    try {
      const result = await side.run(root);
      side.runs.push(result);
      console.log(
        `  run ${run + 1}/${RUNS} ${side.name}: push ${(N / result.pushSeconds).toFixed(0)}/s, pull ${(N / result.pullSeconds).toFixed(0)}/s`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

const perSecond = (runs: SideRun[], key: 'pushSeconds' | 'pullSeconds', amount: number) =>
  summarize(runs.map((r) => amount / r[key]));
const [warta, ...others] = sides as [Side, ...Side[]];
const peers = others.filter((side) => side.name.startsWith('PouchDB'));
const best = (key: 'pushSeconds' | 'pullSeconds') =>
  peers
    .map((side) => ({ side, rate: perSecond(side.runs, key, N).median }))
    .reduce((a, b) => (b.rate > a.rate ? b : a));
const bestPush = best('pushSeconds');
const bestPull = best('pullSeconds');

const note = `${size}; loopback, server in its own process`;
for (const side of sides) {
  const isWarta = side === warta;
  recordSummary(
    {
      suite: 'sync',
      name: `push, ${side.name}`,
      unit: 'releases/s',
      note,
      ...(isWarta ? { target: { op: '>=', value: RATIO_TARGET * bestPush.rate } } : {}),
    },
    perSecond(side.runs, 'pushSeconds', N),
  );
  recordSummary(
    {
      suite: 'sync',
      name: `pull, ${side.name}`,
      unit: 'releases/s',
      note,
      ...(isWarta ? { target: { op: '>=', value: RATIO_TARGET * bestPull.rate } } : {}),
    },
    perSecond(side.runs, 'pullSeconds', N),
  );
}
recordSummary(
  { suite: 'sync', name: 'push MB/s, Warta', unit: 'MB/s', note },
  perSecond(warta.runs, 'pushSeconds', mb),
);
recordSummary(
  { suite: 'sync', name: 'pull MB/s, Warta', unit: 'MB/s', note },
  perSecond(warta.runs, 'pullSeconds', mb),
);
for (const side of sides) {
  const server = side === warta ? 'HQ' : `${side.name} server`;
  recordSummary(
    { suite: 'sync', name: `${server} CPU, push`, unit: 's', note },
    summarize(side.runs.map((r) => r.serverCpu.push)),
  );
  recordSummary(
    { suite: 'sync', name: `${server} CPU, pull`, unit: 's', note },
    summarize(side.runs.map((r) => r.serverCpu.pull)),
  );
  recordSummary(
    { suite: 'sync', name: `${server} peak RSS`, unit: 'MiB', note },
    summarize(side.runs.map((r) => r.serverPeakRssMb)),
  );
}
const ratio = (key: 'pushSeconds' | 'pullSeconds', peer: { side: Side; rate: number }) =>
  median(warta.runs.map((r) => N / r[key])) / peer.rate;
record({
  suite: 'sync',
  name: 'push ÷ PouchDB',
  value: ratio('pushSeconds', bestPush),
  unit: '×',
  target: { op: '>=', value: RATIO_TARGET },
  note: `Warta's median ÷ the faster PouchDB configuration (${bestPush.side.name}); ${size}`,
});
record({
  suite: 'sync',
  name: 'pull ÷ PouchDB',
  value: ratio('pullSeconds', bestPull),
  unit: '×',
  target: { op: '>=', value: RATIO_TARGET },
  note: `Warta's median ÷ the faster PouchDB configuration (${bestPull.side.name}); ${size}`,
});
