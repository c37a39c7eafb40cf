/**
 * One measured figure, with its target. A benchmark calls `record()` for every figure the
 * closing table shows; the line is printed at once (a long run shows progress) and appended
 * to the file bench/run.ts names in WARTA_BENCH_OUT, from which it prints the table and
 * writes results.json. Run on its own (`node --import tsx bench/x.bench.ts`), only the line.
 */
import { appendFileSync } from 'node:fs';
import type { Summary } from './stats';

interface Target {
  /** Higher is better (`>=`) or lower is better (`<=`). */
  op: '>=' | '<=';
  value: number;
}

export interface Figure {
  /** The benchmark's group in the table, e.g. "sync", "store", "editor", "public". */
  suite: string;
  /** What was measured, e.g. "push, Warta", "autosave p95 (10,000 words)". */
  name: string;
  value: number;
  unit: string;
  /** Smallest and largest of the runs the value is the median of. */
  spread?: { min: number; max: number; runs: number };
  target?: Target;
  /** Context a reader needs: sizes, batch sizes, what bounds it. */
  note?: string;
}

export const meets = (figure: Figure): boolean | null => {
  if (!figure.target) return null;
  return figure.target.op === '>=' ? figure.value >= figure.target.value : figure.value <= figure.target.value;
};

export const formatNumber = (x: number): string =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);

export function record(figure: Figure): void {
  const target = figure.target ? `  (target ${figure.target.op} ${formatNumber(figure.target.value)})` : '';
  const spread = figure.spread
    ? `  [${formatNumber(figure.spread.min)}–${formatNumber(figure.spread.max)}, ${figure.spread.runs} runs]`
    : '';
  console.log(`  ${figure.suite} · ${figure.name}: ${formatNumber(figure.value)} ${figure.unit}${spread}${target}`);
  const out = process.env.WARTA_BENCH_OUT;
  if (out) appendFileSync(out, `${JSON.stringify(figure)}\n`);
}

/** `record` for the median of several runs. */
export function recordSummary(base: Omit<Figure, 'value' | 'spread'>, summary: Summary): void {
  record({ ...base, value: summary.median, spread: { min: summary.min, max: summary.max, runs: summary.runs } });
}
