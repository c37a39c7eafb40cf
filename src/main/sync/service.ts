import type { Identity } from '../../shared/contract/app';
import type { SyncLogEntry, SyncPhase, SyncRunSummary, SyncStatus } from '../../shared/contract/sync';
import type { AnnotationChange, ReleaseChange } from '../../shared/sync/protocol';
import { countReleasesInOutbox, createSettings, type Db } from '../store';
import type { SecretStore } from '../services';
import { createAttachmentAccess, type AttachmentAccess } from './attachments';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from '../../shared/retry/backoff';
import type { Logger } from '../../node/log/logger';
import { silentLogger } from '../../node/log/silent';
import { reassertConflictStates } from './conflicts';
import { runSync } from './engine';
import { enroll, readDeviceToken, readHqUrl, readIdentity, unenroll, type Enrollment } from './enrollment';
import { isTokenRefused, notEnrolledError, runFailureMessage } from './error-messages';
import { HqClient, HqError } from './hq-client';
import type { PushExtension } from './push/extension';
import type { MassDeleteQuestion } from './run-context';
import { SyncScheduler } from './scheduler';
import { seededRandom, type Random } from '../../shared/random/seeded';
import { countConflicts } from './tables/conflicts';
import { addLog, listLog } from './tables/log';
import { META, getMeta } from './tables/meta';

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
  onReleaseChange?: (db: Db, change: ReleaseChange) => void;
  /** Other features' push entries (review), sent in the same seq-numbered queue. */
  extensions?: PushExtension[];
  /** After each run that completed (HQ reachable): update checks and support logs ride on it. */
  onSynced?: () => void;
}

interface Progress {
  phase: SyncPhase;
  done: number;
  total: number;
}

const IDLE: Progress = { phase: 'idle', done: 0, total: 0 };

/**
 * The sync client: enrollment, runs (one at a time; "Sinkronkan" joins a running one), the
 * backoff after failures and the status the "Sinkronisasi" progress bar shows.
 */
