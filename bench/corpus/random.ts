/**
 * A seeded generator (mulberry32): the same seed gives the same corpus on every machine and
 * every run, so Warta and its peer move exactly the same bytes and runs can be compared.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Fills `out` with pseudo-random bytes. */
  fill(out: Uint8Array): void;
  /** A version-4-shaped UUID, as the editor's UniqueID extension writes block ids. */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0').slice(-digits);
  const rng: Rng = {
    next: () => u32() / 4294967296,
    int: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    pick: (items) => items[Math.floor(rng.next() * items.length)]!,
    chance: (p) => rng.next() < p,
    fill(out) {
      for (let i = 0; i < out.length; i += 4) {
        const v = u32();
        out[i] = v & 0xff;
        if (i + 1 < out.length) out[i + 1] = (v >>> 8) & 0xff;
        if (i + 2 < out.length) out[i + 2] = (v >>> 16) & 0xff;
        if (i + 3 < out.length) out[i + 3] = v >>> 24;
      }
    },
    uuid() {
      const variant = (8 + (u32() & 3)).toString(16);
      return `${hex(u32(), 8)}-${hex(u32(), 4)}-4${hex(u32(), 3)}-${variant}${hex(u32(), 3)}-${hex(u32(), 8)}${hex(u32(), 4)}`;
    },
  };
  return rng;
}
