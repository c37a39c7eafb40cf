/**
 * `npm run bench [-- [--quick | --scale full|quick|tiny] [--out FILE] [name filter…]]`
 *
 * Runs every bench/*.bench.ts in turn, each in its own process (so one benchmark's heap and
 * open files don't skew the next), then prints every recorded figure beside its target and
 * writes them to bench/results.json (or --out). `--quick` takes about a minute; `npm test`
 * runs `--scale tiny` so that no benchmark rots. Exits 1 when a benchmark fails; a missed
 * target is a finding to report, not a failure.
 */
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Figure } from './lib/report';
import { SCALES, type Scale } from './lib/scale';
import { renderTable } from './lib/table';

const here = dirname(fileURLToPath(import.meta.url));

function options(): { scale: Scale; out: string; filters: string[] } {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { quick: { type: 'boolean' }, scale: { type: 'string' }, out: { type: 'string' } },
    });
    const scale = values.scale ?? (values.quick ? 'quick' : 'full');
    if (!(SCALES as readonly string[]).includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
    if (values.quick && values.scale && values.scale !== 'quick') throw new Error('--quick and --scale disagree');
    return { scale: scale as Scale, out: resolve(values.out ?? join(here, 'results.json')), filters: positionals };
  } catch (error) {
    console.error(`npm run bench: ${(error as Error).message}`);
    process.exit(2);
  }
}

const { scale, out, filters } = options();
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filters.length || filters.some((x) => f.includes(x))))
  .sort();
if (!files.length) {
  console.error(`npm run bench: no bench/*.bench.ts matches ${filters.map((f) => `"${f}"`).join(' ')}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'warta-bench-'));
const figuresFile = join(work, 'figures.jsonl');
const failed: string[] = [];
const began = Date.now();
for (const file of files) {
  console.log(`\n=== ${file} (${scale}) ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
    env: { ...process.env, WARTA_BENCH_SCALE: scale, WARTA_BENCH_OUT: figuresFile },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failed.push(file);
  console.log(
    `--- ${file} ${result.status === 0 ? 'done' : `FAILED (exit ${result.status ?? result.signal})`} in ${secs} s`,
  );
}

const figures: Figure[] = existsSync(figuresFile)
  ? readFileSync(figuresFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Figure)
  : [];
rmSync(work, { recursive: true, force: true });

console.log(`\n${renderTable(figures)}`);
writeFileSync(
  out,
  `${JSON.stringify(
    {
      scale,
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
      seconds: Math.round((Date.now() - began) / 1000),
      failed,
      figures,
    },
    null,
    2,
  )}\n`,
);
console.log(`\n${figures.length} figures → ${out} (${Math.round((Date.now() - began) / 1000)} s)`);
if (failed.length) {
  console.log(`${failed.length} benchmark(s) failed: ${failed.join(', ')}`);
  process.exit(1);
}
