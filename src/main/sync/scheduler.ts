export interface SchedulerHooks {
  /** A scheduled sync is due. */
  due(): void;
  /** While offline: check HQ; true when probing can stop (HQ answered, or there is nothing to probe). */
  probe(): Promise<boolean>;
}

/**
 * When the next sync happens: soon after start, then at the interval while online, after the
 * backoff delay after a failure, and, while offline, as soon as a cheap health probe answers.
 */
export class SyncScheduler {
  /** When the next attempt is due (ms since the epoch), for the status; null when none is planned. */
  nextAttemptAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private started = false;
  private closed = false;

  constructor(
    private readonly hooks: SchedulerHooks,
    private readonly probeMs: number,
    private readonly now: () => number,
  ) {}

  get running(): boolean {
    return this.started && !this.closed;
  }

  get hasStarted(): boolean {
    return this.started;
  }

  /** First sync soon, then whatever the runs schedule. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.schedule(1_000);
  }

  schedule(delayMs: number): void {
    this.nextAttemptAt = this.now() + delayMs;
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.hooks.due();
    }, delayMs);
    this.timer.unref();
  }

  /** Sync as soon as HQ answers instead of waiting out the backoff. */
  startProbe(): void {
    if (!this.running || this.probeTimer) return;
    const tick = async () => {
      this.probeTimer = null;
      if (this.closed || (await this.hooks.probe())) return;
      this.probeTimer = setTimeout(() => void tick(), this.probeMs);
      this.probeTimer.unref();
    };
    this.probeTimer = setTimeout(() => void tick(), this.probeMs);
    this.probeTimer.unref();
  }

  clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.timer = null;
    this.probeTimer = null;
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
  }
}
