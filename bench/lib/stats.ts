/** Order statistics for benchmark samples (nearest-rank, so a figure is a value that was seen). */

export function quantile(samples: readonly number[], p: number): number {
  if (!samples.length) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** The median of several runs, with the smallest and largest beside it. */
export function summarize(samples: readonly number[]): Summary {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}
