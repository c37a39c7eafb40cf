/**
 * 500 offices syncing at once: every office's one device pushes a batch of a few releases
 * (new ones and an edit of an earlier one, realistic ~7 KB TipTap bodies) and then pulls,
 * all offices starting together, for several rounds. HQ runs in its own process; each office
 * has its own keep-alive connection, as separate machines would. A batch's time is what the
 * person at the office waits on: the push and the pull after it.
 *
 * Devices are enrolled straight into HQ's storage before it starts: enrolling 500 over HTTP
 * would only measure the enrollment rate limit.
 */
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { enrollPerson } from '../src/server/admin';
import { openStorage } from '../src/server/app';
import { hashToken, newDeviceToken } from '../src/server/secrets';
import { PATHS, type PullResponse, type PushResponse, type WireFields } from '../src/shared/sync/protocol';
import { officeBody } from './lib/office-body';
import { startHqProcess } from './lib/hq-process';
import { record } from './lib/report';
import { sized } from './lib/scale';
import { quantile } from './lib/stats';

const OFFICES = sized({ full: 500, quick: 100, tiny: 10 });
const ROUNDS = sized({ full: 6, quick: 3, tiny: 2 });
/**
 * Each round every office syncs once, each at its own moment within this window: 500 offices
 * within a few seconds is far denser than their five-minute sync interval ever makes it.
 */
const WINDOW_MS = sized({ full: 5_000, quick: 2_000, tiny: 500 });
/** New releases per batch; from the second round one more entry edits an earlier release. */
const NEW_PER_BATCH = 3;
const PULL_LIMIT = 100;

interface Office {
  name: string;
  deviceId: string;
  token: string;
  agent: Agent;
  seq: number;
  cursor: number;
  /** Its releases and their HQ revision, for edits. */
  releases: { id: string; revision: number; fields: WireFields }[];
}

function fieldsFor(office: string, n: number, seed: number): WireFields {
  return {
    title: `Rapat Pleno Rekapitulasi ${n} ${office}`,
    slug: '',
    dateline: 'Blora',
    date: '2025-12-04',
    category: 'berita-terkini',
    tags: ['pemilu', 'rekapitulasi'],
    summary: 'KPU menggelar rapat pleno terbuka rekapitulasi hasil penghitungan suara.',
    byline: 'Humas',
    office,
    leadImage: null,
    body: officeBody(seed),
    number: '',
    contact: { name: '', role: '', phone: '' },
  };
}

async function enrollOffices(dataDir: string): Promise<Office[]> {
  const storage = openStorage(dataDir);
  try {
    const offices: Office[] = [];
    for (let i = 0; i < OFFICES; i += 1) {
      const name = `KPU Kantor Uji ${i + 1}`;
      const { person } = await enrollPerson(storage, { office: name, name: `Humas ${i + 1}`, role: 'penulis' });
      const token = newDeviceToken();
      const deviceId = uuidv7();
      storage.insertDevice({
        id: deviceId,
        personId: person.id,
        name: `pc-${i + 1}`,
        tokenHash: hashToken(token),
        createdAt: new Date().toISOString(),
        revokedAt: null,
        lastSeq: 0,
      });
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      offices.push({ name, deviceId, token, agent, seq: 1, cursor: 0, releases: [] });
    }
    return offices;
  } finally {
    storage.close();
  }
}

interface Answer {
  status: number;
  body: string;
}

/**
 * A keep-alive socket HQ closed just as the request went out fails at once; like a browser,
 * the request is sent again once on a fresh socket (HQ has not seen it).
 */
async function call(base: URL, office: Office, method: string, path: string, body?: string): Promise<Answer> {
  try {
    return await send(base, office, method, path, body);
  } catch (err) {
    if ((err as { reusedSocket?: boolean }).reusedSocket) return send(base, office, method, path, body);
    throw err;
  }
}

