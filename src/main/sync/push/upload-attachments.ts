import type { SyncRunSummary } from '../../../shared/contract/sync';
import { referencedAttachments } from '../../../shared/sync/protocol';
import type { EngineContext } from '../run-context';
import { addLog } from '../tables/log';
import type { PushRow } from '../tables/push-queue';
import { isUploaded, markUploaded } from '../tables/uploaded';

/** Uploads every attachment the pending entries reference that HQ is not known to hold. */
export async function uploadAttachments(
  ctx: EngineContext,
  pending: PushRow[],
  summary: SyncRunSummary,
): Promise<void> {
  const { db } = ctx;
  const needed = new Set<string>();
  for (const p of pending) if (p.payload) for (const sha of referencedAttachments(p.payload)) needed.add(sha);
  const todo = [...needed].filter((sha) => !isUploaded(db, sha));
  let done = 0;
  ctx.progress('upload', 0, todo.length);
  for (const sha of todo) {
    const bytes = ctx.attachments.read(sha);
    if (!bytes) {
      addLog(db, 'warn', 'syncLog.attachmentMissingHere', { sha: sha.slice(0, 12) });
    } else if (!(await ctx.client.hasAttachment(sha))) {
      await ctx.client.putAttachment(sha, bytes);
      summary.uploaded++;
    }
    if (bytes) markUploaded(db, sha);
    ctx.progress('upload', ++done, todo.length);
  }
}
