import { hostname } from 'node:os';
import { z } from 'zod';
import { WartaError } from '../../shared/contract/define';
import { IdentitySchema, type Identity } from '../../shared/contract/app';
import type { SyncLogEntry, SyncPhase, SyncRunSummary, SyncStatus } from '../../shared/contract/sync';
import type { AnnotationChange } from '../../shared/sync/protocol';
import { createSettings, type Settings } from '../store/settings';
import type { Db } from '../store/types';
import type { SecretStore } from '../services/secrets';
import { createAttachmentAccess, type AttachmentAccess } from './attachments';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from '../../shared/retry/backoff';
import { runSync, type PushExtension, type RunOutcome } from './engine';
import { HqClient, HqError, normaliseHqUrl } from './hq-client';
import { seededRandom, type Random } from '../../shared/random/seeded';
import { META, addLog, ensureSyncSchema, getMeta, pendingPushes, reassertConflictStates, setMeta } from './tables';
import { q } from '../../node/db/statement-cache';
import type { Logger } from '../../node/log/logger';
import { silentLogger } from '../../node/log/silent';

/** Settings keys (the store's `settings` table) and the secret key of the device token. */
export const SETTINGS_IDENTITY = 'identity';
export const SETTINGS_HQ_URL = 'hqUrl';
export const SECRET_DEVICE_TOKEN = 'hq.deviceToken';

export interface SyncServiceOptions {
  db: Db;
  dataDir: string;
  secrets: SecretStore;
  log?: Logger;
  /** Seedable for tests; jitter only. */
  random?: Random;
  backoff?: BackoffPolicy;
  /** Between syncs while online. Default 5 minutes. */
  intervalMs?: number;
  /** Reachability probe while offline. Default 15 s. */
  probeMs?: number;
  /** Start the scheduler at once (the app does; tests drive syncNow themselves). */
  autoStart?: boolean;
  /** Clock for nextAttemptAt; injectable so the backoff test reads exact delays. */
  now?: () => number;
  deviceName?: string;
  requestTimeoutMs?: number;
  pullLimit?: number;
  batchSize?: number;
  attachments?: AttachmentAccess;
  onAnnotation?: (db: Db, change: AnnotationChange) => void;
  /** Other features' push entries (review), sent in the same seq-numbered queue. */
  extensions?: PushExtension[];
}

interface Progress {
  phase: SyncPhase;
  done: number;
  total: number;
}

/**
 * The sync client: enrollment, the scheduler (sync when HQ becomes reachable, every few
 * minutes while online, exponential backoff with jitter after failures) and the status the
 * "Sinkronisasi" progress bar shows. One run at a time; "Sinkronkan" joins a running one.
 */
export class SyncService {
  private readonly db: Db;
  private readonly settings: Settings;
  private readonly log: Logger;
  private readonly random: Random;
  private readonly policy: BackoffPolicy;
  private readonly intervalMs: number;
  private readonly probeMs: number;
  private readonly now: () => number;
  private readonly attachments: AttachmentAccess;
  private running: Promise<SyncStatus> | null = null;
  private progress: Progress = { phase: 'idle', done: 0, total: 0 };
  private failures = 0;
  private online = false;
  private lastError: string | null = null;
  private nextAttemptAt: number | null = null;
  private needsConfirmation: { deletes: number; total: number } | null = null;
  private lastRun: SyncRunSummary | null = null;
  private timer: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private started = false;
  private closed = false;

  constructor(private readonly options: SyncServiceOptions) {
    this.db = options.db;
    ensureSyncSchema(this.db);
    this.settings = createSettings(this.db);
    this.log = options.log ?? silentLogger;
    this.random = options.random ?? seededRandom((Date.now() ^ process.pid) >>> 0);
    this.policy = options.backoff ?? DEFAULT_BACKOFF;
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
    this.probeMs = options.probeMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.attachments = options.attachments ?? createAttachmentAccess(this.db, options.dataDir);
    if (options.autoStart) this.start();
  }

  identity(): Identity | null {
    return this.settings.get(SETTINGS_IDENTITY, IdentitySchema) ?? null;
  }

  hqUrl(): string | null {
    return this.settings.get(SETTINGS_HQ_URL, z.string()) ?? null;
  }

  private token(): string | null {
    return this.options.secrets.get(SECRET_DEVICE_TOKEN);
  }

  private client(): HqClient | null {
    const url = this.hqUrl();
    const token = this.token();
    if (!url || !token) return null;
    return new HqClient({ baseUrl: url, token, timeoutMs: this.options.requestTimeoutMs ?? 30_000 });
  }

  // ------------------------------------------------------------------ enrollment

