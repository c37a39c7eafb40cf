import { z } from 'zod';
import { ErrorParamsSchema, ErrorReasonSchema } from '../errors/reasons';
import { DocNodeSchema } from '../domain/doc';
import { IdSchema, ReleaseSchema, TimestampSchema } from '../domain/release';
import { IdentitySchema } from './app';
import { method } from './define';
import { OfficeProfileSchema } from '../office/profile';

/**
 * The sync area of the contract: enrollment with HQ ("Pengaturan" → "Hubungkan"),
 * "Sinkronkan", the progress bar "Sinkronisasi", the sync log and conflict resolution.
 */

const SyncPhaseSchema = z.enum(['push', 'upload', 'pull', 'idle']);
export type SyncPhase = z.infer<typeof SyncPhaseSchema>;

/** What a finished (or stopped) sync run did. */
const SyncRunSummarySchema = z.object({
  pushed: z.number().int().nonnegative(),
  uploaded: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type SyncRunSummary = z.infer<typeof SyncRunSummarySchema>;

const SyncStatusSchema = z.object({
  /** Enrolled with HQ (a device token is stored). */
  connected: z.boolean(),
  hqUrl: z.string().nullable(),
  identity: IdentitySchema.nullable(),
  running: z.boolean(),
  phase: SyncPhaseSchema,
  /** Progress of the current phase: items done out of total (total 0 = unknown yet). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  lastSyncAt: TimestampSchema.nullable(),
  /** Message of the last failed attempt, cleared by the next success. Indonesian, user-facing. */
  lastError: z.string().nullable(),
  /** HQ answered the last request (or the last reachability check). */
  online: z.boolean(),
  /** When the scheduler will try again on its own (after a failure: backoff with jitter). */
  nextAttemptAt: TimestampSchema.nullable(),
  /** Local changes not yet accepted by HQ. */
  pending: z.number().int().nonnegative(),
  /** Releases currently in conflict. */
  conflicts: z.number().int().nonnegative(),
  /**
   * Set when a pull would delete most of this workstation's releases: the sync stopped and
   * asks. `syncNow({ confirmMassDelete: true })` goes ahead.
   */
  needsConfirmation: z
    .object({ deletes: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .nullable(),
  lastRun: SyncRunSummarySchema.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

const SyncLogLevelSchema = z.enum(['info', 'warn', 'error']);
const SyncLogEntrySchema = z.object({
  id: z.number().int().positive(),
  at: TimestampSchema,
  level: SyncLogLevelSchema,
  /** Indonesian wording; the interface words `reason` + `params` when present. */
  message: z.string(),
  reason: ErrorReasonSchema.optional().catch(undefined),
  params: ErrorParamsSchema.optional(),
  releaseId: IdSchema.nullable(),
});
export type SyncLogEntry = z.infer<typeof SyncLogEntrySchema>;

/** One top-level block (paragraph, heading, figure…) in both versions; null = deleted on that side. */
const BlockConflictSchema = z.object({
  blockId: z.string(),
  base: DocNodeSchema.nullable(),
  mine: DocNodeSchema.nullable(),
  theirs: DocNodeSchema.nullable(),
});

/** A metadata field (title, dateline, tags…) changed differently on both sides. */
const FieldConflictSchema = z.object({
  field: z.string(),
  base: z.unknown(),
  mine: z.unknown(),
  theirs: z.unknown(),
});

const ConflictSchema = z.object({
  releaseId: IdSchema,
  title: z.string(),
  /** HQ revision the "theirs" side comes from. */
  theirsRev: z.number().int().nonnegative(),
  theirsAuthor: z.string(),
  detectedAt: TimestampSchema,
  blocks: z.array(BlockConflictSchema),
  fields: z.array(FieldConflictSchema),
});
export type Conflict = z.infer<typeof ConflictSchema>;

const ResolutionChoiceSchema = z.enum(['mine', 'theirs', 'edited']);

export const syncMethods = {
  /** "Hubungkan": exchanges an enrollment code for a device token. http(s) URLs only. */
  connectToHq: method(
    z.object({ serverUrl: z.string().trim().min(1).max(2000), code: z.string().trim().min(1).max(200) }),
    IdentitySchema.extend({ hqUrl: z.string() }),
  ),
  /** Forgets the device token and HQ address; local releases stay. */
  disconnect: method(z.object({}), z.object({ disconnected: z.literal(true) })),
  /**
   * "Sinkronkan": runs a sync now (or joins the one running) and resolves with the status
   * once it ended. Poll `getSyncStatus` meanwhile for the progress bar.
   */
  syncNow: method(z.object({ confirmMassDelete: z.boolean().optional() }), SyncStatusSchema),
  getSyncStatus: method(z.object({}), SyncStatusSchema),
  /** The office's settings from HQ as of the last sync (null before the first). */
  getOfficeProfile: method(z.object({}), OfficeProfileSchema.nullable()),
  listSyncLog: method(
    z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ items: z.array(SyncLogEntrySchema) }),
  ),
  /** Conflicts of one release, or of every release when `releaseId` is left out. */
  listConflicts: method(z.object({ releaseId: IdSchema.optional() }), z.object({ items: z.array(ConflictSchema) })),
  /**
   * Resolves every conflicting block and field of a release. `edited` carries the blocks the
   * writer wrote instead (zero or more top-level nodes). The result is a new local revision that
   * is pushed at the next sync.
   */
  resolveConflict: method(
    z.object({
      releaseId: IdSchema,
      resolutions: z
        .array(
          z.object({
            blockId: z.string().min(1).max(200),
            choice: ResolutionChoiceSchema,
            content: z.array(DocNodeSchema).max(200).optional(),
          }),
        )
        .max(5000),
      fields: z
        .array(
          z.object({ field: z.string().min(1).max(60), choice: ResolutionChoiceSchema, value: z.unknown().optional() }),
        )
        .max(50)
        .default([]),
    }),
    ReleaseSchema,
  ),
};
