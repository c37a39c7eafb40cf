import { isReviewAnnotationType, REVIEW_ANNOTATION_SCHEMAS } from '../../shared/review/annotations';
import type { PushEntry, RejectReason } from '../../shared/sync/protocol';
import type { AnnotationRow, DeviceIdentity, HqStorage } from '../storage/types';

type AnnotationEntry = Extract<PushEntry, { kind: 'annotation.put' }>;

export type AnnotationVerdict =
  { ok: true; data: Record<string, unknown> } | { ok: false; reason: RejectReason; message: string };

/** Kinds older workstations pushed themselves; HQ now derives them from its own log. */
const HQ_ONLY = new Set(['review.transition', 'review.audit']);

const refuse = (reason: RejectReason, message: string): AnnotationVerdict => ({ ok: false, reason, message });

/**
 * HQ's rules for a review annotation a device pushes (the scope was checked before):
 * - only the kinds a workstation writes (thread, reply, resolve/reopen event) in their shape;
 *   the audit trail and transition records are HQ's own, from the transitions it accepted;
 * - every annotation is owned by the person who first wrote it: a later version of the same id
 *   (an edit) comes only from that person, so nobody rewrites another's comment or event;
 * - a reply or event belongs to a thread of the same release. Who may resolve or reopen is
 *   everyone who may comment on the release (the workstation offers both to every role: the
 *   writer settles a comment once addressed, a reviewer reopens it), each as an event of
 *   their own, so one person's resolve never rewrites another's.
 * The stored data is the parsed one: fields outside the shape (an "author", say) never reach HQ.
 */
export function judgeAnnotation(
  storage: HqStorage,
  who: DeviceIdentity,
  entry: AnnotationEntry,
  previous: AnnotationRow | null,
): AnnotationVerdict {
  const type = entry.annotationType;
  if (!isReviewAnnotationType(type))
    return refuse(
      'invalid_content',
      HQ_ONLY.has(type)
        ? `${type} records are written by HQ from the transitions it accepted, never pushed`
        : `annotations of type ${type} are not accepted`,
    );
  if (previous && previous.actor.personId !== who.person.id)
    return refuse(
      'not_author',
      `annotation ${entry.annotationId} was written by ${previous.actor.name}; only its author may change it`,
    );
  if (previous && previous.type !== type)
    return refuse('invalid_content', `annotation ${entry.annotationId} is a ${previous.type}, not a ${type}`);
  const parsed = REVIEW_ANNOTATION_SCHEMAS[type].safeParse(entry.data);
  if (!parsed.success)
    return refuse('invalid_content', `${type} data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const data: Record<string, unknown> = parsed.data;
  if ('threadId' in parsed.data) {
    const thread = storage.getAnnotation(parsed.data.threadId);
    if (!thread || thread.type !== 'review.thread' || thread.releaseId !== entry.releaseId)
      return refuse('invalid_content', `release ${entry.releaseId} has no comment thread ${parsed.data.threadId}`);
  }
  return { ok: true, data };
}