export class SyncService {
  private readonly db: Db;
  private readonly enrollment: Enrollment;
  private readonly log: Logger;
  private readonly random: Random;
  private readonly policy: BackoffPolicy;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly attachments: AttachmentAccess;
  private readonly scheduler: SyncScheduler;
  private running: Promise<SyncStatus> | null = null;
  private progress: Progress = IDLE;
  private failures = 0;
  private online = false;
  private lastError: string | null = null;
  private needsConfirmation: MassDeleteQuestion = null;
  private lastRun: SyncRunSummary | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    this.db = options.db;
    this.enrollment = { db: this.db, settings: createSettings(this.db), secrets: options.secrets };
    this.log = options.log ?? silentLogger;
    this.random = options.random ?? seededRandom((Date.now() ^ process.pid) >>> 0);
    this.policy = options.backoff ?? DEFAULT_BACKOFF;
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.attachments = options.attachments ?? createAttachmentAccess(this.db, options.dataDir);
    this.scheduler = new SyncScheduler(
      {
        due: () => {
          if (this.client()) void this.syncNow().catch(() => undefined);
        },
        probe: async () => {
          const client = this.client();
          if (!client || this.online) return true;
          if (!(await client.health())) return false;
          this.online = true;
          void this.syncNow().catch(() => undefined);
          return true;
        },
      },
      options.probeMs ?? 15_000,
      options.now ?? Date.now,
    );
    if (options.autoStart) this.start();
  }

  identity(): Identity | null {
    return readIdentity(this.enrollment);
  }

  hqUrl(): string | null {
    return readHqUrl(this.enrollment);
  }

  private client(): HqClient | null {
    const url = this.hqUrl();
    const token = readDeviceToken(this.enrollment);
    if (!url || !token) return null;
    return new HqClient({ baseUrl: url, token, timeoutMs: this.timeoutMs });
  }

  async connect(serverUrl: string, code: string): Promise<Identity & { hqUrl: string }> {
    const enrolled = await enroll(this.enrollment, {
      serverUrl,
      code,
      deviceName: this.options.deviceName,
      timeoutMs: this.timeoutMs,
    });
    this.online = true;
    this.lastError = null;
    this.failures = 0;
    if (this.scheduler.hasStarted) this.scheduler.schedule(0);
    return enrolled;
  }

  disconnect(): void {
    unenroll(this.enrollment);
    this.scheduler.clearTimers();
    this.scheduler.nextAttemptAt = null;
    this.online = false;
  }

  status(): SyncStatus {
    reassertConflictStates(this.db);
    const { nextAttemptAt } = this.scheduler;
    const progress = this.running ? this.progress : IDLE;
    return {
      connected: !!this.hqUrl() && !!readDeviceToken(this.enrollment),
      hqUrl: this.hqUrl(),
      identity: this.identity(),
      running: this.running !== null,
      phase: progress.phase,
      done: progress.done,
      total: progress.total,
      lastSyncAt: getMeta(this.db, META.lastSyncAt),
      lastError: this.lastError,
      online: this.online,
      nextAttemptAt: nextAttemptAt === null ? null : new Date(nextAttemptAt).toISOString(),
      pending: countReleasesInOutbox(this.db),
      conflicts: countConflicts(this.db),
      needsConfirmation: this.needsConfirmation,
      lastRun: this.lastRun,
    };
  }

  listLog(limit: number): SyncLogEntry[] {
    return listLog(this.db, limit);
  }

  /** Consecutive failures so far (the backoff exponent). */
  get failureCount(): number {
    return this.failures;
  }

  /** Runs a sync now, or joins the one running. Resolves with the status once it ended. */
  syncNow(options: { confirmMassDelete?: boolean } = {}): Promise<SyncStatus> {
    if (this.running) return this.running;
    const client = this.client();
    const identity = this.identity();
    if (!client || !identity) return Promise.reject(notEnrolledError());
    this.scheduler.clearTimers();
    this.progress = { phase: 'push', done: 0, total: 0 };
    this.running = this.execute(client, identity, options.confirmMassDelete === true).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async execute(client: HqClient, identity: Identity, confirmMassDelete: boolean): Promise<SyncStatus> {
    try {
      const outcome = await runSync({
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
        ...(this.options.onReleaseChange ? { onReleaseChange: this.options.onReleaseChange } : {}),
        ...(this.options.pullLimit ? { pullLimit: this.options.pullLimit } : {}),
        ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
        ...(this.options.extensions ? { extensions: this.options.extensions } : {}),
      });
      this.online = true;
      this.failures = 0;
      this.lastError = null;
      this.lastRun = outcome.summary;
      this.needsConfirmation = outcome.needsConfirmation;
      const { pushed, uploaded, pulled, conflicts, rejected } = outcome.summary;
      if (outcome.needsConfirmation) addLog(this.db, 'warn', 'syncLog.awaitingConfirmation');
      else addLog(this.db, 'info', 'syncLog.finished', { pushed, uploaded, pulled, conflicts, rejected });
      this.scheduler.schedule(this.intervalMs);
      this.options.onSynced?.();
    } catch (error) {
      this.failures += 1;
      const hq = error instanceof HqError ? error : null;
      this.lastError = runFailureMessage(error);
      this.online = !!hq && hq.kind !== 'network';
      if (!hq) this.log.error({ err: error }, 'sync run failed');
      if (isTokenRefused(error)) {
        addLog(this.db, 'error', 'syncLog.deviceRefused');
        this.scheduler.nextAttemptAt = null;
      } else {
        addLog(this.db, 'error', 'syncLog.failed', { detail: this.lastError });
        this.scheduler.schedule(backoffDelay(this.failures, this.random, this.policy));
        if (!this.online) this.scheduler.startProbe();
      }
    } finally {
      this.progress = IDLE;
    }
    return { ...this.status(), running: false, phase: 'idle', done: 0, total: 0 };
  }

  /** Starts the scheduler: first sync soon, then every `intervalMs` while online. */
  start(): void {
    this.scheduler.start();
  }

  /** Stops the scheduler and waits for a running sync to reach a commit point. */
  async close(): Promise<void> {
    this.scheduler.close();
    if (this.running) await this.running.catch(() => undefined);
  }
}
