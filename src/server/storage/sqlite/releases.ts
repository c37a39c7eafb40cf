import { withFieldDefaults } from '../../../shared/domain/release';
import type { HqStorage, ReleaseHead, RevisionRow } from '../types';
import type { Query } from '../../../node/db/statement-cache';

/** Release heads and every stored revision; appending one also writes the change log. */
export type ReleaseRecords = Pick<
  HqStorage,
  'getReleaseHead' | 'getRevision' | 'listRevisions' | 'appendRevision' | 'releaseIdBySlug'
>;

interface RevisionDbRow {
  release_id: string;
  revision: number;
  office_id: string;
  deleted: number;
  fields: string | null;
  status: string;
  publish_at: string | null;
  event: string;
  from_status: string | null;
  note: string | null;
  actor: string;
  cursor: number;
}

const toRevision = (r: RevisionDbRow): RevisionRow => ({
  releaseId: r.release_id,
  officeId: r.office_id,
  revision: r.revision,
  deleted: r.deleted === 1,
  // Revisions stored before `number` and `contact` existed read with their defaults.
  fields: r.fields === null ? null : withFieldDefaults(JSON.parse(r.fields) as NonNullable<RevisionRow['fields']>),
  status: r.status as RevisionRow['status'],
  publishAt: r.publish_at,
  event: r.event as RevisionRow['event'],
  fromStatus: r.from_status as RevisionRow['fromStatus'],
  note: r.note,
  actor: JSON.parse(r.actor) as RevisionRow['actor'],
  cursor: r.cursor,
});

export function releaseRecords(q: Query): ReleaseRecords {
  const getRevision = (releaseId: string, revision: number): RevisionRow | null => {
    const r = q('SELECT * FROM revisions WHERE release_id = ? AND revision = ?').get(releaseId, revision) as
      RevisionDbRow | undefined;
    return r ? toRevision(r) : null;
  };

  return {
    getRevision,

    getReleaseHead(id) {
      const r = q('SELECT * FROM releases WHERE id = ?').get(id) as Record<string, unknown> | undefined;
      if (!r) return null;
      const rev = getRevision(id, r.revision as number);
      return {
        id,
        officeId: r.office_id as string,
        revision: r.revision as number,
        deleted: r.deleted === 1,
        fields: rev?.fields ?? null,
        status: r.status as ReleaseHead['status'],
        publishAt: (r.publish_at as string | null) ?? null,
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
      };
    },

    listRevisions(releaseId) {
      return (
        q('SELECT * FROM revisions WHERE release_id = ? ORDER BY revision').all(releaseId) as RevisionDbRow[]
      ).map(toRevision);
    },

    appendRevision(rev, createdAt) {
      const cursor = Number(
        q("INSERT INTO changes (type, office_id, release_id, revision) VALUES ('release', ?, ?, ?)").run(
          rev.officeId,
          rev.releaseId,
          rev.revision,
        ).lastInsertRowid,
      );
      q(
        `INSERT INTO revisions (release_id, revision, office_id, deleted, fields, status, publish_at, event, from_status, note, actor, cursor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        rev.releaseId,
        rev.revision,
        rev.officeId,
        rev.deleted ? 1 : 0,
        rev.fields === null ? null : JSON.stringify(rev.fields),
        rev.status,
        rev.publishAt,
        rev.event,
        rev.fromStatus,
        rev.note,
        JSON.stringify(rev.actor),
        cursor,
      );
      q(
        `INSERT INTO releases (id, office_id, revision, deleted, status, publish_at, slug, created_at, updated_at)
           VALUES (@id, @office, @revision, @deleted, @status, @publishAt, @slug, @at, @at)
           ON CONFLICT (id) DO UPDATE SET revision = @revision, deleted = @deleted, status = @status,
             publish_at = @publishAt, slug = @slug, updated_at = @at`,
      ).run({
        id: rev.releaseId,
        office: rev.officeId,
        revision: rev.revision,
        deleted: rev.deleted ? 1 : 0,
        status: rev.status,
        publishAt: rev.publishAt,
        slug: rev.fields?.slug ?? '',
        at: createdAt,
      });
      return cursor;
    },

    releaseIdBySlug(slug) {
      const r = q("SELECT id FROM releases WHERE slug = ? AND slug <> '' AND deleted = 0 LIMIT 1").get(slug) as
        { id: string } | undefined;
      return r?.id ?? null;
    },
  };
}