  async connect(serverUrl: string, code: string): Promise<Identity & { hqUrl: string }> {
    let url: string;
    try {
      url = normaliseHqUrl(serverUrl);
    } catch (error) {
      throw new WartaError('invalid_input', (error as Error).message);
    }
    const client = new HqClient({ baseUrl: url, timeoutMs: this.options.requestTimeoutMs ?? 30_000 });
    let enrolled;
    try {
      enrolled = await client.enroll(code.trim(), this.options.deviceName ?? `Warta di ${hostname()}`);
    } catch (error) {
      throw enrollError(error, url);
    }
    const identity: Identity = {
      name: enrolled.person.name,
      role: enrolled.person.role,
      office: enrolled.person.office,
      deviceId: enrolled.deviceId,
    };
    this.options.secrets.set(SECRET_DEVICE_TOKEN, enrolled.token);
    this.db.transaction(() => {
      this.settings.set(SETTINGS_IDENTITY, identity);
      this.settings.set(SETTINGS_HQ_URL, url);
      // A new device starts its seqs at 1 and reads the change log from the beginning.
      if (getMeta(this.db, META.seqDevice) !== enrolled.deviceId) {
        const rows = pendingPushes(this.db);
        for (const r of rows) q(this.db, 'UPDATE sync_push SET seq = ? WHERE seq = ?').run(-r.seq, r.seq);
        let seq = 1;
        for (const r of rows) q(this.db, 'UPDATE sync_push SET seq = ? WHERE seq = ?').run(seq++, -r.seq);
        setMeta(this.db, META.nextSeq, String(seq));
        setMeta(this.db, META.seqDevice, enrolled.deviceId);
        setMeta(this.db, META.cursor, '0');
      }
      addLog(this.db, 'info', `Terhubung ke ${url} sebagai ${identity.name} (${identity.office}).`);
    })();
    this.online = true;
    this.lastError = null;
    this.failures = 0;
    if (this.started) this.schedule(0);
    return { ...identity, hqUrl: url };
  }

  disconnect(): void {
    this.options.secrets.delete(SECRET_DEVICE_TOKEN);
    this.settings.delete(SETTINGS_IDENTITY);
    this.settings.delete(SETTINGS_HQ_URL);
    addLog(this.db, 'info', 'Sambungan ke server pusat diputus. Rilis di komputer ini tetap tersimpan.');
    this.clearTimers();
    this.nextAttemptAt = null;
    this.online = false;
  }

  // ------------------------------------------------------------------ status

  status(): SyncStatus {
    reassertConflictStates(this.db);
    const connected = !!this.hqUrl() && !!this.token();
    const pending = q<[], { n: number }>(this.db, 'SELECT COUNT(DISTINCT release_id) AS n FROM outbox').get()!.n;
    const conflicts = q<[], { n: number }>(this.db, 'SELECT COUNT(*) AS n FROM sync_conflicts').get()!.n;
    return {
      connected,
      hqUrl: this.hqUrl(),
      identity: this.identity(),
      running: this.running !== null,
      phase: this.running ? this.progress.phase : 'idle',
      done: this.running ? this.progress.done : 0,
      total: this.running ? this.progress.total : 0,
      lastSyncAt: getMeta(this.db, META.lastSyncAt),
      lastError: this.lastError,
      online: this.online,
      nextAttemptAt: this.nextAttemptAt === null ? null : new Date(this.nextAttemptAt).toISOString(),
      pending,
      conflicts,
      needsConfirmation: this.needsConfirmation,
      lastRun: this.lastRun,
    };
  }

  listLog(limit: number): SyncLogEntry[] {
    return q<[number], { id: number; at: string; level: string; message: string; release_id: string | null }>(
      this.db,
      'SELECT id, at, level, message, release_id FROM sync_log ORDER BY id DESC LIMIT ?',
    )
      .all(limit)
      .map((r) => ({
        id: r.id,
        at: r.at,
        level: r.level as SyncLogEntry['level'],
        message: r.message,
        releaseId: r.release_id,
      }));
  }

  /** Consecutive failures so far (the backoff exponent). */
  get failureCount(): number {
    return this.failures;
  }

  // ------------------------------------------------------------------ running

