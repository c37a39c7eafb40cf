/**
 * The workstation ↔ HQ sync protocol (HTTP, JSON). Owned by the HQ/sync helper.
 *
 * STABILITY: this file changes only ADDITIVELY (new optional fields, new entry kinds,
 * new change types, new reject reasons, new error codes). Anything else is announced here,
 * in this header, with a date. Clients must ignore change types they do not know.
 * Additive changes so far (2026-11-30): MAX_JSON_DEPTH (deeper → 400), PULL_MAX_BYTES (a pull
 * page may end early with hasMore), workflow.transition `note` may be null and takes an
 * optional `contentHash`.
 *
 * Overview (docs/ARCHITECTURE.md, "Sync and HQ", has the full story):
 * - Enrollment: `POST /api/v1/enroll` exchanges a one-time code for a device token.
 * - Every other route needs `Authorization: Bearer <token>`; missing/unknown/revoked → 401.
 * - Push: the workstation's outbox, in order. Each entry carries a per-device `seq`,
 *   contiguous from 1. HQ applies a whole batch in one transaction and stores the result of
 *   every seq; a replayed seq returns its stored result and changes nothing. A gap (first new
 *   seq ≠ expected) → 409 `seq_gap` with `expectedSeq`.
 * - Pull: the HQ change log after a cursor, page by page; store `nextCursor` after each page
 *   is applied locally, so an interrupted pull resumes where it stopped.
 * - Attachments: content addressed by sha256, uploaded BEFORE the entries that reference
 *   them (an upsert referencing a missing attachment is rejected `missing_attachment`).
 * - Revisions are HQ counters (per release); the change log cursor is a global counter.
 *   No wall-clock ordering anywhere; `hqTime` fields are for display/audit only.
 *
 * Whole-request errors (4xx) change nothing at HQ. Per-entry outcomes are results, not errors.
 */
import { z } from 'zod';
import { IdSchema, LeadImageSchema, ReleaseFieldsSchema, StatusSchema, TimestampSchema } from '../domain/release';
import { Sha256Schema } from '../domain/digest';

// ---------------------------------------------------------------------------------------------
// Paths and limits

export const PROTOCOL_VERSION = 1;

export const PATHS = {
  /** POST EnrollRequest → EnrollResponse (no auth). */
  enroll: '/api/v1/enroll',
  /** GET → MeResponse: who this token is, and the seq HQ expects next. */
  me: '/api/v1/sync/me',
  /** POST PushRequest → PushResponse. */
  push: '/api/v1/sync/push',
  /** GET ?cursor=N&limit=M → PullResponse. */
  pull: '/api/v1/sync/pull',
  /** PUT raw bytes / HEAD / GET at `${attachments}/<sha256>`. */
  attachments: '/api/v1/attachments',
  /** GET → { ok: true, protocol } (no auth): reachability probe for the client. */
  health: '/api/v1/health',
} as const;

export const attachmentPath = (sha256: string): string => `${PATHS.attachments}/${sha256}`;

/** At most this many entries per push batch (more → 413 `too_large`). */
export const MAX_PUSH_ENTRIES = 100;
/** At most this many bytes of JSON per push request body (more → 413 `too_large`). */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;
/** One attachment: at most this many bytes (more → 413 `too_large`). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Pull page size: default and maximum for `limit`. */
export const PULL_DEFAULT_LIMIT = 100;
export const PULL_MAX_LIMIT = 500;
/** A pull page stops early (hasMore: true) once its changes pass this many bytes of JSON. */
export const PULL_MAX_BYTES = 4 * 1024 * 1024;
/** Request JSON nested deeper than this → 400 (a TipTap doc needs far less; deeper is an attack). */
export const MAX_JSON_DEPTH = 64;
/** Enrollment codes live this long unless `--expires-hours` says otherwise. */
export const DEFAULT_CODE_TTL_HOURS = 24;

// ---------------------------------------------------------------------------------------------
// Errors: every 4xx/5xx body is an ErrorResponse.

export const PROTOCOL_ERROR_CODES = [
  /** 400: malformed JSON, wrong types, unknown fields, bad hash. `message` says which. */
  'invalid_input',
  /** 401: missing/unknown/revoked token, or a bad enrollment code. */
  'unauthorized',
  /** 401 on enroll: the code expired. */
  'code_expired',
  /** 401 on enroll: the code was already used. */
  'code_used',
  /** 403: the device may not touch this release/office (whole batch refused, `seq` = entry). */
  'forbidden',
  /** 404: unknown route or attachment. */
  'not_found',
  /** 409 on push: `expectedSeq` is the seq HQ needs next; resend from there. */
  'seq_gap',
  /** 413: batch or attachment over the caps above. */
  'too_large',
  /** 415: wrong content type. */
  'unsupported_media',
  /** 503: HQ is shutting down; retry later. */
  'unavailable',
  /** 500. */
  'internal',
] as const;
export const ProtocolErrorCodeSchema = z.enum(PROTOCOL_ERROR_CODES);
export type ProtocolErrorCode = z.infer<typeof ProtocolErrorCodeSchema>;