function send(base: URL, office: Office, method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method,
        agent: office.agent,
        headers: {
          authorization: `Bearer ${office.token}`,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && (err.code === 'ECONNRESET' || err.message === 'socket hang up');
      reject(Object.assign(err, { reusedSocket: stale }));
    });
    req.end(body);
  });
}

/** The batch an office pushes this round, serialised before the clock starts. */
function nextBatch(office: Office, round: number): { body: string; firstSeq: number; releases: Office['releases'] } {
  const firstSeq = office.seq;
  const releases: Office['releases'] = [];
  const entries: object[] = [];
  for (let k = 0; k < NEW_PER_BATCH; k += 1) {
    const id = uuidv7();
    const fields = fieldsFor(office.name, round * NEW_PER_BATCH + k, round * 7919 + k * 31 + office.seq);
    releases.push({ id, revision: 0, fields });
    entries.push({ seq: office.seq++, kind: 'release.upsert', releaseId: id, baseRevision: 0, fields });
  }
  const edited = office.releases[round % Math.max(1, office.releases.length)];
  if (edited) {
    const fields = { ...edited.fields, summary: `${edited.fields.summary} (diperbarui ${round})` };
    releases.push({ ...edited, fields });
    entries.push({
      seq: office.seq++,
      kind: 'release.upsert',
      releaseId: edited.id,
      baseRevision: edited.revision,
      fields,
    });
  }
  return { body: JSON.stringify({ deviceId: office.deviceId, entries }), firstSeq, releases };
}

interface BatchResult {
  ms: number;
  pushMs: number;
  pushed: number;
  errors: string[];
}

