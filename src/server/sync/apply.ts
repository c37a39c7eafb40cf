/**
 * Applying a push batch: authorization, seq bookkeeping, revisions and merges, all inside
 * ONE storage transaction — a batch is stored whole or not at all, whatever interrupts it.
 */
import {
  referencedAttachments,
  invalidAttachmentRefs,
  type ChangeActor,
  type EntryResult,
  type PushEntry,
  type PushRequest,
  type PushResponse,
  type WireFields,
} from '../../shared/sync/protocol';
import { jsonEqual, mergeFields } from '../../shared/sync/merge';
import { contentHash, ruleFor } from '../../shared/workflow';
import type { Status } from '../../shared/domain';
import { HttpError } from '../http-errors';
import type { DeviceIdentity, HqStorage, ReadScope, ReleaseHead, RevisionRow } from '../storage/types';
import { inScope, mayWriteRelease, readScope } from './scope';
import { reviewTransitionBlocker } from '../review/checks';

export interface ApplyContext {
  storage: HqStorage;
  who: DeviceIdentity;
  scope: ReadScope;
  actor: ChangeActor;
  hqTime: string;
  /** Called (inside the transaction) for every new release revision: the publishing hook. */
  onRevision?: ((rev: RevisionRow) => void) | undefined;
}

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

type NewRevision = Omit<RevisionRow, 'cursor' | 'releaseId' | 'officeId' | 'revision' | 'actor'>;

function append(
  ctx: ApplyContext,
  head: ReleaseHead | null,
  releaseId: string,
  officeId: string,
  rev: NewRevision,
): number {
  const revision = (head?.revision ?? 0) + 1;
  const row: Omit<RevisionRow, 'cursor'> = { ...rev, releaseId, officeId, revision, actor: ctx.actor };
  const cursor = ctx.storage.appendRevision(row, ctx.hqTime);
  ctx.onRevision?.({ ...row, cursor });
  return revision;
}

function missingAttachments(ctx: ApplyContext, fields: WireFields): string[] {
  return referencedAttachments(fields).filter((sha) => !ctx.storage.hasAttachment(sha));
}

function authorize(ctx: ApplyContext, entry: PushEntry): void {
  const head = ctx.storage.getReleaseHead(entry.releaseId);
  const officeId = head?.officeId ?? ctx.who.office.id;
  const ok =
    entry.kind === 'workflow.transition' || entry.kind === 'annotation.put'
      ? inScope(ctx.scope, officeId)
      : mayWriteRelease(ctx.who, ctx.scope, officeId);
  if (!ok) {
    throw new HttpError(
      'forbidden',
      `entry seq ${entry.seq}: release ${entry.releaseId} belongs to an office this device may not ${entry.kind === 'annotation.put' ? 'annotate' : 'write'}`,
      { seq: entry.seq },
    );
  }
}

