import { describe, expect, it } from 'vitest';
import { LagWindow } from '../../src/server/edge/loop-lag';
import { PATHS } from '../../src/shared/sync/protocol';
import { startHq } from '../helpers/hq';

/** Holds this process's event loop, as a handler that never yields would hold HQ's. */
function hold(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

describe('HQ overload relief', () => {
  it('a burst HQ clears in a few seconds is not overload; a loop that stays slow is', () => {
    const window = new LagWindow(5);
    // Just started, one long turn: not judged until the window is full.
    window.add({ meanMs: 5000, count: 1 });
    expect(window.meanMs()).toBe(0);
    // 500 offices at once: one turn of 2.5 s, then the loop is free again.
    window.add({ meanMs: 2500, count: 1 });
    for (let s = 0; s < 4; s += 1) window.add({ meanMs: 0.5, count: 95 });
    expect(window.meanMs()).toBeLessThan(1000);
    // Every turn long for seconds on end.
    for (let s = 0; s < 5; s += 1) window.add({ meanMs: 1500, count: 1 });
    expect(window.meanMs()).toBeGreaterThan(1000);
  });

  it('an HQ whose event loop keeps lagging answers 503 with Retry-After, and serves again once it recovers', async () => {
    const hq = await startHq(undefined, 0, { limits: { maxEventLoopDelayMs: 100 } });
    try {
      expect((await fetch(`${hq.url}${PATHS.health}`)).status).toBe(200);
      // Turns of 400 ms with short breaks, for a few seconds: sustained lag far over 100 ms.
      const until = performance.now() + 9_000;
      while (performance.now() < until) {
        hold(400);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const res = await fetch(`${hq.url}${PATHS.health}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
      expect(await res.json()).toMatchObject({ code: 'unavailable' });
      // A free loop for longer than the window: the average falls and HQ answers again.
      let status = 503;
      const deadline = performance.now() + 20_000;
      while (status === 503 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        status = (await fetch(`${hq.url}${PATHS.health}`)).status;
      }
      expect(status).toBe(200);
    } finally {
      await hq.close();
    }
  });
});
