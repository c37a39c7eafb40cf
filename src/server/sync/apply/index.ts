/**
 * Applying a push batch: authorization, seq bookkeeping, revisions and merges, all inside
 * ONE storage transaction — a batch is stored whole or not at all, whatever interrupts it.
 * Replayed seqs answer with the result stored the first time.
 */
import type { EntryResult, PushEntry, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import { HttpError } from '../../http-errors';
import type { DeviceIdentity, HqStorage } from '../../storage/types';
import { inScope, mayWriteRelease, readScope } from '../scope';
import { applyAnnotation } from './annotations';
import type { ApplyContext } from './context';
import { applyOfficeTemplate } from './office-templates';
import { applyDelete, applyUpsert } from './release-edits';
import { applyTransition } from './transitions';

function authorize(ctx: ApplyContext, entry: PushEntry): void {
  // An office template is always the device's own office's (its id names no release).
  const head = entry.kind === 'office.template' ? null : ctx.storage.getReleaseHead(entry.releaseId);
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
    case 'office.template':
      return applyOfficeTemplate(ctx, entry);
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
  hooks: { onRevision?: ApplyContext['onRevision']; now?: (() => Date) | undefined } = {},
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
    const hqTime = (hooks.now?.() ?? new Date()).toISOString();
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
