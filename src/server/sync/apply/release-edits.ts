import { checkReleaseSize, type Status } from '../../../shared/domain';
import { jsonEqual, mergeFields } from '../../../shared/sync/merge';
import {
  invalidAttachmentRefs,
  referencedAttachments,
  type EntryResult,
  type PushEntry,
  type WireFields,
} from '../../../shared/sync/protocol';
import { contentHash, isDeleteLocked } from '../../../shared/workflow';
import { assignNumber } from '../../numbering';
import type { ReleaseHead } from '../../storage/types';
import { accepted, append, baseNewerThanHead, conflict, notFound, rejected, type ApplyContext } from './context';

/**
 * An approval — and a publication still waiting for its embargo — is pinned to the exact text
 * approved (same rule as the workstation's onContentChanged in src/shared/workflow): another
 * text sends the release back to Diajukan. A live publication stays live; publishing the edit
 * is a correction (Dikoreksi).
 */
function statusAfterEdit(
  head: ReleaseHead,
  next: WireFields,
  now: number,
): { status: Status; publishAt: string | null; note: string | null } {
  const embargoed = head.status === 'terbit' && head.publishAt !== null && Date.parse(head.publishAt) > now;
  const pinned = head.status === 'disetujui' || embargoed;
  if (!pinned || (head.fields && contentHash(head.fields) === contentHash(next)))
    return { status: head.status, publishAt: head.publishAt, note: null };
  return {
    status: 'diajukan',
    publishAt: null,
    note: embargoed
      ? 'Rilis diubah sebelum waktu terbitnya, sehingga penerbitan dibatalkan dan rilis kembali ke status Diajukan.'
      : 'Rilis diubah setelah disetujui, sehingga kembali ke status Diajukan dan perlu ditinjau ulang.',
  };
}

type UpsertEntry = Extract<PushEntry, { kind: 'release.upsert' | 'release.resolve' }>;

/** Images must be stored at HQ before a text that shows them. */
function attachmentProblem(ctx: ApplyContext, entry: UpsertEntry): EntryResult | null {
  const invalid = invalidAttachmentRefs(entry.fields);
  if (invalid.length > 0) {
    const refused = invalid.map((r) => JSON.stringify(r.slice(0, 80))).join(', ');
    return rejected(entry, 'invalid_content', `images must reference attachments by sha256; refused: ${refused}`);
  }
  const missing = referencedAttachments(entry.fields).filter((sha) => !ctx.storage.hasAttachment(sha));
  if (missing.length > 0)
    return {
      ...rejected(entry, 'missing_attachment', `upload these attachments first: ${missing.join(', ')}`),
      missing,
    };
  return null;
}

/**
 * A new text on top of the head: restores a deleted release (out of the trash, in the status
 * it was deleted in), and unpins an approval the text changed. A tombstone that still names a
 * public status (deleted before deleting those was refused) comes back as a draft: it is off
 * the public site and stays off until it is published again.
 */
function writeOnHead(
  ctx: ApplyContext,
  head: ReleaseHead,
  sent: WireFields,
  event: 'edited' | 'merged' | 'resolved',
): { revision: number; fields: WireFields } {
  const next = numbered(ctx, head.id, head.officeId, sent);
  const after =
    head.deleted && isDeleteLocked(head)
      ? { status: 'draf' as const, publishAt: null, note: null }
      : statusAfterEdit(head, next, Date.parse(ctx.hqTime));
  const revision = append(ctx, head, head.id, head.officeId, {
    deleted: false,
    fields: next,
    status: after.status,
    publishAt: after.publishAt,
    event,
    fromStatus: after.status !== head.status ? head.status : null,
    note: after.note,
  });
  return { revision, fields: next };
}

/** The fields with HQ's release number, giving the release the office's next one if it has none. */
function numbered(ctx: ApplyContext, releaseId: string, officeId: string, fields: WireFields): WireFields {
  const number = assignNumber(ctx.storage, releaseId, officeId, fields.date, ctx.hqTime);
  return number === fields.number ? fields : { ...fields, number };
}

/** Accepted; names HQ's number when the writer sent another (or none yet). */
function acceptedWith(entry: UpsertEntry, revision: number, stored: WireFields | null): EntryResult {
  const result = { seq: entry.seq, status: 'accepted' as const, releaseId: entry.releaseId, revision };
  return stored && stored.number !== entry.fields.number ? { ...result, number: stored.number } : result;
}

