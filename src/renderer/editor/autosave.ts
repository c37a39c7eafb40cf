import { backoffDelay, type BackoffPolicy } from '../../shared/retry/backoff';

/**
 * Autosave for one release: debounced while typing, with a max wait so a writer who never
 * pauses still gets saved, and serialized so two saves of the same release are never in
 * flight at once. Edits made while a save runs are merged and sent next (the latest value
 * of each field wins); a failed save keeps its edits, merges newer ones on top and retries
 * with backoff. Nothing here touches the DOM, so it is unit-tested in Node.
 */

export type SaveState =
  { kind: 'saved'; at: Date } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; message: string };

export interface AutosaveOptions<P> {
  save: (patch: P) => Promise<void>;
  /** Combines an older and a newer patch; the newer one wins field by field. */
  merge: (older: P, newer: P) => P;
  onState?: (state: SaveState) => void;
  /** State before any change, e.g. saved at the release's last update. */
  initial?: SaveState;
  /** Quiet time after the last change before saving (at most 1 s). */
  debounceMs?: number;
  /** Longest a change waits while typing goes on: 1 s, so even a writer who never pauses has every word stored within about a second. */
  maxWaitMs?: number;
  /** First retry delay after a failure; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  describeError?: (error: unknown) => string;
  now?: () => Date;
}

type Timer = ReturnType<typeof setTimeout>;

export class Autosaver<P> {
  private pending: P | null = null;
  private inFlight: Promise<void> | null = null;
  private debounceTimer: Timer | null = null;
  private maxWaitTimer: Timer | null = null;
  private retryTimer: Timer | null = null;
  private failures = 0;
  private totalFailures = 0;
  private current: SaveState;
  private listeners = new Set<(state: SaveState) => void>();
  private lastError: string | null = null;
  private disposed = false;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  /** Doubling, no jitter: one writer's own saves, nothing to spread out. */
  private readonly retry: BackoffPolicy;

  constructor(private readonly options: AutosaveOptions<P>) {
    this.debounceMs = options.debounceMs ?? 600;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.retry = { baseMs: options.retryMs ?? 2000, maxMs: options.maxRetryMs ?? 10_000, factor: 2, jitter: [1, 1] };
    this.current = options.initial ?? { kind: 'saved', at: new Date() };
    if (options.onState) this.listeners.add(options.onState);
  }

  get state(): SaveState {
    return this.current;
  }

  /** Follows state changes; returns the unsubscribe function. */
  listen(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(state: SaveState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  /** True while something typed is not yet confirmed stored. */
  get hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  change(patch: P): void {
    if (this.disposed) return;
    this.pending = this.pending === null ? patch : this.options.merge(this.pending, patch);
    if (this.lastError === null && this.inFlight === null && this.current.kind !== 'dirty')
      this.emit({ kind: 'dirty' });
    if (this.retryTimer !== null) return; // a retry is already scheduled; it will carry this too
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.run(), this.debounceMs);
    this.maxWaitTimer ??= setTimeout(() => this.run(), this.maxWaitMs);
  }

  /**
   * Saves everything now and resolves once it is stored — or once a save fails (the edits
   * stay pending and a retry is scheduled). Resolves `true` when nothing is left unsaved.
   */
  async flush(): Promise<boolean> {
    const failuresBefore = this.totalFailures;
    while (this.inFlight !== null || this.pending !== null) {
      if (this.totalFailures > failuresBefore) return false;
      if (this.inFlight === null) this.run();
      await this.inFlight;
    }
    return true;
  }

  /** Stops timers; pending edits are kept only if the caller flushed first. */
  dispose(): void {
    this.disposed = true;
    this.clearTimers();
  }

  private clearTimers(): void {
    for (const timer of [this.debounceTimer, this.maxWaitTimer, this.retryTimer])
      if (timer !== null) clearTimeout(timer);
    this.debounceTimer = this.maxWaitTimer = this.retryTimer = null;
  }

  private run(): void {
    this.clearTimers();
    if (this.inFlight !== null || this.pending === null) return;
    const patch = this.pending;
    this.pending = null;
    this.emit({ kind: 'saving' });
    this.inFlight = this.options
      .save(patch)
      .then(
        () => {
          this.failures = 0;
          this.lastError = null;
        },
        (error: unknown) => {
          this.failures += 1;
          this.totalFailures += 1;
          this.lastError = this.options.describeError ? this.options.describeError(error) : String(error);
          // The failed edits are older than anything typed meanwhile.
          this.pending = this.pending === null ? patch : this.options.merge(patch, this.pending);
        },
      )
      .finally(() => {
        this.inFlight = null;
        this.afterSave();
      });
  }

  private afterSave(): void {
    if (this.lastError !== null) {
      this.emit({ kind: 'error', message: this.lastError });
      if (this.disposed) return;
      this.retryTimer = setTimeout(() => this.run(), backoffDelay(this.failures, Math.random, this.retry));
      return;
    }
    if (this.pending !== null) {
      // Typed while the last save ran: send it right away, still serialized.
      if (this.disposed) {
        this.emit({ kind: 'dirty' });
        return;
      }
      this.run();
      return;
    }
    this.emit({ kind: 'saved', at: this.options.now ? this.options.now() : new Date() });
  }
}
