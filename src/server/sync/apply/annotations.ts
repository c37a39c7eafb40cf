import type { EntryResult, PushEntry } from '../../../shared/sync/protocol';
import { notFound, rejected, type ApplyContext } from './context';

/** Review records are opaque to sync; the cap keeps one from bloating every pull. */
const MAX_ANNOTATION_JSON = 64 * 1024;

/** Stores the annotation's next version; the release itself gets no new revision. */
export function applyAnnotation(ctx: ApplyContext, entry: Extract<PushEntry, { kind: 'annotation.put' }>): EntryResult {
  const { releaseId, seq } = entry;
  const head = ctx.storage.getReleaseHead(releaseId);
  if (!head) return notFound(entry);
  if (JSON.stringify(entry.data).length > MAX_ANNOTATION_JSON)
    return rejected(entry, 'invalid_content', 'annotation data over 64 KiB');
  const previous = ctx.storage.getAnnotation(entry.annotationId);
  if (previous && previous.releaseId !== releaseId)
    return rejected(entry, 'invalid_content', `annotation ${entry.annotationId} belongs to another release`);
  const version = (previous?.version ?? 0) + 1;
  ctx.storage.putAnnotation({
    id: entry.annotationId,
    releaseId,
    officeId: head.officeId,
    type: entry.annotationType,
    version,
    baseRevision: entry.baseRevision,
    data: entry.data,
    actor: ctx.actor,
  });
  return { seq, status: 'accepted', releaseId, revision: head.revision, annotationVersion: version };
}
