import type { SyncRunSummary } from '../../../shared/contract/sync';
import type { ReleaseChange } from '../../../shared/sync/protocol';
import { type Db, deleteFromHq, writeFromHq } from '../../store';
import { emptyBase } from '../conflicts';
import { hasOutbox, readLocal } from '../local-releases';
import { mergeIntoLocal } from '../merge-into-local';
import { getBase, setBase } from '../tables/base';
import { getConflict } from '../tables/conflicts';
import { hqRevisionsOf, recordHqRevision } from '../tables/hq-revisions';
import { addLog } from '../tables/log';

/** One release change from HQ's log, inside the page's transaction. Local work HQ has not seen is never lost. */
export function applyReleaseChange(db: Db, c: ReleaseChange, summary: SyncRunSummary): void {
  const id = c.releaseId;
  recordHqRevision(db, {
    releaseId: id,
    hqRev: c.revision,
    event: c.event,
    author: c.by.name,
    hqTime: c.by.hqTime,
    deleted: c.deleted,
    status: c.status,
    fields: c.fields,
  });
  const base = getBase(db, id);
  const conflict = getConflict(db, id);
  if (base && c.revision <= base.hqRev && !conflict) return; // already have it (our own push, or a replayed page)
  if (conflict && c.revision <= conflict.theirsRev) return;
  const local = readLocal(db, id);
  // A copy kept after HQ deleted the release holds work HQ never took: when HQ brings the
  // release back (a restore from the trash), merge that work in rather than overwrite it.
  const keptAfterDelete = !!local && !local.deleted && base?.deleted === true && local.syncState === 'ditolak';
  const unsent = hasOutbox(db, id) || !!conflict || keptAfterDelete;
  summary.pulled++;

  if (c.deleted || !c.fields) {
    setBase(db, id, { hqRev: c.revision, deleted: true, fields: null, status: c.status });
    if (!local || local.deleted) return;
    if (unsent) {
      // Never delete work HQ has not seen: keep it; the next push tells the writer it was deleted at HQ.
      addLog(db, 'warn', 'syncLog.deletedAtHqUnsent', {}, id);
      return;
    }
    deleteFromHq(db, id);
    addLog(db, 'info', 'syncLog.deletedAtHqBy', { name: c.by.name }, id);
    return;
  }

  if (!local || (local.deleted && !unsent) || !unsent) {
    writeFromHq(db, id, c.fields, { status: c.status, author: c.by.name, syncState: 'terkirim' });
    setBase(db, id, { hqRev: c.revision, deleted: false, fields: c.fields, status: c.status });
    return;
  }
  if (local.deleted) {
    // Deleted here, not yet pushed, edited at HQ: the push will say; keep HQ's text as the base.
    setBase(db, id, { hqRev: c.revision, deleted: false, fields: c.fields, status: c.status });
    return;
  }
  // A kept copy was written on the last text HQ had before the delete: that is its base.
  const keptBase = keptAfterDelete
    ? (hqRevisionsOf(db, id).find((r) => r.hqRev < c.revision && !r.deleted && r.fields)?.fields ?? null)
    : null;
  const baseFields = conflict?.baseFields ?? keptBase ?? base?.fields ?? emptyBase(c.fields);
  mergeIntoLocal(
    db,
    id,
    baseFields,
    { fields: c.fields, rev: c.revision, author: c.by.name, status: c.status },
    summary,
  );
}
