import type { SyncRunSummary } from '../../../shared/contract/sync';
import { MAX_PUSH_BYTES, MAX_PUSH_ENTRIES } from '../../../shared/sync/protocol';
import { setSyncState, trimReleaseOutbox } from '../../store';
import { HqError } from '../hq-client';
import type { EngineContext } from '../run-context';
import { addLog } from '../tables/log';
import { dequeuePush, pendingPushes, type PushRow } from '../tables/push-queue';
import { assignPushes, renumberFrom, toEntry } from './queue';
import { applyResult } from './results';
import { uploadAttachments } from './upload-attachments';

/**
 * The next batch from the front of the queue, within the protocol's count and byte caps, with
 * each entry's JSON: measuring a batch serialises it, and that text is what is sent.
 */
function takeBatch(queue: PushRow[], maxCount: number): { rows: PushRow[]; entries: string[] } {
  const rows: PushRow[] = [];
  const entries: string[] = [];
  let bytes = 200;
  for (const p of queue) {
    if (rows.length >= maxCount) break;
    const json = JSON.stringify(toEntry(p));
    if (rows.length > 0 && bytes + json.length + 1 > MAX_PUSH_BYTES * 0.9) break;
    rows.push(p);
    entries.push(json);
    bytes += json.length + 1;
  }
  return { rows, entries };
}

/** HQ refused one entry as a whole request: it leaves the queue, and the seq gap it leaves is closed. */
function dropRefused(ctx: EngineContext, culprit: PushRow, message: string): void {
  const { db } = ctx;
  db.transaction(() => {
    dequeuePush(db, culprit.seq);
    if (culprit.owner !== 'release') {
      ctx.extensions
        ?.find((e) => e.owner === culprit.owner)
        ?.onRefused(db, culprit.ref ?? '', toEntry(culprit), message);
    } else {
      trimReleaseOutbox(db, culprit.releaseId, culprit.outboxUpto);
      setSyncState(db, culprit.releaseId, 'ditolak', message);
      addLog(db, 'error', 'syncLog.rejected', { detail: message }, culprit.releaseId);
    }
    renumberFrom(
      db,
      culprit.seq,
      pendingPushes(db).filter((r) => r.seq > culprit.seq),
    );
  })();
}

/**
 * Sends the queue in batches, committing HQ's answers batch by batch. A 4xx for a whole batch
 * changed nothing at HQ: the batch is halved until the one entry HQ refuses is found and dropped.
 */
export async function push(ctx: EngineContext, summary: SyncRunSummary): Promise<void> {
  const { db } = ctx;
  let batchSize = Math.min(ctx.batchSize ?? MAX_PUSH_ENTRIES, MAX_PUSH_ENTRIES);
  // Edits made while a sync runs are picked up by the next round; the cap keeps a writer who
  // never stops typing from holding the sync in push forever.
  for (let round = 0; round < 8; round++) {
    assignPushes(db, ctx.extensions ?? []);
    const pending = pendingPushes(db);
    if (pending.length === 0) return;
    await uploadAttachments(ctx, pending, summary);
    const total = pending.length;
    ctx.progress('push', 0, total);
    let queue = pending;
    while (queue.length > 0) {
      const { rows: batch, entries } = takeBatch(queue, batchSize);
      try {
        const res = await ctx.client.pushSerialized(ctx.deviceId, entries);
        const bySeq = new Map(res.results.map((r) => [r.seq, r]));
        db.transaction(() => {
          for (const p of batch) {
            const r = bySeq.get(p.seq);
            if (r && r.releaseId === p.releaseId) applyResult(ctx, p, r, summary);
          }
        })();
        // An entry HQ did not answer stays queued and goes out again next round.
        queue = queue.slice(batch.length);
      } catch (error) {
        if (!(error instanceof HqError) || error.kind !== 'http') throw error;
        if (error.code === 'seq_gap' && error.body?.expectedSeq) {
          const expected = error.body.expectedSeq;
          const rows = pendingPushes(db);
          if (rows[0] && rows[0].seq > expected) {
            addLog(db, 'warn', 'syncLog.seqAdjusted', { from: expected });
            renumberFrom(db, expected, rows);
          } else throw error;
        } else if (error.status === 413 && batch.length > 1) {
          batchSize = Math.max(1, Math.floor(batch.length / 2));
        } else if ((error.status === 400 || error.status === 403) && batch.length > 1 && !error.body?.seq) {
          batchSize = Math.max(1, Math.floor(batch.length / 2));
        } else if (error.status === 400 || error.status === 403 || error.status === 413) {
          dropRefused(ctx, batch.find((p) => p.seq === error.body?.seq) ?? batch[0]!, error.message);
          summary.rejected++;
        } else throw error;
        queue = pendingPushes(db);
      }
      ctx.progress('push', Math.max(0, total - queue.length), total);
    }
  }
}
