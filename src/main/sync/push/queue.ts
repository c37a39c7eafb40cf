import { jsonEqual } from '../../../shared/sync/merge';
import type { PushEntry } from '../../../shared/sync/protocol';
import { type Db, releasesInOutbox, trimReleaseOutbox } from '../../store';
import { readLocal, settleState } from '../local-releases';
import { getBase } from '../tables/base';
import { deleteConflict, getConflict } from '../tables/conflicts';
import { META, getMeta, setMeta } from '../tables/meta';
import {
  queueExtensionEntry,
  queueReleaseEdit,
  releasesWithQueuedEdit,
  renumberPushes,
  type PushRow,
} from '../tables/push-queue';
import { resolvedHead } from '../tables/resolved';
import type { PushExtension } from './extension';

/**
 * Turns outbox rows into seq-numbered push entries, committed before anything is sent.
 * At most one entry per release is in flight: the next edit is pushed from the revision HQ
 * answered with, so it never conflicts with the writer's own previous save.
 */
export function assignPushes(db: Db, extensions: readonly PushExtension[] = []): number {
  return db.transaction(() => {
    let next = Number(getMeta(db, META.nextSeq) ?? '1');
    const inFlight = releasesWithQueuedEdit(db);
    const candidates = releasesInOutbox(db).filter((c) => !inFlight.has(c.releaseId));
    let assigned = 0;
    for (const { releaseId: id, upto } of candidates) {
      const local = readLocal(db, id);
      const base = getBase(db, id);
      const resolved = resolvedHead(db, id);
      if (!local) {
        trimReleaseOutbox(db, id, upto);
        continue;
      }
      if (getConflict(db, id)) {
        // An open conflict waits for the writer; deleting the release settles it as a delete.
        if (!local.deleted) continue;
        deleteConflict(db, id);
      }
      if (local.deleted) {
        if (!base || base.deleted) {
          // Never reached HQ, or HQ deleted it too: nothing to tell.
          trimReleaseOutbox(db, id, upto);
          continue;
        }
        queueReleaseEdit(db, {
          seq: next++,
          releaseId: id,
          kind: 'release.delete',
          baseRev: base.hqRev,
          payload: null,
          outboxUpto: upto,
        });
        assigned++;
        continue;
      }
      if (resolved === null && base && !base.deleted && base.fields && jsonEqual(base.fields, local.fields)) {
        // The text equals what HQ holds (e.g. an undo back to it): nothing to send.
        trimReleaseOutbox(db, id, upto);
        settleState(db, id);
        continue;
      }
      queueReleaseEdit(db, {
        seq: next++,
        releaseId: id,
        kind: resolved !== null ? 'release.resolve' : 'release.upsert',
        baseRev: resolved ?? base?.hqRev ?? 0,
        payload: local.fields,
        outboxUpto: upto,
      });
      assigned++;
    }
    for (const ext of extensions) {
      for (const item of ext.collect(db)) {
        queueExtensionEntry(db, {
          seq: next++,
          releaseId: item.releaseId,
          owner: ext.owner,
          ref: item.ref,
          entry: item.entry,
        });
        assigned++;
      }
    }
    setMeta(db, META.nextSeq, String(next));
    return assigned;
  })();
}

/** Gives pending entries consecutive seqs from `start` (HQ has applied nothing at or above it). */
export function renumberFrom(db: Db, start: number, rows: readonly PushRow[]): void {
  db.transaction(() => {
    setMeta(db, META.nextSeq, String(renumberPushes(db, start, rows)));
  })();
}

export const toEntry = (p: PushRow): PushEntry => {
  if (p.owner !== 'release') return { ...p.entry, seq: p.seq } as PushEntry;
  if (p.kind === 'release.delete')
    return { seq: p.seq, kind: 'release.delete', releaseId: p.releaseId, baseRevision: p.baseRev };
  const kind = p.kind === 'release.resolve' ? 'release.resolve' : 'release.upsert';
  return { seq: p.seq, kind, releaseId: p.releaseId, baseRevision: p.baseRev, fields: p.payload! };
};
