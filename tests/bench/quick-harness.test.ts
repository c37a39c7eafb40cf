/**
 * The benchmark harness at tiny scale, so that no benchmark rots between the runs that
 * produce the closing figures: every benchmark still runs to the end against today's code,
 * and every figure the performance targets name is still measured, with its target beside it.
 * The values themselves mean nothing at this size and are not checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Figure } from '../../bench/lib/report';

/** suite → figures that must be recorded with a target (names hold no sizes: notes do). */
const REQUIRED: Record<string, string[]> = {
  sync: ['push ÷ PouchDB', 'pull ÷ PouchDB'],
  offices: ['p99 per batch', 'errors'],
  store: ['autosave p95', 'search p95'],
  editor: ['keystroke to paint p95', 'cold start'],
  public: ['article from render cache', 'index from render cache'],
};

const dir = mkdtempSync(join(tmpdir(), 'warta-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs every benchmark at tiny scale and records every targeted figure', { timeout: 300_000 }, () => {
  const out = join(dir, 'results.json');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--scale', 'tiny', '--out', out], {
    encoding: 'utf8',
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

  const results = JSON.parse(readFileSync(out, 'utf8')) as { scale: string; failed: string[]; figures: Figure[] };
  expect(results.scale).toBe('tiny');
  expect(results.failed).toEqual([]);
  for (const figure of results.figures)
    expect(Number.isFinite(figure.value), `${figure.suite} · ${figure.name}`).toBe(true);
  for (const [suite, names] of Object.entries(REQUIRED)) {
    for (const name of names) {
      const figure = results.figures.find((f) => f.suite === suite && f.name === name);
      expect(figure, `${suite} · ${name} was not recorded`).toBeDefined();
      expect(figure!.target, `${suite} · ${name} has no target`).toBeDefined();
    }
  }
  expect(run.stdout).toContain('target');
});
