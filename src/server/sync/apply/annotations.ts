import type { EntryResult, PushEntry } from '../../../shared/sync/protocol';
import { judgeAnnotation } from '../../review/annotation-rules';
import { notFound, rejected, type ApplyContext } from './context';

/** Review records are small; the cap keeps one from bloating every pull. */
const MAX_ANNOTATION_JSON = 64 * 1024;

/**
 * Stores the annotation's next version, written by the pushing person and owned by whoever
 * wrote its first version (src/server/review/annotation-rules.ts); the release itself gets no
 * new revision. An id owned by someone else is refused, never overwritten.
 */
export function applyAnnotation(ctx: ApplyContext, entry: Extract<PushEntry, { kind: 'annotation.put' }>): EntryResult {
  const { releaseId, seq } = entry;
  const head = ctx.storage.getReleaseHead(releaseId);
  if (!head) return notFound(entry);
  if (JSON.stringify(entry.data).length > MAX_ANNOTATION_JSON)
    return rejected(entry, 'invalid_content', 'annotation data over 64 KiB');
  const previous = ctx.storage.getAnnotation(entry.annotationId);
  if (previous && previous.releaseId !== releaseId)
    return rejected(entry, 'invalid_content', `annotation ${entry.annotationId} belongs to another release`);
  const verdict = judgeAnnotation(ctx.storage, ctx.who, entry, previous);
  if (!verdict.ok) return rejected(entry, verdict.reason, verdict.message);
  const version = (previous?.version ?? 0) + 1;
  ctx.storage.putAnnotation({
    id: entry.annotationId,
    releaseId,
    officeId: head.officeId,
    type: entry.annotationType,
    version,
    baseRevision: entry.baseRevision,
    data: verdict.data,
    actor: ctx.actor,
  });
  return { seq, status: 'accepted', releaseId, revision: head.revision, annotationVersion: version };
}
