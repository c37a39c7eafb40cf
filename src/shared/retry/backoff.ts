import type { Random } from '../random/seeded';

export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** Never wait longer than this between attempts. */
  maxMs: number;
  /** Growth per consecutive failure. */
  factor: number;
  /**
   * The grown delay is scaled by a uniform pick in [low, high]. Default [0.5, 1]: callers that
   * failed at the same moment spread out, while the delay still grows predictably. [1, 1] for none.
   */
  jitter?: readonly [low: number, high: number];
}

/** For the workstation talking to HQ: 5 s, 10 s, 20 s … never beyond 10 minutes. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 10 * 60_000, factor: 2 };

const DEFAULT_JITTER = [0.5, 1] as const;

/**
 * Whole milliseconds to wait after `failures` consecutive failures (1 = the first; 0 or less
 * means no wait). `random` is only drawn from when the policy has jitter.
 */
export function backoffDelay(failures: number, random: Random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  const grown = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.min(failures - 1, 30));
  const [low, high] = policy.jitter ?? DEFAULT_JITTER;
  if (low === high) return Math.round(grown * low);
  return Math.round(grown * low + random() * (grown * (high - low)));
}

/** The first `n` delays of a failure streak, to check a whole schedule at once. */
export function backoffSchedule(n: number, random: Random, policy: BackoffPolicy = DEFAULT_BACKOFF): number[] {
  return Array.from({ length: n }, (_, i) => backoffDelay(i + 1, random, policy));
}
