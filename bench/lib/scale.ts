/**
 * How big a benchmark run is. `full` is what the closing figures come from; `quick` is a
 * minute's look while working; `tiny` is what `npm test` runs so that no benchmark rots
 * unnoticed (its figures mean nothing). bench/run.ts sets WARTA_BENCH_SCALE for each child.
 */
export const SCALES = ['full', 'quick', 'tiny'] as const;
export type Scale = (typeof SCALES)[number];

function scale(): Scale {
  const raw = process.env.WARTA_BENCH_SCALE ?? 'full';
  if (!(SCALES as readonly string[]).includes(raw))
    throw new Error(`WARTA_BENCH_SCALE must be one of ${SCALES.join(', ')}, not "${raw}"`);
  return raw as Scale;
}

/** The size for this run's scale: `sized({ full: 10_000, quick: 1_000, tiny: 20 })`. */
export function sized<T>(sizes: Record<Scale, T>): T {
  return sizes[scale()];
}
