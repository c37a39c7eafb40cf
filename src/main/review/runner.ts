import type { Db } from '../store/types';
import type { SecretStore } from '../services/secrets';
import { HqClient } from '../sync/hq-client';
import { SECRET_DEVICE_TOKEN, type SyncService } from '../sync/service';
import { addLog } from '../sync/tables';
import { pushReview, type ReviewPushOutcome } from './sync';

export interface ReviewSyncOptions {
  db: Db;
  sync: SyncService;
  secrets: SecretStore;
  /** Retry while review changes wait (offline, or waiting for their release). Default 60 s. */
  retryMs?: number;
  requestTimeoutMs?: number;
}

/**
 * Runs review sync after the release sync: first the engine's own run (so HQ holds the text
 * transitions refer to), then the review outbox, then — if anything went — one more run to
 * pull what HQ confirmed and what others did. One at a time.
 */
export class ReviewSync {
  private running: Promise<ReviewPushOutcome | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: ReviewSyncOptions) {}

  private waiting(): number {
    return this.options.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM review_outbox').get()!.n;
  }

  /** Sync now (or join the run in progress). Resolves null when not connected to HQ. */
  run(): Promise<ReviewPushOutcome | null> {
    if (this.running) return this.running;
    this.running = this.execute().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  private async execute(): Promise<ReviewPushOutcome | null> {
    const { sync, secrets, db } = this.options;
    const identity = sync.identity();
    const url = sync.hqUrl();
    const token = secrets.get(SECRET_DEVICE_TOKEN);
    if (!identity || !url || !token) return null;
    await sync.syncNow();
    if (this.waiting() === 0) return { sent: 0, waiting: 0 };
    const client = new HqClient({ baseUrl: url, token, timeoutMs: this.options.requestTimeoutMs ?? 30_000 });
    try {
      const out = await pushReview(db, client, identity.deviceId);
      // One transition per release per batch (the next starts from the revision it makes), and
      // accepted transitions queue their audit record: keep going while entries move.
      for (let round = 0; round < 20 && out.waiting > 0; round++) {
        const more = await pushReview(db, client, identity.deviceId);
        if (more.sent === 0) break;
        out.sent += more.sent;
        out.waiting = more.waiting;
      }
      if (out.sent > 0) await sync.syncNow();
      return out;
    } catch (error) {
      addLog(db, 'warn', `Komentar dan perubahan status belum terkirim: ${error instanceof Error ? error.message : String(error)}`);
      return { sent: 0, waiting: this.waiting() };
    }
  }

  /** After a local review change: try soon, without making the person wait. */
  kick(): void {
    if (this.closed) return;
    setTimeout(() => void this.run().catch(() => undefined), 50).unref();
  }

  private schedule(): void {
    if (this.closed || this.timer || this.waiting() === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run().catch(() => undefined);
    }, this.options.retryMs ?? 60_000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running) await this.running.catch(() => undefined);
  }
}
