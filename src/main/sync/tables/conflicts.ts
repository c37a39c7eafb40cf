import type { Status } from '../../../shared/domain/release';
import type { WireFields } from '../../../shared/sync/protocol';
import { type Db, nowIso } from '../../store';
import { prepareCached } from '../../../node/db/statement-cache';
import { withFieldDefaults } from '../../../shared/domain/release';

/** sync_conflicts: clashes waiting for the writer, one per release. */
export interface StoredConflict {
  releaseId: string;
  theirsRev: number;
  theirsAuthor: string;
  theirsFields: WireFields;
  theirsStatus: Status | null;
  baseFields: WireFields;
  blocks: string[];
  fields: string[];
  detectedAt: string;
}

export function saveConflict(db: Db, c: Omit<StoredConflict, 'detectedAt'>): void {
  prepareCached(
    db,
    `INSERT INTO sync_conflicts (release_id, theirs_rev, theirs_author, theirs_fields, theirs_status, base_fields, blocks, fields, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET theirs_rev = excluded.theirs_rev, theirs_author = excluded.theirs_author,
       theirs_fields = excluded.theirs_fields, theirs_status = excluded.theirs_status, base_fields = excluded.base_fields,
       blocks = excluded.blocks, fields = excluded.fields`,
  ).run(
    c.releaseId,
    c.theirsRev,
    c.theirsAuthor,
    JSON.stringify(c.theirsFields),
    c.theirsStatus,
    JSON.stringify(c.baseFields),
    JSON.stringify(c.blocks),
    JSON.stringify(c.fields),
    nowIso(),
  );
}

interface ConflictRow {
  release_id: string;
  theirs_rev: number;
  theirs_author: string;
  theirs_fields: string;
  theirs_status: string | null;
  base_fields: string;
  blocks: string;
  fields: string;
  detected_at: string;
}

const fromRow = (r: ConflictRow): StoredConflict => ({
  releaseId: r.release_id,
  theirsRev: r.theirs_rev,
  theirsAuthor: r.theirs_author,
  theirsFields: withFieldDefaults(JSON.parse(r.theirs_fields) as WireFields),
  theirsStatus: (r.theirs_status as Status | null) ?? null,
  baseFields: withFieldDefaults(JSON.parse(r.base_fields) as WireFields),
  blocks: JSON.parse(r.blocks) as string[],
  fields: JSON.parse(r.fields) as string[],
  detectedAt: r.detected_at,
});

export function getConflict(db: Db, releaseId: string): StoredConflict | null {
  const row = prepareCached<[string], ConflictRow>(db, 'SELECT * FROM sync_conflicts WHERE release_id = ?').get(
    releaseId,
  );
  return row ? fromRow(row) : null;
}

export function listStoredConflicts(db: Db): StoredConflict[] {
  return prepareCached<[], ConflictRow>(db, 'SELECT * FROM sync_conflicts ORDER BY detected_at').all().map(fromRow);
}

export function conflictedReleaseIds(db: Db): string[] {
  return prepareCached<[], { release_id: string }>(db, 'SELECT release_id FROM sync_conflicts')
    .all()
    .map((r) => r.release_id);
}

export function countConflicts(db: Db): number {
  return prepareCached<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM sync_conflicts').get()!.n;
}

export function deleteConflict(db: Db, releaseId: string): void {
  prepareCached(db, 'DELETE FROM sync_conflicts WHERE release_id = ?').run(releaseId);
}
