/** A source of numbers in [0, 1). Injected so tests can seed it and replay a schedule exactly. */
export type Random = () => number;

/**
 * mulberry32: small, fast and good enough for jitter, fault injection and property tests.
 * Not for secrets. The same seed always yields the same sequence, which is what makes a
 * failing seeded round reproducible from its printed seed. Pure (no node:*), so the
 * workstation, HQ and tests all draw from this one generator.
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
