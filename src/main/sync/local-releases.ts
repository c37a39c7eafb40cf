import type { ReleaseFields, Status, SyncState } from '../../shared/domain/release';
import type { WireFields } from '../../shared/sync/protocol';
import { type Db, getRow, outboxUpto, releaseSyncView, rowFields, setSyncState } from '../store';

/** A local release as sync compares it with HQ: the wire form of its fields plus its states. */
export interface LocalRelease {
  id: string;
  fields: WireFields;
  status: Status;
  deleted: boolean;
  localRev: number;
  syncState: SyncState;
}

/** Domain fields → wire snapshot (the wire form is strict: every key present, nothing extra). */
export function toWire(f: ReleaseFields): WireFields {
  return {
    title: f.title,
    slug: f.slug,
    dateline: f.dateline,
    date: f.date,
    category: f.category,
    tags: [...f.tags],
    summary: f.summary,
    byline: f.byline,
    office: f.office,
    leadImage: f.leadImage
      ? {
          attachment: f.leadImage.attachment,
          caption: f.leadImage.caption ?? '',
          credit: f.leadImage.credit ?? '',
          alt: f.leadImage.alt ?? '',
        }
      : null,
    body: f.body,
    number: f.number,
    contact: { name: f.contact.name, role: f.contact.role, phone: f.contact.phone },
  };
}

/** Deleted ones too: sync must tell HQ about local deletes. */
export function readLocal(db: Db, id: string): LocalRelease | null {
  const row = getRow(db, id, true);
  if (!row) return null;
  return {
    id: row.id,
    fields: toWire(rowFields(row)),
    status: row.status as Status,
    deleted: row.deleted_at !== null,
    localRev: row.local_rev,
    syncState: row.sync_state as SyncState,
  };
}

/** Local work HQ has not seen yet. */
export const hasOutbox = (db: Db, id: string): boolean => outboxUpto(db, id) !== null;

/** After HQ answered: terkirim unless more local edits are waiting. */
export function settleState(db: Db, id: string): void {
  const local = releaseSyncView(db, id);
  if (!local || local.syncState === 'konflik' || local.syncState === 'ditolak') return;
  setSyncState(db, id, hasOutbox(db, id) ? 'belum_terkirim' : 'terkirim');
}
