import { z } from 'zod';
import { Sha256Schema } from '../../domain/digest';
import { IdSchema, StatusSchema, TimestampSchema } from '../../domain/release';
import { TemplateSchema } from '../../templates/schema';
import { RevisionSchema, SeqSchema, WireFieldsSchema } from './wire-fields';

/**
 * Every push entry names its place in the device's queue, the release it touches and the HQ
 * revision it was made against. Entries are discriminated on `kind`; more kinds may be added.
 */
const entryHead = { seq: SeqSchema, releaseId: IdSchema, baseRevision: RevisionSchema };

/**
 * Create or edit a release: the FULL snapshot plus the HQ revision it was edited from
 * (`baseRevision`: 0 = new release, never seen by HQ). If base = head → accepted. If the base is
 * older → three-way merge against the stored base revision: merged or conflict.
 */
const ReleaseUpsertEntrySchema = z.strictObject({
  ...entryHead,
  kind: z.literal('release.upsert'),
  fields: WireFieldsSchema,
});

/** Delete (tombstone) a release the writer deleted locally, from `baseRevision`. */
const ReleaseDeleteEntrySchema = z.strictObject({ ...entryHead, kind: z.literal('release.delete') });

/**
 * The writer's resolution of a conflict: a new full snapshot with `baseRevision` = the head
 * revision HQ reported in the conflict result. If HQ's head moved on meanwhile it merges again
 * (it may conflict again). Recorded in the audit trail as a resolution.
 */
const ReleaseResolveEntrySchema = z.strictObject({
  ...entryHead,
  kind: z.literal('release.resolve'),
  fields: WireFieldsSchema,
});

/**
 * A workflow transition. HQ checks it authoritatively: the role must allow it, and
 * `baseRevision` must equal the head (a transition from a stale revision → rejected
 * `stale_revision`). Creates a new revision with the same fields and the new status.
 * `publishAt` (for `terbit`): embargo — the public site shows it only from then on.
 * Allowed transitions and roles: src/shared/workflow/rules.ts (shared with the workstation).
 */
const WorkflowTransitionEntrySchema = z.strictObject({
  ...entryHead,
  kind: z.literal('workflow.transition'),
  to: StatusSchema,
  note: z.string().max(2000).nullable().optional(),
  publishAt: TimestampSchema.nullable().optional(),
  /**
   * contentHash (src/shared/workflow) of the text the person acted on. When given, HQ also
   * accepts a `baseRevision` older than the head as long as the head's text has this hash
   * (e.g. "submit" queued right after an edit in the same batch), and refuses
   * `stale_revision` when the text differs even if the revision matches.
   */
  contentHash: Sha256Schema.optional(),
});

/**
 * An annotation on a release: a comment thread/reply, a suggestion… HQ stores the latest
 * `data` per `annotationId` (opaque JSON ≤ 64 KiB, shape owned by the review code), gives it a
 * per-annotation version and a change-log entry. `baseRevision` is the release revision the
 * annotation was made against (for anchoring); it need not be the head.
 */
const AnnotationPutEntrySchema = z.strictObject({
  ...entryHead,
  kind: z.literal('annotation.put'),
  annotationId: IdSchema,
  annotationType: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/, 'annotationType: lowercase word'),
  data: z.record(z.string(), z.unknown()),
});

/**
 * A template a writer saved for the whole office ("Simpan sebagai templat"): HQ adds it to the
 * office's `templates` setting (replacing one with the same id), and every workstation of the
 * office receives it with the office profile. `releaseId` carries the template's id;
 * `baseRevision` is 0.
 */
const OfficeTemplateEntrySchema = z.strictObject({
  ...entryHead,
  kind: z.literal('office.template'),
  template: TemplateSchema,
});

const PushEntrySchema = z.discriminatedUnion('kind', [
  ReleaseUpsertEntrySchema,
  ReleaseDeleteEntrySchema,
  ReleaseResolveEntrySchema,
  WorkflowTransitionEntrySchema,
  AnnotationPutEntrySchema,
  OfficeTemplateEntrySchema,
]);
export type PushEntry = z.infer<typeof PushEntrySchema>;

/** POST /api/v1/sync/push. Entries ascending and contiguous by seq. */
export const PushRequestSchema = z.strictObject({
  deviceId: IdSchema,
  entries: z.array(PushEntrySchema).min(1),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;