  /** Runs a sync now, or joins the one running. Resolves with the status once it ended. */
  syncNow(options: { confirmMassDelete?: boolean } = {}): Promise<SyncStatus> {
    if (this.running) return this.running;
    const client = this.client();
    const identity = this.identity();
    if (!client || !identity) {
      return Promise.reject(
        new WartaError(
          'unauthorized',
          'Komputer ini belum terhubung ke server pusat. Buka Pengaturan, isi alamat server pusat dan kode pendaftaran, lalu tekan Hubungkan.',
        ),
      );
    }
    this.clearTimers();
    this.progress = { phase: 'push', done: 0, total: 0 };
    this.running = this.execute(client, identity, options.confirmMassDelete === true).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async execute(client: HqClient, identity: Identity, confirmMassDelete: boolean): Promise<SyncStatus> {
    let outcome: RunOutcome | null = null;
    try {
      outcome = await runSync({
        db: this.db,
        client,
        deviceId: identity.deviceId,
        selfName: identity.name,
        attachments: this.attachments,
        confirmMassDelete,
        progress: (phase, done, total) => {
          this.progress = { phase, done, total };
        },
        ...(this.options.onAnnotation ? { onAnnotation: this.options.onAnnotation } : {}),
        ...(this.options.pullLimit ? { pullLimit: this.options.pullLimit } : {}),
        ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
        ...(this.options.extensions ? { extensions: this.options.extensions } : {}),
      });
      this.online = true;
      this.failures = 0;
      this.lastError = null;
      this.lastRun = outcome.summary;
      this.needsConfirmation = outcome.needsConfirmation;
      const s = outcome.summary;
      addLog(
        this.db,
        outcome.needsConfirmation ? 'warn' : 'info',
        outcome.needsConfirmation
          ? 'Sinkronisasi menunggu konfirmasi penghapusan.'
          : `Sinkronisasi selesai: ${s.pushed} terkirim, ${s.uploaded} lampiran, ${s.pulled} diterima, ${s.conflicts} konflik, ${s.rejected} ditolak.`,
      );
      this.schedule(this.intervalMs);
    } catch (error) {
      this.failures += 1;
      const hq = error instanceof HqError ? error : null;
      if (hq?.status === 401) {
        this.lastError =
          'Server pusat menolak perangkat ini (token tidak berlaku atau dicabut). Hubungkan ulang di Pengaturan.';
      } else {
        this.lastError = error instanceof Error ? error.message : String(error);
      }
      this.online = !!hq && hq.kind !== 'network';
      if (!hq) this.log.error({ err: error }, 'sync run failed');
      addLog(this.db, 'error', `Sinkronisasi gagal: ${this.lastError}`);
      const delay = backoffDelay(this.failures, this.random, this.policy);
      if (hq?.status === 401) {
        this.nextAttemptAt = null;
      } else {
        this.schedule(delay);
        if (!this.online) this.startProbe();
      }
    } finally {
      this.progress = { phase: 'idle', done: 0, total: 0 };
    }
    return { ...this.status(), running: false, phase: 'idle', done: 0, total: 0 };
  }

  // ------------------------------------------------------------------ scheduling

  /** Starts the scheduler: first sync soon, then every `intervalMs` while online. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.schedule(1_000);
  }

  private schedule(delayMs: number): void {
    this.nextAttemptAt = this.now() + delayMs;
    if (!this.started || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.client()) void this.syncNow().catch(() => undefined);
    }, delayMs);
    this.timer.unref();
  }

  /** While offline, a cheap health check: as soon as HQ answers, sync instead of waiting out the backoff. */
  private startProbe(): void {
    if (!this.started || this.closed || this.probeTimer) return;
    const tick = async () => {
      this.probeTimer = null;
      const client = this.client();
      if (!client || this.online || this.closed) return;
      if (await client.health()) {
        this.online = true;
        void this.syncNow().catch(() => undefined);
        return;
      }
      this.probeTimer = setTimeout(() => void tick(), this.probeMs);
      this.probeTimer.unref();
    };
    this.probeTimer = setTimeout(() => void tick(), this.probeMs);
    this.probeTimer.unref();
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.timer = null;
    this.probeTimer = null;
  }

  /** Stops the scheduler and waits for a running sync to reach a commit point. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    if (this.running) await this.running.catch(() => undefined);
  }
}

function enrollError(error: unknown, url: string): WartaError {
  if (!(error instanceof HqError)) return new WartaError('internal', `Pendaftaran gagal: ${String(error)}`);
  if (error.kind === 'network') {
    return new WartaError(
      'network',
      `Server pusat di ${url} tidak dapat dihubungi. Periksa alamat dan sambungan internet, lalu coba lagi.`,
    );
  }
  switch (error.code) {
    case 'code_expired':
      return new WartaError(
        'unauthorized',
        'Kode pendaftaran sudah kedaluwarsa. Minta kode baru kepada admin server pusat.',
      );
    case 'code_used':
      return new WartaError(
        'unauthorized',
        'Kode pendaftaran sudah dipakai. Setiap kode hanya berlaku sekali; minta kode baru kepada admin.',
      );
    case 'unauthorized':
      return new WartaError(
        'unauthorized',
        'Kode pendaftaran salah. Periksa kembali kode yang diberikan admin server pusat.',
      );
    case 'invalid_input':
      return new WartaError(
        'invalid_input',
        'Kode pendaftaran tidak valid. Periksa kembali kode yang diberikan admin server pusat.',
      );
    default:
      if (error.kind === 'protocol' || error.status === 404) {
        return new WartaError('network', `Alamat ${url} tidak menjawab sebagai server pusat Warta. Periksa alamatnya.`);
      }
      return new WartaError('network', `Server pusat sedang bermasalah (${error.message}). Coba lagi sebentar lagi.`);
  }
}