/** Over the shared caps: refused before anything costly (merge, hashing, rendering) looks at it. */
function sizeProblem(entry: UpsertEntry, body: WireFields['body'], what: string): EntryResult | null {
  const size = checkReleaseSize(body);
  if (size.ok) return null;
  return rejected(entry, 'too_large', `${what} is over the cap of ${size.max} ${size.limit}`);
}

export function applyUpsert(ctx: ApplyContext, entry: UpsertEntry): EntryResult {
  const { releaseId, baseRevision } = entry;
  // The number is HQ's to give: whatever the writer sent, the release keeps the one HQ holds.
  const fields: WireFields = { ...entry.fields, number: ctx.storage.releaseNumber(releaseId) ?? '' };
  const problem = sizeProblem(entry, fields.body, 'the body') ?? attachmentProblem(ctx, entry);
  if (problem) return problem;
  const head = ctx.storage.getReleaseHead(releaseId);
  const resolving = entry.kind === 'release.resolve';
  if (!head) {
    if (baseRevision !== 0)
      return rejected(entry, 'unknown_base', `HQ has no release ${releaseId}; a new release has baseRevision 0`);
    const created = numbered(ctx, releaseId, ctx.who.office.id, fields);
    const revision = append(ctx, null, releaseId, ctx.who.office.id, {
      deleted: false,
      fields: created,
      status: 'draf',
      publishAt: null,
      event: 'created',
      fromStatus: null,
      note: null,
    });
    return acceptedWith(entry, revision, created);
  }
  if (baseRevision > head.revision) return baseNewerThanHead(entry, head);
  if (baseRevision === head.revision) {
    // Edited from the head (or restoring a release the writer saw deleted): taken as sent.
    if (!head.deleted && jsonEqual(head.fields, fields)) return acceptedWith(entry, head.revision, head.fields);
    const written = writeOnHead(ctx, head, fields, resolving ? 'resolved' : 'edited');
    return acceptedWith(entry, written.revision, written.fields);
  }
  // Deleted at HQ after the writer's base, edited by the writer: delete vs edit.
  if (head.deleted || !head.fields) return conflict(entry, head, { theirs: null, deleted: true });
  const base = ctx.storage.getRevision(releaseId, baseRevision);
  // No usable common ancestor (base was a tombstone): both versions must be seen.
  if (!base?.fields) return conflict(entry, head, { theirs: head.fields, deleted: false, conflictFields: ['body'] });
  const merged = mergeFields(base.fields, head.fields, fields);
  if (!merged.clean) {
    const { conflictBlocks, conflictFields } = merged;
    return conflict(entry, head, { theirs: head.fields, deleted: false, conflictBlocks, conflictFields });
  }
  const tooLarge = sizeProblem(entry, merged.fields.body, 'the merged body');
  if (tooLarge) return tooLarge;
  if (jsonEqual(merged.fields, head.fields))
    return { seq: entry.seq, status: 'merged', releaseId, revision: head.revision, fields: head.fields };
  const written = writeOnHead(ctx, head, merged.fields, resolving ? 'resolved' : 'merged');
  return { seq: entry.seq, status: 'merged', releaseId, revision: written.revision, fields: written.fields };
}

export function applyDelete(ctx: ApplyContext, entry: Extract<PushEntry, { kind: 'release.delete' }>): EntryResult {
  const { releaseId, baseRevision } = entry;
  const head = ctx.storage.getReleaseHead(releaseId);
  if (!head) return notFound(entry);
  if (head.deleted) return accepted(entry, head.revision);
  if (isDeleteLocked(head))
    return rejected(
      entry,
      'published',
      `release ${releaseId} is ${head.status}: a public or scheduled release cannot be deleted; a reviewer or admin withdraws it (ditarik)`,
    );
  if (baseRevision > head.revision) return baseNewerThanHead(entry, head);
  if (baseRevision < head.revision) {
    const base = ctx.storage.getRevision(releaseId, baseRevision);
    // Edited at HQ since the writer's base, deleted by the writer: delete vs edit.
    if (!base || !jsonEqual(base.fields, head.fields))
      return conflict(entry, head, { theirs: head.fields, deleted: true });
  }
  const revision = append(ctx, head, releaseId, head.officeId, {
    deleted: true,
    fields: null,
    status: head.status,
    publishAt: head.publishAt,
    event: 'deleted',
    fromStatus: null,
    note: null,
  });
  return accepted(entry, revision);
}
