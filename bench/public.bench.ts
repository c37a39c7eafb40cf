/**
 * The public site as HQ serves it (HQ in its own process, autocannon in another, 10
 * connections on loopback): an article and the index, each
 *   - uncached:     HQ started with --no-render-cache, so every answer renders afresh;
 *   - render cache: the cache on, unconditional GET → 200 from memory;
 *   - conditional:  If-None-Match with the current ETag → 304 (what a CDN/browser revalidation costs);
 * plus the rendering gate alone (TipTap JSON → HTML → sanitize), the cost paid once per
 * publish or correction. Releases are published through the publisher HQ itself uses.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openStorage } from '../src/server/app';
import { directoryAttachmentSource, openPublicSite, RenderGate } from '../src/server/public';
import { edgeLimits } from '../src/server/edge/options';
import { startHqProcess, type HqProcess } from './lib/hq-process';
import { officeBody } from './lib/office-body';
import { record } from './lib/report';
import { sized } from './lib/scale';

const SECONDS = sized({ full: 8, quick: 2, tiny: 1 });
const RELEASES = sized({ full: 200, quick: 100, tiny: 20 });
const CONNECTIONS = 10;
const UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Cannon {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  '2xx': number;
  errors: number;
}

/** autocannon's CLI in its own process, so its work does not share HQ's or this process's event loop. */
function cannon(url: string, headers: Record<string, string>): Promise<Cannon> {
  // HQ ends a connection after maxRequestsPerSocket answers (Connection: close, then 503s on
  // that socket, as Node does); browsers and CDNs reconnect, autocannon only when told to.
  const reconnect = String(edgeLimits().maxRequestsPerSocket);
  const args = [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(SECONDS), '-D', reconnect, '-j', '-n'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      resolve(JSON.parse(out) as Cannon);
    });
  });
}

function publishAll(dataDir: string): void {
  const storage = openStorage(dataDir);
  const site = openPublicSite({
    dataDir,
    db: storage.db,
    attachments: directoryAttachmentSource(join(dataDir, 'attachments')),
    forwardToWordPress: false,
  });
  try {
    for (let i = 0; i < RELEASES; i += 1) {
      site.publisher.publish(
        {
          id: uuidv7(),
          title: `Rapat Pleno Rekapitulasi Nomor ${i}`,
          date: '2025-12-04',
          dateline: 'Blora',
          category: i % 3 ? 'berita-terkini' : 'pengumuman',
          office: i % 2 ? 'KPU Kabupaten Blora' : 'KPU Kota Semarang',
          tags: ['dpt', 'pleno'],
          summary: 'Ringkasan rilis.',
          byline: 'Humas',
          body: officeBody(i + 1),
        },
        { at: new Date(Date.parse('2025-12-01T00:00:00Z') + i * 60_000).toISOString() },
      );
    }
  } finally {
    site.close();
    storage.close();
  }
}

async function measure(hq: HqProcess, cached: boolean): Promise<void> {
  const pages = {
    article: `${hq.url}/berita/rapat-pleno-rekapitulasi-nomor-${Math.floor(RELEASES / 2)}`,
    index: `${hq.url}/berita`,
  };
  for (const [page, url] of Object.entries(pages)) {
    const first = await fetch(url, { headers: { 'user-agent': UA } });
    await first.text();
    if (first.status !== 200) throw new Error(`${url}: ${first.status} before the load began`);
    const etag = first.headers.get('etag') ?? '';
    const cases: [string, Record<string, string>, number][] = cached
      ? [
          [`${page} from render cache`, { 'user-agent': UA }, 200],
          [`${page} revalidated (304)`, { 'user-agent': UA, 'if-none-match': etag }, 304],
        ]
      : [[`${page} uncached`, { 'user-agent': UA }, 200]];
    for (const [name, headers, status] of cases) {
      const cpu0 = hq.cpuSeconds();
      const r = await cannon(url, headers);
      const cpuMs = (hq.cpuSeconds() - cpu0) * 1000;
      const answered = status === 200 ? r['2xx'] : r.non2xx;
      // Counted, not thrown: a 503 from HQ's overload guard on a busy machine is a finding.
      const wrong = r.errors + (status === 200 ? r.non2xx : r['2xx']);
      const note = `${CONNECTIONS} connections, ${SECONDS} s; p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${wrong ? `; ${wrong} answers not ${status}` : ''}`;
      const target = name.endsWith('from render cache') ? { target: { op: '>=' as const, value: 5000 } } : {};
      // Only the answers a reader would get count: a refusal is fast and must not pass for throughput.
      record({ suite: 'public', name, value: answered / SECONDS, unit: 'req/s', ...target, note });
      record({
        suite: 'public',
        name: `${name}, HQ CPU per request`,
        value: cpuMs / answered,
        unit: 'ms',
        note: 'HQ CPU time ÷ requests answered: what bounds req/s on one core',
      });
    }
  }
}

async function main(): Promise<void> {
  const gate = new RenderGate();
  const doc = officeBody(1);
  const gateStart = performance.now();
  let rendered = 0;
  while (performance.now() - gateStart < (SECONDS * 1000) / 2) {
    gate.render(doc);
    rendered += 1;
  }
  record({
    suite: 'public',
    name: 'rendering gate',
    value: rendered / ((performance.now() - gateStart) / 1000),
    unit: 'bodies/s',
    note: `${(JSON.stringify(doc).length / 1024).toFixed(1)} KiB TipTap JSON; paid once per publish or correction`,
  });

  const dataDir = mkdtempSync(join(tmpdir(), 'warta-bench-public-'));
  try {
    publishAll(dataDir);
    for (const cached of [false, true]) {
      const hq = await startHqProcess(dataDir, cached ? [] : ['--no-render-cache']);
      try {
        await measure(hq, cached);
      } finally {
        await hq.stop();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
