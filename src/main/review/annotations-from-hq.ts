import { z } from 'zod';
import { STATUS_LABELS_ID } from '../../shared/domain/labels';
import { StatusSchema } from '../../shared/domain/release';
import { AnchorSchema } from '../../shared/review/anchor';
import type { AnnotationChange } from '../../shared/sync/protocol';
import { type Db, getRow } from '../store';
import { hqRevisionTime } from '../sync';
import { mergeAuditFromHq } from './tables/audit';
import { getThreadRow, putEvent, putReply, putThread } from './tables/threads';
import { recordMoveFromHq } from './tables/workflow';

const ThreadData = z.object({
  anchor: AnchorSchema,
  quote: z.string().min(1).max(5000),
  body: z.string().min(1).max(5000),
});
const ReplyData = z.object({ threadId: z.string().min(1).max(64), body: z.string().min(1).max(5000) });
const EventData = z.object({ threadId: z.string().min(1).max(64), action: z.enum(['resolve', 'reopen']) });
const TransitionData = z.object({
  transitionId: z.string().min(1).max(64),
  revision: z.number().int().positive(),
  from: StatusSchema,
  to: StatusSchema,
  publishAt: z.string().nullable().optional(),
});

/**
 * Stores a review annotation pulled from HQ, with the person, role and time HQ confirmed
 * (the sync client's `onAnnotation` hook). Idempotent: a record arriving twice is kept once.
 */
export function applyAnnotation(db: Db, change: AnnotationChange): void {
  const { annotationId: id, releaseId, by } = change;
  if (!getRow(db, releaseId, true)) return;
  const hq = { author: by.name, role: by.role, createdAt: by.hqTime, hqTime: by.hqTime, hqCursor: change.cursor };
  const audit = (action: 'comment' | 'resolve' | 'reopen', detail: string) =>
    mergeAuditFromHq(db, {
      releaseId,
      at: by.hqTime,
      actor: by.name,
      role: by.role,
      action,
      detail,
      ref: `${action === 'comment' ? 'thread' : 'event'}:${id}`,
      hqTime: by.hqTime,
    });
  switch (change.annotationType) {
    case 'review.thread': {
      const data = ThreadData.safeParse(change.data);
      if (!data.success) return;
      const { anchor, quote, body } = data.data;
      putThread(db, { id, releaseId, anchor: JSON.stringify(anchor), quote, body, ...hq });
      audit('comment', `“${quote.slice(0, 80)}”: ${body.slice(0, 200)}`);
      return;
    }
    case 'review.reply': {
      const data = ReplyData.safeParse(change.data);
      if (!data.success) return;
      putReply(db, { id, threadId: data.data.threadId, releaseId, body: data.data.body, ...hq });
      return;
    }
    case 'review.event': {
      const data = EventData.safeParse(change.data);
      if (!data.success) return;
      putEvent(db, { id, threadId: data.data.threadId, releaseId, action: data.data.action, ...hq });
      const quote = getThreadRow(db, data.data.threadId)?.quote ?? '';
      audit(data.data.action, `“${quote.slice(0, 80)}”`);
      return;
    }
    case 'review.transition': {
      // The audit record of a transition HQ accepted: who (and in which role, as HQ knows
      // them) moved the release, at the time HQ made the revision.
      const data = TransitionData.safeParse(change.data);
      if (!data.success) return;
      const { transitionId, revision, from, to } = data.data;
      const hqTime = hqRevisionTime(db, releaseId, revision) ?? by.hqTime;
      mergeAuditFromHq(db, {
        releaseId,
        at: hqTime,
        actor: by.name,
        role: by.role,
        action: 'transition',
        from,
        to,
        detail: `${STATUS_LABELS_ID[from]} → ${STATUS_LABELS_ID[to]}`,
        ref: `transition:${transitionId}`,
        hqTime,
      });
      // Who moved it last (and the embargo, if any), as the workflow bar shows it.
      const publishAt = to === 'terbit' ? (data.data.publishAt ?? null) : null;
      recordMoveFromHq(db, { releaseId, by: by.name, role: by.role, at: hqTime, publishAt });
      return;
    }
    default:
      return;
  }
}
