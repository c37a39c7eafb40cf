import { z } from 'zod';
import { IdSchema, StatusSchema, TimestampSchema } from '../domain/release';
import { AnchorSchema } from '../review/anchor';
import { RoleSchema } from '../domain/role';
import { method } from './define';

/**
 * The review area: comment threads anchored to passages, the workflow
 * ("Ajukan untuk ditinjau", "Minta revisi", "Setujui", "Terbitkan"), the reviewer's queue
 * ("Menunggu tinjauan") and the audit trail. Suggested edits live in the body as marks
 * (src/shared/editor/review) and travel with it.
 */

const CommentBodySchema = z.string().trim().min(1, 'Komentar tidak boleh kosong').max(5000);

const ReplySchema = z.object({
  id: IdSchema,
  author: z.string(),
  role: RoleSchema,
  createdAt: TimestampSchema,
  body: z.string(),
  /** HQ-confirmed time; null while the reply has not reached HQ yet. */
  hqTime: TimestampSchema.nullable(),
});
export type Reply = z.infer<typeof ReplySchema>;

const ThreadSchema = z.object({
  id: IdSchema,
  releaseId: IdSchema,
  /** Where the passage is now (re-resolved against the current body). */
  anchor: AnchorSchema,
  /** The words first commented on (shown when the passage is gone). */
  quote: z.string(),
  /** The passage was deleted or can no longer be found with certainty. */
  orphaned: z.boolean(),
  status: z.enum(['open', 'resolved']),
  resolvedBy: z.string().nullable(),
  resolvedAt: TimestampSchema.nullable(),
  /** The first comment followed by the replies, oldest first. */
  messages: z.array(ReplySchema).min(1),
  /** Every part of the thread has reached HQ. */
  synced: z.boolean(),
});
export type Thread = z.infer<typeof ThreadSchema>;

const WorkflowViewSchema = z.object({
  releaseId: IdSchema,
  status: StatusSchema,
  /** Statuses the current person may move the release to now (the buttons to show). */
  allowed: z.array(StatusSchema),
  role: RoleSchema,
  changedBy: z.string().nullable(),
  changedRole: RoleSchema.nullable(),
  changedAt: TimestampSchema.nullable(),
  /** Embargo: when the publication goes live. */
  publishAt: TimestampSchema.nullable(),
  /** A notice to show, e.g. the approval was withdrawn by an edit. */
  notice: z.string().nullable(),
  pendingSuggestions: z.number().int().nonnegative(),
  openThreads: z.number().int().nonnegative(),
  /** Fingerprint of the text now: send it back with `transition` (stale-revision check). */
  contentHash: z.string(),
  /** A transition made here has not been confirmed by HQ yet. */
  unsynced: z.boolean(),
  /** Why HQ refused the last transition, if it did. */
  rejected: z.string().nullable(),
});
export type WorkflowView = z.infer<typeof WorkflowViewSchema>;

const AuditEntrySchema = z.object({
  at: TimestampSchema,
  /** HQ-confirmed time; null while only this workstation knows it. */
  hqTime: TimestampSchema.nullable(),
  actor: z.string(),
  role: z.string(),
  action: z.enum(['transition', 'comment', 'resolve', 'reopen', 'notice', 'rejected']),
  fromStatus: StatusSchema.nullable(),
  toStatus: StatusSchema.nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const QueueItemSchema = z.object({
  id: IdSchema,
  title: z.string(),
  office: z.string(),
  status: StatusSchema,
  updatedAt: TimestampSchema,
  changedBy: z.string().nullable(),
  changedAt: TimestampSchema.nullable(),
  openThreads: z.number().int().nonnegative(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const reviewMethods = {
  /** Threads of a release in document order (orphaned ones last). */
  listThreads: method(z.object({ releaseId: IdSchema }), z.object({ items: z.array(ThreadSchema) })),
  /** "Kirim komentar" on a selection: a passage of one text block, by block id and offsets. */
  addComment: method(
    z.object({
      releaseId: IdSchema,
      blockId: z.string().min(1).max(200),
      from: z.number().int().nonnegative(),
      to: z.number().int().positive(),
      body: CommentBodySchema,
    }),
    ThreadSchema,
  ),
  replyToComment: method(z.object({ threadId: IdSchema, body: CommentBodySchema }), ThreadSchema),
  /** "Selesaikan". */
  resolveThread: method(z.object({ threadId: IdSchema }), ThreadSchema),
  reopenThread: method(z.object({ threadId: IdSchema }), ThreadSchema),
  getWorkflow: method(z.object({ releaseId: IdSchema }), WorkflowViewSchema),
  /**
   * Moves the release to `to`. `baseHash` is the contentHash the person saw: a transition
   * made on a text that changed meanwhile is refused. `at` (Terbitkan only): embargo time.
   */
  transition: method(
    z.object({
      releaseId: IdSchema,
      to: StatusSchema,
      baseHash: z.string().min(1).max(128),
      at: TimestampSchema.nullable().optional(),
      note: z.string().max(2000).optional(),
    }),
    WorkflowViewSchema,
  ),
  listAudit: method(z.object({ releaseId: IdSchema }), z.object({ items: z.array(AuditEntrySchema) })),
  /** "Menunggu tinjauan": releases submitted for review, oldest submission first. */
  reviewQueue: method(z.object({}), z.object({ items: z.array(QueueItemSchema) })),
};
