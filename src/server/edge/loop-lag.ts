import { monitorEventLoopDelay } from 'node:perf_hooks';

/** One second of event-loop delay samples: their mean (ms) and how many there were. */
export interface LagSlot {
  meanMs: number;
  count: number;
}

/**
 * The event loop's mean delay over the last few seconds. A burst (hundreds of offices
 * syncing in the same instant) holds the loop for one long turn and then clears; an overload
 * keeps every turn long. Over one second the two look alike, over several they don't, so only
 * the second sheds requests.
 */
export class LagWindow {
  private readonly slots: LagSlot[] = [];
  constructor(private readonly size: number) {}

  add(slot: LagSlot): void {
    this.slots.push(slot);
    if (this.slots.length > this.size) this.slots.shift();
  }

  /**
   * Mean delay of every sample in the window (a turn blocked longer than the window counts
   * whole); 0 until the window is full, so one stall just after start (loading code, a first
   * large request) is not judged alone.
   */
  meanMs(): number {
    if (this.slots.length < this.size) return 0;
    let sum = 0;
    let count = 0;
    for (const s of this.slots) {
      if (!s.count) continue;
      sum += s.meanMs * s.count;
      count += s.count;
    }
    return count ? sum / count : 0;
  }
}

const RESOLUTION_MS = 10;

/** Samples the loop once a second into a window of `seconds`; `stop()` ends it. */
export function watchLoopLag(seconds: number): { meanMs(): number; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const window = new LagWindow(seconds);
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    // No sample at all means one turn held the loop the whole time: that turn is the delay.
    const count = histogram.count;
    window.add(
      count ? { meanMs: Math.max(0, histogram.mean / 1e6 - RESOLUTION_MS), count } : { meanMs: now - last, count: 1 },
    );
    histogram.reset();
    last = now;
  }, 1000);
  timer.unref();
  return {
    meanMs: () => window.meanMs(),
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
