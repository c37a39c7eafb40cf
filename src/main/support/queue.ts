import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../../node/fs/atomic-write';
import { ensurePrivateDir } from '../../node/fs/private-dir';
import type { Logger } from '../../node/log/logger';
import { silentLogger } from '../../node/log/silent';
import { WartaError } from '../../shared/contract/define';
import { LogBundleSchema, MAX_LOG_BUNDLE_BYTES, SUPPORT_PATHS, type LogBundle } from '../../shared/sync/protocol';
import { collectLogs } from './bundle';

export interface SupportOptions {
  /** Where the app's daily log files are (`<dataDir>/logs`). */
  logDir: string;
  /** Bundles waiting for the next sync (`<dataDir>/support-outbox`). */
  outboxDir: string;
  hq(): { url: string; token: string } | null;
  log?: Logger;
  fetch?: typeof fetch;
  now?: () => Date;
}

const BUNDLE_FILE = /^[0-9a-f-]{36}\.json$/;

/**
 * "Kirim log ke HQ": a bundle of the last days' logs (cleaned of release text and secrets) is
 * queued as a file and sent after the next successful sync, so it works the same from an
 * office that is offline when the button is pressed.
 */
export class SupportLogs {
  private flushing: Promise<void> | null = null;
  private readonly log: Logger;

  constructor(private readonly o: SupportOptions) {
    this.log = o.log ?? silentLogger;
  }

  /** Bundles and queues; returns the bundle's size. */
  queue(days: number): { bytes: number; lines: number } {
    const now = this.o.now?.() ?? new Date();
    const lines = collectLogs(this.o.logDir, days, now);
    if (lines.length === 0) throw new WartaError('not_found', 'support.nothingToSend', { days });
    // The newest lines are the useful ones when the cap bites.
    let text = lines.join('\n');
    while (Buffer.byteLength(text) > MAX_LOG_BUNDLE_BYTES) {
      const cut = text.indexOf('\n', text.length / 4);
      text = cut < 0 ? text.slice(-MAX_LOG_BUNDLE_BYTES / 4) : text.slice(cut + 1);
    }
    const bundle: LogBundle = { bundleId: randomUUID(), createdAt: now.toISOString(), days, text };
    ensurePrivateDir(this.o.outboxDir);
    writeFileAtomicSync(join(this.o.outboxDir, `${bundle.bundleId}.json`), JSON.stringify(bundle), { mode: 0o600 });
    return { bytes: Buffer.byteLength(text), lines: text.split('\n').length };
  }

  /** After a successful sync: sends what is queued (joins a send in progress). */
  afterSync(): Promise<void> {
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Waits for a send in progress (the app is closing). */
  async close(): Promise<void> {
    await this.flushing?.catch(() => undefined);
  }

  private async flush(): Promise<void> {
    const hq = this.o.hq();
    if (!hq) return;
    let names: string[];
    try {
      names = readdirSync(this.o.outboxDir).filter((f) => BUNDLE_FILE.test(f));
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(this.o.outboxDir, name);
      const bundle = LogBundleSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!bundle.success) {
        rmSync(path, { force: true });
        continue;
      }
      try {
        const res = await (this.o.fetch ?? fetch)(new URL(SUPPORT_PATHS.logs, hq.url), {
          method: 'POST',
          headers: { authorization: `Bearer ${hq.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(bundle.data),
        });
        if (res.ok) rmSync(path, { force: true });
        else this.log.warn({ status: res.status }, 'HQ did not take the log bundle');
      } catch (error) {
        this.log.warn({ err: error }, 'sending the log bundle failed; retried after the next sync');
        return;
      }
    }
  }
}
