import { describe, expect, it } from 'vitest';
import { backoffDelay, backoffSchedule, type BackoffPolicy } from '../../src/shared/retry/backoff';
import { seededRandom } from '../../src/shared/random/seeded';

const never = () => {
  throw new Error('random drawn without jitter');
};

describe('backoffDelay', () => {
  it('does not wait before the first failure', () => {
    expect(backoffDelay(0, never)).toBe(0);
    expect(backoffDelay(-3, never)).toBe(0);
  });

  it('doubles up to the cap and draws no random number without jitter', () => {
    const policy: BackoffPolicy = { baseMs: 2_000, maxMs: 10_000, factor: 2, jitter: [1, 1] };
    expect(backoffSchedule(6, never, policy)).toEqual([2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
    expect(backoffDelay(10_000, never, policy)).toBe(10_000);
  });

  it('scales by a pick inside the jitter range, ends included', () => {
    const policy: BackoffPolicy = { baseMs: 30_000, maxMs: 6 * 3600_000, factor: 2, jitter: [0.75, 1.25] };
    expect(backoffDelay(1, () => 0, policy)).toBe(22_500);
    expect(backoffDelay(1, () => 1, policy)).toBe(37_500);
    expect(backoffDelay(3, () => 0.5, policy)).toBe(120_000);
    const random = seededRandom(7);
    for (let failures = 1; failures <= 20; failures++) {
      const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (failures - 1));
      const delay = backoffDelay(failures, random, policy);
      expect(delay).toBeGreaterThanOrEqual(cap * 0.75);
      expect(delay).toBeLessThanOrEqual(cap * 1.25);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });

  it('defaults to a pick between half and all of the grown delay', () => {
    const policy: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, factor: 3 };
    expect(backoffDelay(2, () => 0, policy)).toBe(1_500);
    expect(backoffDelay(2, () => 0.999999, policy)).toBe(3_000);
  });
});
