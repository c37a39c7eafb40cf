import { z } from 'zod';
import { Sha256Schema } from '../../domain/digest';
import { IdSchema } from '../../domain/release';
import { RevisionSchema, SeqSchema, WireFieldsSchema } from './wire-fields';

const REJECT_REASONS = [
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
  /** The annotation id belongs to another person's record: only its author may change it. */
  'not_author',
  /** A delete of a release that is (or is scheduled to be) public: only a withdrawal takes it down. */
  'published',
  /** The body is over MAX_RELEASE_BODY_BYTES or MAX_RELEASE_NODES (src/shared/domain/limits), or a merge would make it so. */
  'too_large',
] as const;
const RejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReasonSchema>;

/** One result per entry, same order as sent, discriminated on `status`. */
const resultHead = { seq: SeqSchema, releaseId: IdSchema };

/** The entry became a new revision exactly as sent. */
const AcceptedResultSchema = z.object({
  ...resultHead,
  status: z.literal('accepted'),
  revision: RevisionSchema,
  /** annotation.put only: the annotation's version at HQ. */
  annotationVersion: z.number().int().positive().optional(),
  /**
   * Release edits: the release number HQ holds when it is not the one sent (HQ assigns numbers;
   * the revision stores this one), so the workstation can show it.
   */
  number: z.string().max(100).optional(),
});

/** The entry was merged with concurrent HQ edits: a new revision whose fields are `fields`. */
const MergedResultSchema = z.object({
  ...resultHead,
  status: z.literal('merged'),
  revision: RevisionSchema,
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
  ...resultHead,
  status: z.literal('conflict'),
  headRevision: RevisionSchema,
  baseRevision: RevisionSchema,
  head: WireFieldsSchema.nullable(),
  conflictBlocks: z.array(z.string()),
  conflictFields: z.array(z.string()),
  deleted: z.boolean(),
});

/** Refused for a reason; the seq is consumed. Fix and send as a new entry. */
const RejectedResultSchema = z.object({
  ...resultHead,
  status: z.literal('rejected'),
  reason: RejectReasonSchema,
  message: z.string(),
  /** missing_attachment: which ones. */
  missing: z.array(Sha256Schema).optional(),
});

const EntryResultSchema = z.discriminatedUnion('status', [
  AcceptedResultSchema,
  MergedResultSchema,
  ConflictResultSchema,
  RejectedResultSchema,
]);
export type EntryResult = z.infer<typeof EntryResultSchema>;

export const PushResponseSchema = z.object({
  /** One per entry, same order as sent. */
  results: z.array(z.intersection(EntryResultSchema, z.object({ replayed: z.boolean().optional() }))),
  /** The seq HQ expects next. */
  nextSeq: SeqSchema,
});
export type PushResponse = z.infer<typeof PushResponseSchema>;
