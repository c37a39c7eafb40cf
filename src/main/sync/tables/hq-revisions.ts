import type { Status } from '../../../shared/domain/release';
import type { WireFields } from '../../../shared/sync/protocol';
import { prepareCached } from '../../../node/db/statement-cache';
import type { Db } from '../../store';
import { withFieldDefaults } from '../../../shared/domain/release';
import { fieldsJson } from './fields-json';

/** sync_hq_revisions: HQ's history of each release as this workstation has seen it. */
export interface HqRevisionRecord {
  releaseId: string;
  hqRev: number;
  event: string;
  author: string;
  hqTime: string | null;
  deleted: boolean;
  status: Status | null;
  fields: WireFields | null;
}

/** Each HQ revision is kept once, however many times it arrives (push answer, pull, replay). */
export function recordHqRevision(db: Db, r: HqRevisionRecord): void {
  // A revision that came back (our own push, pulled again) is not serialised a second time.
  const known = prepareCached<[string, number], { one: number }>(
    db,
    'SELECT 1 AS one FROM sync_hq_revisions WHERE release_id = ? AND hq_rev = ?',
  ).get(r.releaseId, r.hqRev);
  if (known) return;
  prepareCached(
    db,
    `INSERT OR IGNORE INTO sync_hq_revisions (release_id, hq_rev, event, author, hq_time, deleted, status, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.releaseId,
    r.hqRev,
    r.event,
    r.author,
    r.hqTime,
    r.deleted ? 1 : 0,
    r.status,
    r.fields ? fieldsJson(r.fields) : null,
  );
}

/** The text of HQ's newest approving (or publishing) transition of a release. */
export function latestHqApproval(db: Db, releaseId: string): { hqRev: number; fields: WireFields | null } | null {
  const row = prepareCached<[string], { hq_rev: number; fields: string | null }>(
    db,
    `SELECT hq_rev, fields FROM sync_hq_revisions WHERE release_id = ? AND event = 'transition'
       AND status IN ('disetujui', 'terbit', 'dikoreksi') ORDER BY hq_rev DESC LIMIT 1`,
  ).get(releaseId);
  return row
    ? { hqRev: row.hq_rev, fields: row.fields ? withFieldDefaults(JSON.parse(row.fields) as WireFields) : null }
    : null;
}

export interface HqRevisionStep {
  hqRev: number;
  event: string;
  author: string;
  hqTime: string | null;
  status: Status | null;
}

/** Every HQ revision of a release, oldest first, without the text. */
export function hqRevisionSteps(db: Db, releaseId: string): HqRevisionStep[] {
  return prepareCached<[string], HqRevisionStep>(
    db,
    `SELECT hq_rev AS hqRev, event, author, hq_time AS hqTime, status FROM sync_hq_revisions
     WHERE release_id = ? ORDER BY hq_rev`,
  ).all(releaseId);
}

/** Every HQ revision of a release this workstation has seen, newest first, with the text. */
export function hqRevisionsOf(db: Db, releaseId: string): HqRevisionRecord[] {
  return prepareCached<
    [string],
    {
      hq_rev: number;
      event: string;
      author: string;
      hq_time: string | null;
      deleted: number;
      status: string | null;
      fields: string | null;
    }
  >(
    db,
    `SELECT hq_rev, event, author, hq_time, deleted, status, fields FROM sync_hq_revisions
     WHERE release_id = ? ORDER BY hq_rev DESC`,
  )
    .all(releaseId)
    .map((r) => ({
      releaseId,
      hqRev: r.hq_rev,
      event: r.event,
      author: r.author,
      hqTime: r.hq_time,
      deleted: r.deleted === 1,
      status: (r.status as Status | null) ?? null,
      fields: r.fields ? withFieldDefaults(JSON.parse(r.fields) as WireFields) : null,
    }));
}
