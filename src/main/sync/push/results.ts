import type { SyncRunSummary } from '../../../shared/contract/sync';
import type { Status } from '../../../shared/domain/release';
import { jsonEqual } from '../../../shared/sync/merge';
import type { EntryResult } from '../../../shared/sync/protocol';
import {
  releaseSyncView,
  setNumberFromHq,
  setSyncState,
  trimReleaseOutbox,
  undeleteFromHq,
  writeFromHq,
} from '../../store';
import { emptyBase } from '../conflicts';
import { hasOutbox, readLocal, settleState } from '../local-releases';
import { mergeIntoLocal } from '../merge-into-local';
import type { EngineContext } from '../run-context';
import { getBase, setBase } from '../tables/base';
import { recordHqRevision } from '../tables/hq-revisions';
import { addLog } from '../tables/log';
import { dequeuePush, type PushRow } from '../tables/push-queue';
import { clearResolved } from '../tables/resolved';
import { forgetUploaded } from '../tables/uploaded';
import { toEntry } from './queue';

/** Applies HQ's answer for one sent entry; runs inside the transaction that applies the batch. */
export function applyResult(ctx: EngineContext, p: PushRow, r: EntryResult, summary: SyncRunSummary): void {
  const { db } = ctx;
  const id = p.releaseId;
  dequeuePush(db, p.seq);
  if (p.owner !== 'release') {
    ctx.extensions?.find((e) => e.owner === p.owner)?.onResult(db, p.ref ?? '', toEntry(p), r);
    return;
  }
  switch (r.status) {
    case 'accepted': {
      const deleted = p.kind === 'release.delete';
      // Status and tombstone only: the text sent is `p.payload`, so the body need not be read.
      const local = releaseSyncView(db, id);
      const status: Status = local?.status ?? 'draf';
      // HQ gives release numbers: the stored revision carries its number, not the one sent.
      const sent = r.number !== undefined && p.payload ? { ...p.payload, number: r.number } : p.payload;
      if (r.number !== undefined && local && !local.deleted) setNumberFromHq(db, id, r.number);
      setBase(db, id, { hqRev: r.revision, deleted, fields: deleted ? null : sent, status });
      recordHqRevision(db, {
        releaseId: id,
        hqRev: r.revision,
        event: deleted ? 'deleted' : p.kind === 'release.resolve' ? 'resolved' : p.baseRev === 0 ? 'created' : 'edited',
        author: ctx.selfName,
        hqTime: null,
        deleted,
        status,
        fields: deleted ? null : sent,
      });
      clearResolved(db, id);
      trimReleaseOutbox(db, id, p.outboxUpto);
      if (local && !local.deleted) setSyncState(db, id, 'terkirim');
      settleState(db, id);
      summary.pushed++;
      return;
    }
    case 'merged': {
      const local = readLocal(db, id);
      const status: Status = local?.status ?? 'draf';
      setBase(db, id, { hqRev: r.revision, deleted: false, fields: r.fields, status });
      recordHqRevision(db, {
        releaseId: id,
        hqRev: r.revision,
        event: 'merged',
        author: ctx.selfName,
        hqTime: null,
        deleted: false,
        status,
        fields: r.fields,
      });
      clearResolved(db, id);
      trimReleaseOutbox(db, id, p.outboxUpto);
      summary.pushed++;
      if (!local || local.deleted) return;
      if (p.payload && jsonEqual(local.fields, p.payload)) {
        writeFromHq(db, id, r.fields, {
          status,
          author: 'Server pusat (gabungan)',
          syncState: hasOutbox(db, id) ? 'belum_terkirim' : 'terkirim',
        });
        return;
      }
      // The writer kept typing while the batch travelled: fold HQ's merge into that.
      mergeIntoLocal(
        db,
        id,
        p.payload ?? r.fields,
        { fields: r.fields, rev: r.revision, author: 'Server pusat (gabungan)', status },
        summary,
      );
      return;
    }
    case 'conflict': {
      trimReleaseOutbox(db, id, p.outboxUpto);
      const local = readLocal(db, id);
      // `deleted` is set both when HQ deleted what we edited (head null) and when we deleted
      // what HQ edited (head present): only the first means the release is gone at HQ.
      if (!r.head) {
        setBase(db, id, { hqRev: r.headRevision, deleted: true, fields: null, status: null });
        if (local && !local.deleted) {
          setSyncState(
            db,
            id,
            'ditolak',
            'Rilis ini sudah dihapus di server pusat. Salinan di komputer ini tetap disimpan.',
          );
          addLog(db, 'warn', 'syncLog.deletedAtHqKept', {}, id);
        }
        summary.rejected++;
        return;
      }
      if (!local || local.deleted || p.kind === 'release.delete') {
        // We deleted it, HQ edited it meanwhile: bring HQ's text back rather than lose it.
        writeFromHq(db, id, r.head, { status: local?.status ?? 'draf', author: 'Server pusat', syncState: 'terkirim' });
        setBase(db, id, { hqRev: r.headRevision, deleted: false, fields: r.head, status: local?.status ?? 'draf' });
        addLog(db, 'warn', 'syncLog.deletedHereChangedAtHq', {}, id);
        return;
      }
      const base = getBase(db, id);
      const baseFields = base?.fields ?? emptyBase(r.head);
      mergeIntoLocal(
        db,
        id,
        baseFields,
        { fields: r.head, rev: r.headRevision, author: 'Server pusat', status: base?.status ?? local.status },
        summary,
      );
      return;
    }
    case 'rejected': {
      if (r.reason === 'missing_attachment') {
        // Upload again and resend: keep the outbox rows so the next round picks the release up.
        for (const sha of r.missing ?? []) forgetUploaded(db, sha);
        addLog(db, 'warn', 'syncLog.attachmentResent', { detail: r.message }, id);
        return;
      }
      trimReleaseOutbox(db, id, p.outboxUpto);
      if (r.reason === 'published' && p.kind === 'release.delete') {
        // Public at HQ (published meanwhile, or a stale status here): it is not deleted anywhere.
        undeleteFromHq(db, id);
        settleState(db, id);
        addLog(db, 'warn', 'syncLog.deleteRefusedPublic', {}, id);
        summary.rejected++;
        return;
      }
      setSyncState(db, id, 'ditolak', r.message);
      addLog(db, 'error', 'syncLog.rejectedBecause', { code: r.reason, detail: r.message }, id);
      summary.rejected++;
      return;
    }
  }
}
