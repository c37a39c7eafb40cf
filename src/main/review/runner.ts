import type { Db } from '../store';
import type { SyncService } from '../sync';
import { countReviewOutbox } from './tables/outbox';

export interface ReviewSyncOptions {
  db: Db;
  sync: SyncService;
}

export interface ReviewSyncOutcome {
  /** Review changes still waiting for HQ. */
  waiting: number;
}

/**
 * Makes review changes travel soon: a sync run (the engine sends the review outbox through
 * `reviewPushExtension` together with release edits) — and, while a run leaves fewer waiting
 * (changes held back until their release reached HQ), another. One at a time. Nothing to retry
 * here: every run of the engine's own scheduler sends whatever review changes still wait.
 */
export class ReviewSync {
  private running: Promise<ReviewSyncOutcome | null> | null = null;
  private closed = false;

  constructor(private readonly options: ReviewSyncOptions) {}

  private waiting(): number {
    return countReviewOutbox(this.options.db);
  }

  /** Sync now (or join the run in progress). Resolves null when not connected to HQ. */
  run(): Promise<ReviewSyncOutcome | null> {
    if (this.running) return this.running;
    this.running = this.execute().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async execute(): Promise<ReviewSyncOutcome | null> {
    const { sync } = this.options;
    if (!sync.identity() || !sync.hqUrl()) return null;
    let before = this.waiting();
    for (let round = 0; round < 4; round++) {
      const status = await sync.syncNow();
      const after = this.waiting();
      if (!status.online || after === 0 || after >= before) return { waiting: after };
      before = after;
    }
    return { waiting: this.waiting() };
  }

  /** After a local review change: try soon, without making the person wait. */
  kick(): void {
    if (this.closed) return;
    setTimeout(() => void this.run().catch(() => undefined), 50).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.running) await this.running.catch(() => undefined);
  }
}