function applyUpsert(
  ctx: ApplyContext,
  entry: Extract<PushEntry, { kind: 'release.upsert' | 'release.resolve' }>,
): EntryResult {
  const { releaseId, baseRevision, fields, seq } = entry;
  const invalid = invalidAttachmentRefs(fields);
  if (invalid.length > 0) {
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'invalid_content',
      message: `images must reference attachments by sha256; refused: ${invalid.map((r) => JSON.stringify(r.slice(0, 80))).join(', ')}`,
    };
  }
  const missing = missingAttachments(ctx, fields);
  if (missing.length > 0) {
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'missing_attachment',
      message: `upload these attachments first: ${missing.join(', ')}`,
      missing,
    };
  }
  const head = ctx.storage.getReleaseHead(releaseId);
  const resolving = entry.kind === 'release.resolve';
  if (!head) {
    if (baseRevision !== 0)
      return {
        seq,
        status: 'rejected',
        releaseId,
        reason: 'unknown_base',
        message: `HQ has no release ${releaseId}; a new release has baseRevision 0`,
      };
    const revision = append(ctx, null, releaseId, ctx.who.office.id, {
      deleted: false,
      fields,
      status: 'draf',
      publishAt: null,
      event: 'created',
      fromStatus: null,
      note: null,
    });
    return { seq, status: 'accepted', releaseId, revision };
  }
  if (baseRevision > head.revision) {
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'unknown_base',
      message: `baseRevision ${baseRevision} is newer than HQ's head ${head.revision}`,
    };
  }
  const write = (next: WireFields, event: 'edited' | 'merged' | 'resolved'): number => {
    const after = head.deleted
      ? { status: 'draf' as const, publishAt: null, note: null }
      : statusAfterEdit(head, next, Date.parse(ctx.hqTime));
    const changed = after.status !== head.status;
    return append(ctx, head, releaseId, head.officeId, {
      deleted: false,
      fields: next,
      status: after.status,
      publishAt: after.publishAt,
      event,
      fromStatus: changed ? head.status : null,
      note: after.note,
    });
  };
  if (baseRevision === head.revision) {
    // Edited from the head (or restoring a release the writer saw deleted): taken as sent.
    if (!head.deleted && jsonEqual(head.fields, fields))
      return { seq, status: 'accepted', releaseId, revision: head.revision };
    return { seq, status: 'accepted', releaseId, revision: write(fields, resolving ? 'resolved' : 'edited') };
  }
  const base = ctx.storage.getRevision(releaseId, baseRevision);
  if (head.deleted || !head.fields) {
    // Deleted at HQ after the writer's base, edited by the writer: delete vs edit.
    return {
      seq,
      status: 'conflict',
      releaseId,
      headRevision: head.revision,
      baseRevision,
      head: null,
      conflictBlocks: [],
      conflictFields: [],
      deleted: true,
    };
  }
  if (!base?.fields) {
    // No usable common ancestor (base was a tombstone): both versions must be seen.
    return {
      seq,
      status: 'conflict',
      releaseId,
      headRevision: head.revision,
      baseRevision,
      head: head.fields,
      conflictBlocks: [],
      conflictFields: ['body'],
      deleted: false,
    };
  }
  const merged = mergeFields(base.fields, head.fields, fields);
  if (!merged.clean) {
    return {
      seq,
      status: 'conflict',
      releaseId,
      headRevision: head.revision,
      baseRevision,
      head: head.fields,
      conflictBlocks: merged.conflictBlocks,
      conflictFields: merged.conflictFields,
      deleted: false,
    };
  }
  if (jsonEqual(merged.fields, head.fields))
    return { seq, status: 'merged', releaseId, revision: head.revision, fields: head.fields };
  const revision = write(merged.fields, resolving ? 'resolved' : 'merged');
  return { seq, status: 'merged', releaseId, revision, fields: merged.fields };
}

function applyDelete(ctx: ApplyContext, entry: Extract<PushEntry, { kind: 'release.delete' }>): EntryResult {
  const { releaseId, baseRevision, seq } = entry;
  const head = ctx.storage.getReleaseHead(releaseId);
  if (!head)
    return { seq, status: 'rejected', releaseId, reason: 'not_found', message: `HQ has no release ${releaseId}` };
  if (head.deleted) return { seq, status: 'accepted', releaseId, revision: head.revision };
  if (baseRevision > head.revision)
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'unknown_base',
      message: `baseRevision ${baseRevision} is newer than HQ's head ${head.revision}`,
    };
  if (baseRevision < head.revision) {
    const base = ctx.storage.getRevision(releaseId, baseRevision);
    if (!base || !jsonEqual(base.fields, head.fields)) {
      // Edited at HQ since the writer's base, deleted by the writer: delete vs edit.
      return {
        seq,
        status: 'conflict',
        releaseId,
        headRevision: head.revision,
        baseRevision,
        head: head.fields,
        conflictBlocks: [],
        conflictFields: [],
        deleted: true,
      };
    }
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
  return { seq, status: 'accepted', releaseId, revision };
}

function applyTransition(ctx: ApplyContext, entry: Extract<PushEntry, { kind: 'workflow.transition' }>): EntryResult {
  const { releaseId, baseRevision, seq, to } = entry;
  const head = ctx.storage.getReleaseHead(releaseId);
  if (!head)
    return { seq, status: 'rejected', releaseId, reason: 'not_found', message: `HQ has no release ${releaseId}` };
  if (head.deleted)
    return { seq, status: 'rejected', releaseId, reason: 'deleted', message: 'the release was deleted' };
  const headHash = entry.contentHash && head.fields ? contentHash(head.fields) : null;
  const sameText = headHash !== null && headHash === entry.contentHash;
  if (entry.contentHash && !sameText) {
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'stale_revision',
      message: `the transition was made on a text that is no longer HQ's head (revision ${head.revision})`,
    };
  }
  if (baseRevision > head.revision || (baseRevision !== head.revision && !sameText)) {
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'stale_revision',
      message: `the transition was made on revision ${baseRevision}; HQ's head is ${head.revision}`,
    };
  }
  const rule = ruleFor(head.status, to);
  if (!rule || !rule.roles.includes(ctx.who.person.role)) {
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'transition_not_allowed',
      message: `a ${ctx.who.person.role} may not move a release from ${head.status} to ${to}`,
    };
  }
  const blocked = reviewTransitionBlocker(head.fields, to);
  if (blocked) return { seq, status: 'rejected', releaseId, reason: 'transition_not_allowed', message: blocked };
  const revision = append(ctx, head, releaseId, head.officeId, {
    deleted: false,
    fields: head.fields,
    status: to,
    publishAt:
      to === 'terbit' ? (entry.publishAt ?? null) : to === 'dikoreksi' || to === 'ditarik' ? head.publishAt : null,
    event: 'transition',
    fromStatus: head.status,
    note: entry.note ?? null,
  });
  return { seq, status: 'accepted', releaseId, revision };
}

