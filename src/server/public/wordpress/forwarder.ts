import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { backoffDelay, type BackoffPolicy } from '../../../shared/retry/backoff';
import { longDateTime } from '../format/dates';
import { articlePath } from '../pages/article-page';
import { esc } from '../pages/html';
import type { SqlitePublicationStore, WpQueueRow } from '../store';
import type { Publication } from '../types';

/**
 * Optional: forward published releases to an office's own WordPress site through its REST API
 * (`/wp-json/wp/v2/posts`) with an Application Password. Configured per office in
 * `<dataDir>/wordpress.json` (keep it 0600: it holds the passwords):
 *   { "offices": [ { "office": "kpu-kabupaten-blora", "url": "https://kab-blora.kpu.go.id",
 *                    "username": "warta", "applicationPassword": "abcd efgh …" } ] }
 * Every publish/correct/withdraw queues the release (in the same transaction, so nothing is
 * lost on a crash); a worker sends the latest version: a new post, an update of the same post,
 * or back to draft when withdrawn. Failures retry with exponential backoff (30 s … 6 h).
 */
const WordPressConfigSchema = z.strictObject({
  offices: z.array(
    z.strictObject({
      /** Office slug as on the public site, e.g. "kpu-kabupaten-blora". */
      office: z.string().regex(/^[a-z0-9-]{1,100}$/),
      /** https; plain http only to a loopback address. */
      url: z
        .string()
        .url()
        .refine(
          (u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u),
          'WordPress URL must be https',
        ),
      username: z.string().min(1).max(200),
      applicationPassword: z.string().min(1).max(200),
    }),
  ),
});
export type WordPressConfig = z.infer<typeof WordPressConfigSchema>;

/** Reads `wordpress.json`; a malformed file stops HQ with a message naming the file and the field. */
export function readWordPressConfig(file: string): WordPressConfig | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = WordPressConfigSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${file} is not a valid WordPress forwarding config:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface ForwarderOptions {
  /** Public origin: links back and absolute image URLs in the forwarded post. */
  baseUrl: string;
  now?: () => Date;
  intervalMs?: number;
  log?: (msg: string, detail?: Record<string, unknown>) => void;
}

/** 30 s, 1 min, 2 min … at most 6 h, each ±25 % so a site that was down is not hit all at once. */
const RETRY: BackoffPolicy = { baseMs: 30_000, maxMs: 6 * 3600_000, factor: 2, jitter: [0.75, 1.25] };
const wpDate = (iso: string): string => new Date(iso).toISOString().slice(0, 19);

export class WordPressForwarder {
  private readonly offices: Map<string, WordPressConfig['offices'][number]>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly store: SqlitePublicationStore,
    config: WordPressConfig,
    private readonly opts: ForwarderOptions,
  ) {
    this.offices = new Map(config.offices.map((o) => [o.office, o]));
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  /** Publisher hook: queue the release if its office forwards. Runs inside the publish transaction. */
  enqueue(pub: Publication): void {
    if (!this.offices.has(pub.officeSlug)) return;
    this.store.wpEnqueue(pub.id, pub.officeSlug, pub.version, this.now().toISOString());
  }

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => {
      this.runOnce().catch((err: unknown) => this.opts.log?.('wordpress forwarder run failed', { error: String(err) }));
    }, this.opts.intervalMs ?? 5000);
    this.timer.unref();
  }

  /** No new sends; a request in flight finishes but its result is not written (HQ is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Sends what is due; returns how many were sent successfully. One run at a time. */
  runOnce(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    let ok = 0;
    if (this.stopped) return 0;
    for (const row of this.store.wpDue(this.now().toISOString(), 20)) {
      if (this.stopped) break;
      try {
        await this.send(row);
        ok += 1;
      } catch (err) {
        if (this.stopped) break; // the database may be closing: the row stays queued
        const delay = backoffDelay(row.attempts + 1, Math.random, RETRY);
        const message = err instanceof Error ? err.message : String(err);
        this.store.wpFailed(row.releaseId, row.version, new Date(this.now().getTime() + delay).toISOString(), message);
        this.opts.log?.('wordpress forward failed', {
          releaseId: row.releaseId,
          office: row.officeSlug,
          attempts: row.attempts + 1,
          error: message,
        });
      }
    }
    return ok;
  }

  private async send(row: WpQueueRow): Promise<void> {
    const office = this.offices.get(row.officeSlug);
    const pub = this.store.get(row.releaseId);
    if (!office || !pub) return this.store.wpDone(row.releaseId, row.version, row.officeSlug, null);
    const existing = this.store.wpPostId(pub.id, row.officeSlug);
    let body: Record<string, unknown>;
    if (pub.state === 'ditarik') {
      if (existing === null) return this.store.wpDone(row.releaseId, row.version, row.officeSlug, null);
      body = { status: 'draft' };
    } else {
      body = {
        title: pub.title,
        content: this.content(pub),
        excerpt: pub.summary,
        slug: pub.slug,
        status: Date.parse(pub.visibleFrom) > this.now().getTime() ? 'future' : 'publish',
        date_gmt: wpDate(pub.visibleFrom),
      };
    }
    const endpoint = `${office.url.replace(/\/+$/, '')}/wp-json/wp/v2/posts${existing !== null ? `/${existing}` : ''}`;
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${office.username}:${office.applicationPassword}`).toString('base64')}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (this.stopped) throw new Error('stopping');
    if (!res.ok) throw new Error(`WordPress answered ${res.status}: ${text.slice(0, 200)}`);
    const id = z.object({ id: z.number().int().positive() }).safeParse(JSON.parse(text));
    if (!id.success) throw new Error('WordPress answer has no post id');
    this.store.wpDone(row.releaseId, row.version, row.officeSlug, id.data.id);
  }

  /** The gate's HTML with absolute image URLs, the corrections, and a link to the original. */
  private content(pub: Publication): string {
    const base = this.opts.baseUrl.replace(/\/+$/, '');
    const html = pub.bodyHtml.replace(
      /(src|srcset)="(\/media\/[^"]*)"/g,
      (_m, attr: string, v: string) => `${attr}="${v.replace(/\/media\//g, `${base}/media/`)}"`,
    );
    const notes = pub.corrections
      .map((c) => `<p><em>Dikoreksi pada ${esc(longDateTime(c.at, pub.timeZone))}: ${esc(c.note)}</em></p>`)
      .join('');
    const link = `<p>Sumber: <a href="${esc(base + articlePath(pub.slug))}">${esc(pub.office)}</a></p>`;
    return notes + html + link;
  }
}
