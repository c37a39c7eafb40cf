import type { PushExtension, QueuedEntry } from '../sync';
import { addLog } from '../sync';
import { deleteTemplateOutbox, markTemplateQueued, readTemplateOutbox } from './tables/outbox';

/**
 * Saved office templates travel in the sync engine's push queue (one seq counter, resends get
 * HQ's stored answer) as `office.template` entries; HQ adds them to the office's profile, which
 * every workstation of the office receives at its next sync.
 */
export const templatePushExtension: PushExtension = {
  owner: 'templates',
  collect(db) {
    const out: { releaseId: string; ref: string; entry: QueuedEntry }[] = [];
    for (const row of readTemplateOutbox(db)) {
      if (row.queued) continue;
      markTemplateQueued(db, row.id);
      out.push({
        releaseId: row.id,
        ref: row.id,
        entry: { kind: 'office.template', releaseId: row.id, baseRevision: 0, template: row.template },
      });
    }
    return out;
  },
  onResult(db, ref, _entry, result) {
    deleteTemplateOutbox(db, ref);
    if (result.status === 'rejected')
      addLog(db, 'error', 'syncLog.rejectedBecause', { code: result.reason, detail: result.message });
  },
  onRefused(db, ref, _entry, message) {
    deleteTemplateOutbox(db, ref);
    addLog(db, 'error', 'syncLog.rejectedBecause', { code: 'invalid_content', detail: message });
  },
};