/** Body of every non-2xx answer. */
export const ErrorResponseSchema = z.object({
  code: ProtocolErrorCodeSchema,
  message: z.string(),
  /** seq_gap: the next seq HQ will accept. */
  expectedSeq: z.number().int().positive().optional(),
  /** forbidden (push): the entry that was refused. */
  seq: z.number().int().positive().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const ROLES = ['penulis', 'peninjau', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** What a person may read: their office, their province, or everything (admin). */
export const SCOPES = ['office', 'province', 'all'] as const;
export const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  /** Office name, e.g. "KPU Kabupaten Blora". */
  office: z.string(),
  officeId: IdSchema,
  /** Province name from idn-area-data, e.g. "Jawa Tengah"; '' when unknown. */
  province: z.string(),
  scope: ScopeSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** The lead image as it travels: every field present (no defaults filled in), nothing extra. */
const LeadImageWire = LeadImageSchema.required().strict();

/**
 * A full release snapshot as it travels (strict: unknown fields → 400): domain ReleaseFields
 * with the same limits, but every field required — a snapshot is never partial.
 */
export const WireFieldsSchema = z.strictObject({ ...ReleaseFieldsSchema.shape, leadImage: LeadImageWire.nullable() });
export type WireFields = z.infer<typeof WireFieldsSchema>;

const Seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Revision = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// ---------------------------------------------------------------------------------------------
// Enrollment

/** POST /api/v1/enroll. The code is single use; HQ stores only its sha256. */
export const EnrollRequestSchema = z.strictObject({
  code: z.string().min(4).max(200),
  /** Shown in `hq devices`, e.g. "Laptop humas". */
  deviceName: z.string().min(1).max(200),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

/** The token is shown once; keep it secret (safeStorage / 0600 file). */
export const EnrollResponseSchema = z.object({
  deviceId: IdSchema,
  token: z.string(),
  person: PersonSchema,
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

/** GET /api/v1/sync/me. */
export const MeResponseSchema = z.object({
  deviceId: IdSchema,
  deviceName: z.string(),
  person: PersonSchema,
  /** The seq HQ will accept next (last applied + 1). */
  nextSeq: Seq,
  /** The newest change-log cursor at HQ right now. */
  headCursor: Revision,
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Push entries (discriminated on `kind`). Review kinds (issue 4) are included below; more may
// be added additively.

/**
 * Create or edit a release: the FULL snapshot plus the HQ revision it was edited from
 * (`baseRevision`: 0 = new release, never seen by HQ). If base = head → accepted. If the base is
 * older → three-way merge against the stored base revision: merged or conflict.
 */
export const ReleaseUpsertEntrySchema = z.strictObject({
  seq: Seq,
  kind: z.literal('release.upsert'),
  releaseId: IdSchema,
  baseRevision: Revision,
  fields: WireFieldsSchema,
});

/** Delete (tombstone) a release the writer deleted locally, from `baseRevision`. */
export const ReleaseDeleteEntrySchema = z.strictObject({
  seq: Seq,
  kind: z.literal('release.delete'),
  releaseId: IdSchema,
  baseRevision: Revision,
});

/**
 * The writer's resolution of a conflict: a new full snapshot with `baseRevision` = the head
 * revision HQ reported in the conflict result. If HQ's head moved on meanwhile it merges again
 * (it may conflict again). Recorded in the audit trail as a resolution.
 */
export const ReleaseResolveEntrySchema = z.strictObject({
  seq: Seq,
  kind: z.literal('release.resolve'),
  releaseId: IdSchema,
  baseRevision: Revision,
  fields: WireFieldsSchema,
});

/**
 * A workflow transition (issue 4). HQ checks it authoritatively: the role must allow it, and
 * `baseRevision` must equal the head (a transition from a stale revision → rejected
 * `stale_revision`). Creates a new revision with the same fields and the new status.
 * `publishAt` (for `terbit`): embargo — the public site shows it only from then on.
 * Allowed transitions and roles: src/shared/workflow/rules.ts (shared with the workstation).
 */
export const WorkflowTransitionEntrySchema = z.strictObject({
  seq: Seq,
  kind: z.literal('workflow.transition'),
  releaseId: IdSchema,
  baseRevision: Revision,
  to: StatusSchema,
  note: z.string().max(2000).nullable().optional(),
  publishAt: TimestampSchema.nullable().optional(),
  /**
   * contentHash (src/shared/workflow) of the text the person acted on. When given, HQ also
   * accepts a `baseRevision` older than the head as long as the head's text has this hash
   * (e.g. "submit" queued right after an edit in the same batch), and refuses
   * `stale_revision` when the text differs even if the revision matches.
   */
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/**
 * An annotation on a release (issue 4): a comment thread/reply, a suggestion… HQ stores the
 * latest `data` per `annotationId` (opaque JSON ≤ 64 KiB, shape owned by the review code),
 * gives it a per-annotation version and a change-log entry. `baseRevision` is the release
 * revision the annotation was made against (for anchoring); it need not be the head.
 */
export const AnnotationPutEntrySchema = z.strictObject({
  seq: Seq,
  kind: z.literal('annotation.put'),
  releaseId: IdSchema,
  annotationId: IdSchema,
  annotationType: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/, 'annotationType: lowercase word'),
  baseRevision: Revision,
  data: z.record(z.string(), z.unknown()),
});

export const PushEntrySchema = z.discriminatedUnion('kind', [
  ReleaseUpsertEntrySchema,
  ReleaseDeleteEntrySchema,
  ReleaseResolveEntrySchema,
  WorkflowTransitionEntrySchema,
  AnnotationPutEntrySchema,
]);
export type PushEntry = z.infer<typeof PushEntrySchema>;
export type PushEntryKind = PushEntry['kind'];

/** POST /api/v1/sync/push. Entries ascending and contiguous by seq. */
export const PushRequestSchema = z.strictObject({
  deviceId: IdSchema,
  entries: z.array(PushEntrySchema).min(1),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Push results (one per entry, same order; discriminated on `status`)

export const REJECT_REASONS = [
  /** The body or lead image references an attachment HQ does not have: upload, then re-send. */
  'missing_attachment',
  /** The release was deleted at HQ (tombstone) and this entry edits it. */
  'deleted',
  /** baseRevision > HQ head, or base unknown. */
  'unknown_base',
  /** The release does not exist at HQ (delete/transition/annotation on an unknown id). */
  'not_found',
  /** A transition or resolution from a revision that is no longer the head. */
  'stale_revision',
  /** The role may not make this transition, or the transition does not exist. */
  'transition_not_allowed',
  /** The body fails the editor schema or a field rule. */
  'invalid_content',
  /** The slug is taken by another release. */
  'slug_taken',
] as const;
export const RejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReasonSchema>;

/** The entry became a new revision exactly as sent. */
export const AcceptedResultSchema = z.object({
  seq: Seq,
  status: z.literal('accepted'),
  releaseId: IdSchema,
  revision: Revision,
  /** annotation.put only: the annotation's version at HQ. */
  annotationVersion: z.number().int().positive().optional(),
});

/** The entry was merged with concurrent HQ edits: a new revision whose fields are `fields`. */
export const MergedResultSchema = z.object({
  seq: Seq,
  status: z.literal('merged'),
  releaseId: IdSchema,
  revision: Revision,
  fields: WireFieldsSchema,
});

/**
 * Both sides changed the same block(s)/field(s): HQ kept its head unchanged. Show the writer
 * both versions (`head` = HQ's, theirs = what they sent) and send a `release.resolve` with
 * baseRevision = `headRevision`. `conflictBlocks` are top-level block ids; `conflictFields`
 * are metadata field names (also 'body' when a block without id or the block order clashed).
 * `deleted: true` when HQ's side deleted the release that the writer edited (or vice versa).
 */
export const ConflictResultSchema = z.object({
  seq: Seq,
  status: z.literal('conflict'),
  releaseId: IdSchema,
  headRevision: Revision,
  baseRevision: Revision,
  head: WireFieldsSchema.nullable(),
  conflictBlocks: z.array(z.string()),
  conflictFields: z.array(z.string()),
  deleted: z.boolean(),
});

/** Refused for a reason; the seq is consumed. Fix and send as a new entry. */
export const RejectedResultSchema = z.object({
  seq: Seq,
  status: z.literal('rejected'),
  releaseId: IdSchema,
  reason: RejectReasonSchema,
  message: z.string(),
  /** missing_attachment: which ones. */
  missing: z.array(Sha256Schema).optional(),
});

export const EntryResultSchema = z.discriminatedUnion('status', [
  AcceptedResultSchema,
  MergedResultSchema,
  ConflictResultSchema,
  RejectedResultSchema,
]);
export type EntryResult = z.infer<typeof EntryResultSchema>;
export type EntryStatus = EntryResult['status'];

export const PushResponseSchema = z.object({
  /** One per entry, same order as sent. */
  results: z.array(z.intersection(EntryResultSchema, z.object({ replayed: z.boolean().optional() }))),
  /** The seq HQ expects next. */
  nextSeq: Seq,
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Pull: the change log

/** Who made a change, as HQ confirmed it. `hqTime` is HQ's clock at apply: display only. */
export const ChangeActorSchema = z.object({
  deviceId: IdSchema,
  personId: IdSchema,
  name: z.string(),
  role: RoleSchema,
  office: z.string(),
  hqTime: TimestampSchema,
});
export type ChangeActor = z.infer<typeof ChangeActorSchema>;

export const RELEASE_EVENTS = ['created', 'edited', 'merged', 'resolved', 'transition', 'deleted'] as const;
export const ReleaseEventSchema = z.enum(RELEASE_EVENTS);
export type ReleaseEvent = z.infer<typeof ReleaseEventSchema>;

/**
 * A new revision of a release (or its tombstone: `deleted: true`, `fields: null`).
 * Every revision appears exactly once in the log; revisions of one release ascend.
 */
export const ReleaseChangeSchema = z.object({
  type: z.literal('release'),
  cursor: z.number().int().positive(),
  releaseId: IdSchema,
  revision: z.number().int().positive(),
  officeId: IdSchema,
  deleted: z.boolean(),
  fields: WireFieldsSchema.nullable(),
  status: StatusSchema,
  /** Set when status is terbit with an embargo. */
  publishAt: TimestampSchema.nullable(),
  event: ReleaseEventSchema,
  /** transition: from → to, and the note. */
  fromStatus: StatusSchema.nullable(),
  note: z.string().nullable(),
  by: ChangeActorSchema,
});
export type ReleaseChange = z.infer<typeof ReleaseChangeSchema>;

/** The latest state of one annotation. */
export const AnnotationChangeSchema = z.object({
  type: z.literal('annotation'),
  cursor: z.number().int().positive(),
  releaseId: IdSchema,
  annotationId: IdSchema,
  annotationType: z.string(),
  version: z.number().int().positive(),
  baseRevision: Revision,
  data: z.record(z.string(), z.unknown()),
  by: ChangeActorSchema,
});
export type AnnotationChange = z.infer<typeof AnnotationChangeSchema>;

export const ChangeSchema = z.discriminatedUnion('type', [ReleaseChangeSchema, AnnotationChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;

/** GET /api/v1/sync/pull query. */
export const PullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

/**
 * Changes visible to this device with cursor > query.cursor, ascending. Store `nextCursor`
 * once the page is applied; ask again while `hasMore`. `nextCursor` may jump past changes the
 * device may not read.
 */
export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Attachments

/** PUT /api/v1/attachments/<sha256> answer (201 created, 200 already there). */
export const AttachmentPutResponseSchema = z.object({
  sha256: Sha256Schema,
  size: z.number().int().nonnegative(),
  created: z.boolean(),
});
export type AttachmentPutResponse = z.infer<typeof AttachmentPutResponseSchema>;

/** Every attachment a snapshot references (lead image and figure nodes), valid or not. */
function attachmentRefs(fields: WireFields): string[] {
  const found = new Set<string>();
  if (fields.leadImage) found.add(fields.leadImage.attachment);
  const walk = (node: { attrs?: Record<string, unknown>; content?: unknown[]; type: string }): void => {
    if (node.type === 'figure' && node.attrs?.attachment != null) found.add(String(node.attrs.attachment));
    for (const child of node.content ?? []) walk(child as typeof node);
  };
  walk(fields.body);
  return [...found];
}

const isSha256 = (ref: string): boolean => /^[0-9a-f]{64}$/.test(ref);

/** Every attachment sha256 a snapshot references (lead image and figure nodes). */
export function referencedAttachments(fields: WireFields): string[] {
  return attachmentRefs(fields).filter(isSha256);
}

/**
 * References that are not sha256 digests (a pasted `<figure data-attachment="../x">`, a forged
 * payload): such a snapshot is refused as invalid content, never looked up as a path.
 */
export function invalidAttachmentRefs(fields: WireFields): string[] {
  return attachmentRefs(fields).filter((ref) => !isSha256(ref));
}