function applyAnnotation(ctx: ApplyContext, entry: Extract<PushEntry, { kind: 'annotation.put' }>): EntryResult {
  const { releaseId, seq } = entry;
  const head = ctx.storage.getReleaseHead(releaseId);
  if (!head)
    return { seq, status: 'rejected', releaseId, reason: 'not_found', message: `HQ has no release ${releaseId}` };
  if (JSON.stringify(entry.data).length > 64 * 1024)
    return { seq, status: 'rejected', releaseId, reason: 'invalid_content', message: 'annotation data over 64 KiB' };
  const previous = ctx.storage.getAnnotation(entry.annotationId);
  if (previous && previous.releaseId !== releaseId) {
    return {
      seq,
      status: 'rejected',
      releaseId,
      reason: 'invalid_content',
      message: `annotation ${entry.annotationId} belongs to another release`,
    };
  }
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

function applyEntry(ctx: ApplyContext, entry: PushEntry): EntryResult {
  authorize(ctx, entry);
  switch (entry.kind) {
    case 'release.upsert':
    case 'release.resolve':
      return applyUpsert(ctx, entry);
    case 'release.delete':
      return applyDelete(ctx, entry);
    case 'workflow.transition':
      return applyTransition(ctx, entry);
    case 'annotation.put':
      return applyAnnotation(ctx, entry);
  }
}

/**
 * Apply a validated batch. Replayed seqs return their stored result (`replayed: true`);
 * the first new seq must be last applied + 1, else 409 seq_gap. Throws HttpError for
 * whole-batch refusals (403, 409); the transaction then rolls back and nothing changes.
 */
export function applyPush(
  storage: HqStorage,
  who: DeviceIdentity,
  request: PushRequest,
  hooks: { onRevision?: ApplyContext['onRevision'] } = {},
): PushResponse {
  if (request.deviceId !== who.device.id)
    throw new HttpError('forbidden', 'deviceId does not match the device of this token');
  request.entries.forEach((e, i) => {
    if (i > 0 && e.seq !== request.entries[i - 1]!.seq + 1) {
      throw new HttpError(
        'invalid_input',
        `entries must have contiguous ascending seq numbers (entry ${i} has seq ${e.seq} after ${request.entries[i - 1]!.seq})`,
      );
    }
  });
  return storage.transaction(() => {
    const device = storage.getDevice(who.device.id);
    if (!device || device.revokedAt) throw new HttpError('unauthorized', 'device revoked');
    const hqTime = new Date().toISOString();
    const ctx: ApplyContext = {
      storage,
      who,
      scope: readScope(storage, who),
      hqTime,
      onRevision: hooks.onRevision,
      actor: {
        deviceId: device.id,
        personId: who.person.id,
        name: who.person.name,
        role: who.person.role,
        office: who.office.name,
        hqTime,
      },
    };
    let last = device.lastSeq;
    const results: PushResponse['results'] = [];
    for (const entry of request.entries) {
      if (entry.seq <= last) {
        const stored = storage.getPushResult(device.id, entry.seq);
        if (!stored) throw new Error(`stored result for seq ${entry.seq} missing`);
        results.push({ ...stored, replayed: true });
        continue;
      }
      if (entry.seq !== last + 1)
        throw new HttpError('seq_gap', `expected seq ${last + 1}, got ${entry.seq}`, { expectedSeq: last + 1 });
      const result = applyEntry(ctx, entry);
      storage.insertPushResult(device.id, entry.seq, result);
      results.push(result);
      last = entry.seq;
    }
    if (last !== device.lastSeq) storage.setDeviceLastSeq(device.id, last);
    return { results, nextSeq: last + 1 };
  });
}
