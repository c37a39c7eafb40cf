import type { SyncRunSummary } from '../../../shared/contract/sync';
import { referencedAttachments } from '../../../shared/sync/protocol';
import { countLiveReleases } from '../../store';
import { countDeletesAhead, deletesIn, isMassDelete, releaseChanges } from '../delete-guard';
import type { EngineContext, MassDeleteQuestion } from '../run-context';
import { addLog } from '../tables/log';
import { META, getMeta, setMeta } from '../tables/meta';
import { applyReleaseChange } from './apply-change';
import { pageSizer } from './page-size';

/**
 * Reads HQ's change log from the stored cursor, page by page. The cursor only moves in the
 * transaction that applied the page, so a run cut short resumes exactly where it stopped.
 * Returns the mass-delete question instead of deleting when the guard stops the pull.
 */
export async function pull(
  ctx: EngineContext,
  summary: SyncRunSummary,
  headCursor: number,
): Promise<MassDeleteQuestion> {
  const { db } = ctx;
  const size = pageSizer(ctx.pullLimit);
  const start = Number(getMeta(db, META.cursor) ?? '0');
  let cursor = start;
  const liveAtStart = countLiveReleases(db);
  let scanned = false;
  const span = Math.max(0, headCursor - start);
  ctx.progress('pull', 0, span);
  for (;;) {
    const limit = size.limit();
    const asked = performance.now();
    const page = await ctx.client.pull(cursor, limit);
    size.pageTook(performance.now() - asked, page.changes.length);
    const changes = releaseChanges(page);

    if (!ctx.confirmMassDelete && !scanned && deletesIn(db, changes).size > 0) {
      // The first page that deletes anything here looks ahead once; later pages don't ask again.
      scanned = true;
      const deletes = await countDeletesAhead(db, ctx.client, page, limit);
      if (isMassDelete(deletes, liveAtStart)) {
        addLog(db, 'warn', 'syncLog.massDeleteStopped', { deletes, total: liveAtStart });
        return { deletes, total: liveAtStart };
      }
    }

    // Attachments before the records that point to them.
    for (const c of changes) {
      if (!c.fields) continue;
      for (const sha of referencedAttachments(c.fields)) {
        if (!ctx.attachments.has(sha)) ctx.attachments.write(sha, await ctx.client.getAttachment(sha));
      }
    }

    db.transaction(() => {
      for (const c of page.changes) {
        if (c.type === 'release') {
          applyReleaseChange(db, c, summary);
          ctx.onReleaseChange?.(db, c);
        } else if (c.type === 'annotation') ctx.onAnnotation?.(db, c);
      }
      setMeta(db, META.cursor, String(page.nextCursor));
    })();
    cursor = page.nextCursor;
    ctx.progress('pull', Math.min(span, Math.max(0, cursor - start)), Math.max(span, cursor - start));
    if (!page.hasMore) return null;
  }
}
