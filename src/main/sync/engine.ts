import type { SyncRunSummary } from '../../shared/contract/sync';
import { nowIso } from '../store';
import { reassertConflictStates } from './conflicts';
import { HqError } from './hq-client';
import { saveOfficeProfile } from './office-profile';
import { sendOfficeWords } from './office-words';
import { pull } from './pull/pull';
import { push } from './push/batches';
import type { EngineContext, RunOutcome } from './run-context';
import { META, setMeta } from './tables/meta';
import { pendingPushes } from './tables/push-queue';

/**
 * One sync run: push (attachments first, then the queue in seq-numbered batches), then pull
 * the change log page by page. Every step commits before the next network call, so a run cut
 * short anywhere (dropped link, killed process, HQ restart) resumes without loss or
 * duplication: unanswered pushes are resent with the same seq (HQ replays its stored answer),
 * and the pull cursor only moves in the transaction that applied the page.
 * Throws HqError when the link or HQ fails; everything done so far stays done.
 */
export async function runSync(ctx: EngineContext): Promise<RunOutcome> {
  const summary: SyncRunSummary = { pushed: 0, uploaded: 0, pulled: 0, conflicts: 0, rejected: 0 };
  // Before 'me', so the office's profile that comes back already carries these words.
  await sendOfficeWords(ctx.db, ctx.client);
  const me = await ctx.client.me();
  if (me.deviceId !== ctx.deviceId) throw new HqError('http', 'Token perangkat tidak cocok dengan perangkat ini', 401);
  if (me.office) saveOfficeProfile(ctx.db, me.office);
  // With nothing in flight, HQ's expectation is the truth (e.g. after restoring a backup).
  if (pendingPushes(ctx.db).length === 0) setMeta(ctx.db, META.nextSeq, String(me.nextSeq));
  await push(ctx, summary);
  const needsConfirmation = await pull(ctx, summary, me.headCursor);
  reassertConflictStates(ctx.db);
  if (!needsConfirmation) setMeta(ctx.db, META.lastSyncAt, nowIso());
  ctx.progress('idle', 0, 0);
  return { summary, needsConfirmation };
}
