import type { Status } from '../../../shared/domain/release';
import type { WireFields } from '../../../shared/sync/protocol';
import { prepareCached } from '../../../node/db/statement-cache';
import type { Db } from '../../store';
import { withFieldDefaults } from '../../../shared/domain/release';
import { fieldsJson } from './fields-json';

/** sync_base: per release, the last revision both this workstation and HQ have (the merge base). */
export interface BaseRow {
  hqRev: number;
  deleted: boolean;
  fields: WireFields | null;
  status: Status | null;
}

export function getBase(db: Db, releaseId: string): BaseRow | null {
  const row = prepareCached<
    [string],
    { hq_rev: number; deleted: number; fields: string | null; status: string | null }
  >(db, 'SELECT hq_rev, deleted, fields, status FROM sync_base WHERE release_id = ?').get(releaseId);
  if (!row) return null;
  return {
    hqRev: row.hq_rev,
    deleted: row.deleted === 1,
    fields: row.fields ? withFieldDefaults(JSON.parse(row.fields) as WireFields) : null,
    status: (row.status as Status | null) ?? null,
  };
}

/** Moves the base forward only: an older revision arriving late (a replay, a reordered page) never rewinds it. */
export function setBase(db: Db, releaseId: string, base: BaseRow): void {
  prepareCached(
    db,
    `INSERT INTO sync_base (release_id, hq_rev, deleted, fields, status) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET hq_rev = excluded.hq_rev, deleted = excluded.deleted,
       fields = excluded.fields, status = excluded.status
     WHERE excluded.hq_rev >= sync_base.hq_rev`,
  ).run(releaseId, base.hqRev, base.deleted ? 1 : 0, base.fields ? fieldsJson(base.fields) : null, base.status);
}
