/**
 * Public site throughput on loopback with autocannon: an article page and the index, each
 *   - uncached:     in-memory render cache off, unconditional GET → full read + template, 200
 *   - render cache: cache on (keyed by content version), unconditional GET, 200
 *   - conditional:  If-None-Match with the current ETag → 304 (what a CDN/browser revalidation costs)
 * plus the rendering gate alone (TipTap JSON → HTML → sanitize) per second, the cost paid once
 * per publish/correct. `BENCH_SECONDS` sets the run length of each case (default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { directoryAttachmentSource, openPublicSite, registerPublicSite, RenderGate } from '../src/server/public';
import type { DocNode } from '../src/shared/domain';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  '2xx': number;
  errors: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const para = (t: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
/** A typical KPU release: ~600 words, sub-headings, a quote, a list, a link. */
function body(i: number): DocNode {
  const sentence =
    'Komisi Pemilihan Umum Kabupaten Blora menggelar rapat pleno terbuka rekapitulasi daftar pemilih tetap yang dihadiri peserta pemilu, Bawaslu dan pemangku kepentingan. ';
  return {
    type: 'doc',
    content: [
      para(sentence.repeat(3)),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Tahapan ${i}` }] },
      para(sentence.repeat(4)),
      {
        type: 'blockquote',
        content: [para('"Kami memastikan setiap warga yang memenuhi syarat tercatat," ujar Ketua KPU.')],
      },
      {
        type: 'bulletList',
        content: ['Pemutakhiran data', 'Pencocokan dan penelitian', 'Penetapan DPT'].map((t) => ({
          type: 'listItem',
          content: [para(t)],
        })),
      },
      para(sentence.repeat(5)),
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Informasi lengkap di ' },
          { type: 'text', text: 'situs KPU', marks: [{ type: 'link', attrs: { href: 'https://kpu.go.id/' } }] },
        ],
      },
      para(sentence.repeat(4)),
    ],
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warta-pub-bench-'));
  const results: { case: string; rps: number; p50: number; p99: number; ok: number; other: number }[] = [];
  try {
    // Gate alone.
    const gate = new RenderGate();
    const doc = body(1);
    const gateStart = process.hrtime.bigint();
    let n = 0;
    while (process.hrtime.bigint() - gateStart < (BigInt(SECONDS) * 1_000_000_000n) / 2n) {
      gate.render(doc);
      n++;
    }
    const gateSecs = Number(process.hrtime.bigint() - gateStart) / 1e9;

    for (const cache of [false, true]) {
      const site = openPublicSite({
        dataDir: join(dir, cache ? 'cached' : 'uncached'),
        attachments: directoryAttachmentSource(join(dir, 'att')),
        renderCache: cache,
      });
      for (let i = 0; i < 200; i++) {
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
            body: body(i),
          },
          { at: new Date(Date.parse('2025-12-01T00:00:00Z') + i * 60_000).toISOString() },
        );
      }
      const app = Fastify({ logger: false });
      await registerPublicSite(app, site);
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const pages = { article: `${base}/berita/rapat-pleno-rekapitulasi-nomor-100`, index: `${base}/berita` };
      for (const [name, url] of Object.entries(pages)) {
        const first = await fetch(url, { headers: { 'user-agent': UA } });
        const etag = first.headers.get('etag') ?? '';
        await first.text();
        const variants: [string, Record<string, string>][] = cache
          ? [
              [`${name}, render cache`, { 'user-agent': UA }],
              [`${name}, conditional (304)`, { 'user-agent': UA, 'if-none-match': etag }],
            ]
          : [[`${name}, uncached`, { 'user-agent': UA }]];
        for (const [label, headers] of variants) {
          const r = await autocannon({ url, connections: 10, duration: SECONDS, headers });
          results.push({
            case: label,
            rps: Math.round(r.requests.average),
            p50: r.latency.p50,
            p99: r.latency.p99,
            ok: r['2xx'],
            other: r.non2xx + r.errors,
          });
        }
      }
      await app.close();
      site.close();
    }

    console.log(`rendering gate: ${Math.round(n / gateSecs)} bodies/s (~600-word release)`);
    console.log('case                               req/s   p50 ms  p99 ms   2xx      non-2xx/errors');
    for (const r of results) {
      console.log(
        `${r.case.padEnd(34)} ${String(r.rps).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.ok).padStart(8)} ${String(r.other).padStart(8)}`,
      );
    }
    console.log(
      `(autocannon, 10 connections, ${SECONDS} s each, 127.0.0.1; "non-2xx" of the conditional cases are the expected 304s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