async function syncOnce(
  base: URL,
  office: Office,
  batch: ReturnType<typeof nextBatch>,
  delayMs: number,
): Promise<BatchResult> {
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const errors: string[] = [];
  const t0 = performance.now();
  let pushMs = 0;
  try {
    const push = await call(base, office, 'POST', PATHS.push, batch.body);
    pushMs = performance.now() - t0;
    if (push.status !== 200) {
      errors.push(`push ${push.status}: ${push.body.slice(0, 200)}`);
      // As the workstation's outbox does, the next push starts again from the unacknowledged seq.
      office.seq = batch.firstSeq;
    } else {
      const { results } = JSON.parse(push.body) as PushResponse;
      results.forEach((r, i) => {
        const sent = batch.releases[i];
        if (r.status !== 'accepted' || !sent) errors.push(`entry ${r.status}`);
        else {
          const known = office.releases.find((x) => x.id === sent.id);
          if (known) Object.assign(known, { revision: r.revision, fields: sent.fields });
          else office.releases.push({ ...sent, revision: r.revision });
        }
      });
    }
    for (;;) {
      const pull = await call(base, office, 'GET', `${PATHS.pull}?cursor=${office.cursor}&limit=${PULL_LIMIT}`);
      if (pull.status !== 200) {
        errors.push(`pull ${pull.status}: ${pull.body.slice(0, 200)}`);
        break;
      }
      const page = JSON.parse(pull.body) as PullResponse;
      office.cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
  } catch (err) {
    errors.push(`network: ${(err as Error).message}`);
    office.seq = batch.firstSeq;
  }
  return { ms: performance.now() - t0, pushMs, pushed: batch.releases.length, errors };
}

interface RoundStats {
  batchMs: number[];
  pushMs: number[];
  errors: string[];
  releases: number;
  wallMs: number;
  bytes: number;
}

/** One round: every office pushes and pulls once, starting within `windowMs` (0: all together). */
async function round(base: URL, offices: Office[], n: number, windowMs: number, into: RoundStats): Promise<void> {
  const batches = offices.map((o) => nextBatch(o, n));
  into.bytes += batches.reduce((sum, b) => sum + b.body.length, 0);
  const t0 = performance.now();
  const results = await Promise.all(
    offices.map((o, i) => syncOnce(base, o, batches[i]!, windowMs ? (i * windowMs) / offices.length : 0)),
  );
  into.wallMs += performance.now() - t0;
  for (const r of results) {
    into.batchMs.push(r.ms);
    into.pushMs.push(r.pushMs);
    into.releases += r.pushed;
    into.errors.push(...r.errors);
  }
}

const emptyStats = (): RoundStats => ({ batchMs: [], pushMs: [], errors: [], releases: 0, wallMs: 0, bytes: 0 });

function printErrors(errors: readonly string[]): void {
  if (!errors.length) return;
  const kinds = new Map<string, number>();
  for (const e of errors) kinds.set(e, (kinds.get(e) ?? 0) + 1);
  console.log('errors:', [...kinds].slice(0, 10));
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warta-bench-offices-'));
  const offices = await enrollOffices(dataDir);
  const hq = await startHqProcess(dataDir);
  const base = new URL(hq.url);
  try {
    // The offices' order within a window is shuffled once, so no office is always first.
    offices.sort(() => Math.random() - 0.5);
    const cpu0 = hq.cpuSeconds();
    const spread = emptyStats();
    for (let n = 0; n < ROUNDS; n += 1) await round(base, offices, n, WINDOW_MS, spread);
    // Then every office at the same instant: what HQ does with a queue of 500 batches.
    const spreadCpu = hq.cpuSeconds() - cpu0;
    const burst = emptyStats();
    await round(base, offices, ROUNDS, 0, burst);
    const cpu = hq.cpuSeconds();
    const rss = hq.peakRssMb();

    const kib = ((spread.bytes + burst.bytes) / (spread.releases + burst.releases) / 1024).toFixed(1);
    const note = `${OFFICES} offices × ${ROUNDS} rounds, each office once per ${WINDOW_MS / 1000} s window; push of ${NEW_PER_BATCH} new releases (+1 edit from round 2, ${kib} KiB JSON each), then pull`;
    const p = (xs: number[], q: number) => quantile(xs, q);
    const ms = { unit: 'ms', target: { op: '<=' as const, value: 500 }, note };
    record({ suite: 'offices', name: 'p50 per batch', value: p(spread.batchMs, 0.5), ...ms });
    record({ suite: 'offices', name: 'p99 per batch', value: p(spread.batchMs, 0.99), ...ms });
    record({ suite: 'offices', name: 'p99 push', value: p(spread.pushMs, 0.99), unit: 'ms', note: 'the push alone' });
    record({
      suite: 'offices',
      name: 'errors',
      value: spread.errors.length + burst.errors.length,
      unit: 'count',
      target: { op: '<=', value: 0 },
      note: 'non-2xx, rejected entries, network errors (both phases)',
    });
    record({
      suite: 'offices',
      name: 'HQ CPU per batch',
      value: (spreadCpu * 1000) / spread.batchMs.length,
      unit: 'ms',
      note: 'HQ CPU time ÷ batches (push + pull): the service time the latencies queue on',
    });
    const burstNote = `${OFFICES} offices starting at the same instant`;
    record({
      suite: 'offices',
      name: 'p50 per batch, all at one instant',
      value: p(burst.batchMs, 0.5),
      unit: 'ms',
      note: burstNote,
    });
    record({
      suite: 'offices',
      name: 'p99 per batch, all at one instant',
      value: p(burst.batchMs, 0.99),
      unit: 'ms',
      note: burstNote,
    });
    record({
      suite: 'offices',
      name: 'HQ throughput',
      value: burst.releases / (burst.wallMs / 1000),
      unit: 'releases/s',
      note: `releases pushed ÷ time until the last of the ${OFFICES} simultaneous syncs ended (their pulls included)`,
    });
    record({
      suite: 'offices',
      name: 'HQ CPU',
      value: cpu,
      unit: 's',
      note: 'HQ process, user + system, whole run with start-up',
    });
    record({ suite: 'offices', name: 'HQ peak RSS', value: rss, unit: 'MiB' });
    printErrors([...spread.errors, ...burst.errors]);
  } finally {
    for (const o of offices) o.agent.destroy();
    await hq.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
