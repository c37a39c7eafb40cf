import type { SyncRunSummary } from '../../shared/contract/sync';
import type { Status } from '../../shared/domain/release';
import { jsonEqual, mergeFields } from '../../shared/sync/merge';
import type { WireFields } from '../../shared/sync/protocol';
import { appendOutbox, type Db, setSyncState, trimReleaseOutbox, writeFromHq } from '../store';
import { hasOutbox, readLocal } from './local-releases';
import { setBase } from './tables/base';
import { deleteConflict, getConflict, saveConflict } from './tables/conflicts';
import { addLog } from './tables/log';

export interface TheirVersion {
  fields: WireFields;
  rev: number;
  author: string;
  status: Status;
}

/**
 * Remote text meets local unsent edits: three-way merge against the last revision both had.
 * Clean → store the merge (it still travels to HQ); clash → a conflict record, local text untouched.
 */
export function mergeIntoLocal(
  db: Db,
  id: string,
  baseFields: WireFields,
  theirs: TheirVersion,
  summary: SyncRunSummary,
): void {
  const local = readLocal(db, id)!;
  const merge = mergeFields(baseFields, local.fields, theirs.fields);
  if (merge.clean) {
    deleteConflict(db, id);
    if (!jsonEqual(merge.fields, local.fields)) {
      writeFromHq(db, id, merge.fields, { status: theirs.status, author: theirs.author, syncState: 'belum_terkirim' });
    }
    setBase(db, id, { hqRev: theirs.rev, deleted: false, fields: theirs.fields, status: theirs.status });
    if (jsonEqual(merge.fields, theirs.fields)) {
      trimReleaseOutbox(db, id);
      setSyncState(db, id, 'terkirim');
    } else if (!hasOutbox(db, id)) {
      appendOutbox(db, id, 'save', readLocal(db, id)!.localRev);
      setSyncState(db, id, 'belum_terkirim');
    }
    return;
  }
  const existing = getConflict(db, id);
  saveConflict(db, {
    releaseId: id,
    theirsRev: theirs.rev,
    theirsAuthor: theirs.author,
    theirsFields: theirs.fields,
    theirsStatus: theirs.status,
    // Keep the original common base if the conflict was already open: it is still the last shared revision.
    baseFields: existing?.baseFields ?? baseFields,
    blocks: merge.conflictBlocks,
    fields: merge.conflictFields,
  });
  setSyncState(
    db,
    id,
    'konflik',
    `Bentrok dengan perubahan dari server pusat (${merge.conflictBlocks.length} blok, ${merge.conflictFields.length} isian)`,
  );
  if (!existing) {
    summary.conflicts++;
    const counts = { blocks: merge.conflictBlocks.length, fields: merge.conflictFields.length };
    addLog(db, 'warn', 'syncLog.conflict', counts, id);
  }
}
