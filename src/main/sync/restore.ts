import { z } from 'zod';
import { jsonEqual } from '../../shared/sync/merge';
import { createSettings, type Db, releasesInOutbox } from '../store';
import { readLocal } from './local-releases';
import { getBase, setBase } from './tables/base';
import { hqRevisionsOf, recordHqRevision } from './tables/hq-revisions';
import { META, getMeta, setMeta } from './tables/meta';
import { dequeuePush, pendingPushes, renumberPushes } from './tables/push-queue';

/** Who this workstation is at HQ: follows the live file, never the backup (the token does too). */
const IDENTITY_KEYS = ['identity', 'hqUrl'] as const;

/**
 * Makes a restored (older) database safe to sync, reading the live database it replaces.
 *
 * - The sync identity (enrolled person, HQ address, the device the seqs belong to) is the
 *   live one: the device token is not in the file, so a backup's identity could be stale.
 * - The seq counter never goes backwards: HQ answers a seq it has seen from its stored
 *   result, so reusing one for other content would be silently wrong.
 * - The backup's push queue had seqs HQ may have applied since. Release entries leave the
 *   queue (their outbox rows are still there, so the next sync queues them afresh from the
 *   current base); other features' entries keep their place with fresh seqs.
 * - A release whose unsent text HQ has since accepted (sent from the live file after the
 *   backup) gets that HQ revision as its base, so the next push sees nothing to send
 *   instead of a conflict with itself.
 * - The pull cursor stays the backup's: the next pull brings everything HQ got since,
 *   including what this workstation itself pushed after the backup.
 */
export function adoptSyncState(restored: Db, live: Db): void {
  restored.transaction(() => {
    const from = createSettings(live);
    const to = createSettings(restored);
    for (const key of IDENTITY_KEYS) {
      const value = from.getRaw(key);
      if (value === undefined) to.delete(key);
      else to.set(key, value);
    }
    const liveDevice = getMeta(live, META.seqDevice);
    const sameDevice = liveDevice !== null && getMeta(restored, META.seqDevice) === liveDevice;
    const seq = (db: Db) =>
      z.coerce
        .number()
        .int()
        .positive()
        .catch(1)
        .parse(getMeta(db, META.nextSeq) ?? 1);
    let next = Math.max(seq(live), sameDevice ? seq(restored) : 1);
    if (liveDevice !== null) setMeta(restored, META.seqDevice, liveDevice);
    if (!sameDevice) setMeta(restored, META.cursor, '0');

    const queued = pendingPushes(restored);
    for (const p of queued) if (p.owner === 'release') dequeuePush(restored, p.seq);
    next = renumberPushes(
      restored,
      next,
      queued.filter((p) => p.owner !== 'release'),
    );
    setMeta(restored, META.nextSeq, String(next));

    for (const { releaseId } of releasesInOutbox(restored)) adoptAcceptedBase(restored, live, releaseId);
  })();
}

/** The newest HQ revision the live file saw whose text is the restored file's unsent text. */
function adoptAcceptedBase(restored: Db, live: Db, releaseId: string): void {
  const local = readLocal(restored, releaseId);
  if (!local) return;
  const base = getBase(restored, releaseId);
  const match = hqRevisionsOf(live, releaseId).find((r) =>
    local.deleted ? r.deleted : !r.deleted && r.fields !== null && jsonEqual(r.fields, local.fields),
  );
  if (!match || (base && base.hqRev >= match.hqRev)) return;
  recordHqRevision(restored, match);
  setBase(restored, releaseId, {
    hqRev: match.hqRev,
    deleted: match.deleted,
    fields: match.fields,
    status: match.status,
  });
}
