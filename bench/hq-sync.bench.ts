/**
 * HQ push and pull throughput on loopback: 1,000 releases (realistic bodies: 8 paragraphs,
 * a heading and a quote) pushed in batches of 100 by one device, then pulled by another
 * device of the office in pages of 200. Real HQ (Fastify + SQLite WAL) in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { enrollPerson } from '../src/server/admin';
import { createHqServer } from '../src/server/app';
import { sampleBody } from './corpus';
import type { EnrollResponse, PullResponse, PushResponse, WireFields } from '../src/shared/sync/protocol';

const N = Number(process.env.WARTA_BENCH_RELEASES ?? 1000);
const BATCH = 100;
const PAGE = 200;

function release(i: number): WireFields {
  return {
    title: `Rapat Pleno Terbuka Rekapitulasi ${i}`,
    slug: `rapat-pleno-${i}`,
    dateline: 'Blora',
    date: '2025-12-04',
    category: 'berita-terkini',
    tags: ['pemilu', 'rekapitulasi'],
    summary: 'KPU Kabupaten Blora menggelar rapat pleno terbuka.',
    byline: 'Humas KPU Blora',
    office: 'KPU Kabupaten Blora',
    leadImage: null,
    body: sampleBody(i),
    number: '',
    contact: { name: '', role: '', phone: '' },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warta-bench-hq-'));
  const hq = await createHqServer({ dataDir, publicSite: false });
  const url = await hq.listen(0);
  try {
    const enroll = async (name: string): Promise<EnrollResponse> => {
      const { code } = await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name, role: 'penulis' });
      const res = await fetch(new URL('/api/v1/enroll', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: name }),
      });
      return (await res.json()) as EnrollResponse;
    };
    const writer = await enroll('writer');
    const reader = await enroll('reader');
    const releases = Array.from({ length: N }, (_, i) => ({ id: uuidv7(), fields: release(i) }));
    const bytes = JSON.stringify(releases).length;

    let seq = 1;
    const t0 = performance.now();
    for (let i = 0; i < N; i += BATCH) {
      const entries = releases
        .slice(i, i + BATCH)
        .map((r) => ({ seq: seq++, kind: 'release.upsert', releaseId: r.id, baseRevision: 0, fields: r.fields }));
      const res = await fetch(new URL('/api/v1/sync/push', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${writer.token}` },
        body: JSON.stringify({ deviceId: writer.deviceId, entries }),
      });
      const body = (await res.json()) as PushResponse;
      if (res.status !== 200 || body.results.some((r) => r.status !== 'accepted'))
        throw new Error(`push failed: ${res.status}`);
    }
    const pushMs = performance.now() - t0;

    const t1 = performance.now();
    let cursor = 0;
    let pulled = 0;
    for (;;) {
      const res = await fetch(new URL(`/api/v1/sync/pull?cursor=${cursor}&limit=${PAGE}`, url), {
        headers: { authorization: `Bearer ${reader.token}` },
      });
      const page = (await res.json()) as PullResponse;
      pulled += page.changes.length;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - t1;
    if (pulled !== N) throw new Error(`pulled ${pulled}, expected ${N}`);

    console.log(
      `releases: ${N} (${(bytes / N / 1024).toFixed(1)} KiB JSON each), push batches of ${BATCH}, pull pages of ${PAGE}`,
    );
    console.log(`push: ${(N / (pushMs / 1000)).toFixed(0)} releases/s (${pushMs.toFixed(0)} ms total)`);
    console.log(`pull: ${(N / (pullMs / 1000)).toFixed(0)} releases/s (${pullMs.toFixed(0)} ms total)`);
  } finally {
    await hq.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
