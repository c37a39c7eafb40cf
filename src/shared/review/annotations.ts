import { z } from 'zod';
import { AnchorSchema } from './anchor';

/**
 * The review annotations a workstation writes, each one person's own record: a comment thread
 * (its first message and anchor), a reply, and a resolve/reopen event on a thread. HQ accepts
 * no other kind from a client — the workflow's audit trail is HQ's own log of the transitions
 * it accepted — and the workstation reads pulled records with the same shapes.
 */
const ThreadDataSchema = z.object({
  anchor: AnchorSchema,
  quote: z.string().min(1).max(5000),
  body: z.string().min(1).max(5000),
});
const ReplyDataSchema = z.object({ threadId: z.string().min(1).max(64), body: z.string().min(1).max(5000) });
const ThreadEventDataSchema = z.object({
  threadId: z.string().min(1).max(64),
  action: z.enum(['resolve', 'reopen']),
});

export const REVIEW_ANNOTATION_SCHEMAS = {
  'review.thread': ThreadDataSchema,
  'review.reply': ReplyDataSchema,
  'review.event': ThreadEventDataSchema,
} as const;
export type ReviewAnnotationType = keyof typeof REVIEW_ANNOTATION_SCHEMAS;

export const isReviewAnnotationType = (type: string): type is ReviewAnnotationType =>
  Object.hasOwn(REVIEW_ANNOTATION_SCHEMAS, type);
