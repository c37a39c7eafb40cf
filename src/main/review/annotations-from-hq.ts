import { STATUS_LABELS_ID } from '../../shared/domain/labels';
import { REVIEW_ANNOTATION_SCHEMAS } from '../../shared/review/annotations';
import type { AnnotationChange, ReleaseChange } from '../../shared/sync/protocol';
import { type Db, getRow } from '../store';
import { mergeAuditFromHq } from './tables/audit';
import { confirmedAuthor, getThreadRow, putEvent, putReply, putThread } from './tables/threads';
import { transitionAtHqRevision } from './tables/transitions';
import { recordMoveFromHq } from './tables/workflow';

/**
 * Stores a review annotation pulled from HQ, with the person, role and time HQ confirmed
 * (the sync client's `onAnnotation` hook). Idempotent: a record arriving twice is kept once.
 * Only comments, replies and resolve/reopen events are read from annotations, and a record
 * HQ already confirmed for one person is never given to another: a pulled version naming
 * someone else is ignored. Transitions come from HQ's own log (`applyTransitionFromHq`), never
 * from an annotation, so no pushed record can name who moved a release.
 */
export function applyAnnotation(db: Db, change: AnnotationChange): void {
  const { annotationId: id, releaseId, by } = change;
  if (!getRow(db, releaseId, true)) return;
  const owner = confirmedAuthor(db, id);
  if (owner && (owner.author !== by.name || owner.role !== by.role)) return;
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
  /** A reply or event only on a thread of the same release. */
  const threadOf = (threadId: string) => {
    const thread = getThreadRow(db, threadId);
    return thread?.release_id === releaseId ? thread : undefined;
  };
  switch (change.annotationType) {
    case 'review.thread': {
      const data = REVIEW_ANNOTATION_SCHEMAS['review.thread'].safeParse(change.data);
      if (!data.success) return;
      const { anchor, quote, body } = data.data;
      putThread(db, { id, releaseId, anchor: JSON.stringify(anchor), quote, body, ...hq });
      audit('comment', `“${quote.slice(0, 80)}”: ${body.slice(0, 200)}`);
      return;
    }
    case 'review.reply': {
      const data = REVIEW_ANNOTATION_SCHEMAS['review.reply'].safeParse(change.data);
      if (!data.success || !threadOf(data.data.threadId)) return;
      putReply(db, { id, threadId: data.data.threadId, releaseId, body: data.data.body, ...hq });
      return;
    }
    case 'review.event': {
      const data = REVIEW_ANNOTATION_SCHEMAS['review.event'].safeParse(change.data);
      const thread = data.success ? threadOf(data.data.threadId) : undefined;
      if (!data.success || !thread) return;
      putEvent(db, { id, threadId: thread.id, releaseId, action: data.data.action, ...hq });
      audit(data.data.action, `“${thread.quote.slice(0, 80)}”`);
      return;
    }
    default:
      return;
  }
}

/**
 * The audit record of a transition HQ accepted, from HQ's own log (the sync client's
 * `onReleaseChange` hook): who moved the release, in which role as HQ knows them, at the time
 * HQ made the revision. A move made here (matched by the HQ revision its push answer named)
 * gets HQ's confirmation; anyone else's is added.
 */
export function applyTransitionFromHq(db: Db, change: ReleaseChange): void {
  const { releaseId, revision, fromStatus: from, status: to, by } = change;
  if (change.event !== 'transition' || !from || !getRow(db, releaseId, true)) return;
  const own = transitionAtHqRevision(db, releaseId, revision);
  const confirmed = mergeAuditFromHq(db, {
    releaseId,
    at: by.hqTime,
    actor: by.name,
    role: by.role,
    action: 'transition',
    from,
    to,
    detail: `${STATUS_LABELS_ID[from]} → ${STATUS_LABELS_ID[to]}`,
    ref: own ? `transition:${own.id}` : `hq-revision:${releaseId}@${revision}`,
    hqTime: by.hqTime,
  });
  // A revision seen before (a replayed page) changes nothing.
  if (!confirmed) return;
  // Who moved it last (and the embargo, if any), as the workflow bar shows it.
  const publishAt = to === 'terbit' ? change.publishAt : null;
  recordMoveFromHq(db, { releaseId, by: by.name, role: by.role, at: by.hqTime, publishAt });
}
