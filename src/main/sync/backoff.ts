import type { Random } from '../../shared/random/seeded';

export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** Never wait longer than this between attempts. */
  maxMs: number;
  /** Growth per consecutive failure. */
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 10 * 60_000, factor: 2 };

/**
 * Delay before the next attempt after `failures` consecutive failures (1 = the first).
 * "Full jitter": a uniform pick in [cap/2, cap], so hundreds of offices that lost the link
 * at the same moment do not all knock on HQ's door in the same second, while the delay
 * still grows predictably.
 */
export function backoffDelay(failures: number, random: Random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  const exp = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.min(failures - 1, 30));
  const half = exp / 2;
  return Math.round(half + random() * half);
}

/** The first `n` delays of a failure streak: used by the scheduler test to check the whole schedule. */
export function backoffSchedule(n: number, random: Random, policy: BackoffPolicy = DEFAULT_BACKOFF): number[] {
  return Array.from({ length: n }, (_, i) => backoffDelay(i + 1, random, policy));
}
