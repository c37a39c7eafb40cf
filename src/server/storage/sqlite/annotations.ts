import type { AnnotationRow, HqStorage } from '../types';
import type { Query } from '../../../node/db/statement-cache';

/** Every version of every annotation (comments, suggestions, workflow notes). */
export interface AnnotationRecords extends Pick<HqStorage, 'getAnnotation' | 'putAnnotation' | 'releaseAnnotations'> {
  /** One exact version, as the change log names it. */
  getAnnotationVersion(id: string, version: number): AnnotationRow | null;
}

interface AnnotationDbRow {
  id: string;
  version: number;
  release_id: string;
  office_id: string;
  type: string;
  base_revision: number;
  data: string;
  actor: string;
  cursor: number;
}

const toAnnotation = (r: AnnotationDbRow): AnnotationRow => ({
  id: r.id,
  releaseId: r.release_id,
  officeId: r.office_id,
  type: r.type,
  version: r.version,
  baseRevision: r.base_revision,
  data: JSON.parse(r.data) as Record<string, unknown>,
  actor: JSON.parse(r.actor) as AnnotationRow['actor'],
  cursor: r.cursor,
});

export function annotationRecords(q: Query): AnnotationRecords {
  return {
    getAnnotation(id) {
      const r = q('SELECT * FROM annotations WHERE id = ? ORDER BY version DESC LIMIT 1').get(id) as
        AnnotationDbRow | undefined;
      return r ? toAnnotation(r) : null;
    },

    releaseAnnotations(releaseId, types) {
      const rows = q(
        `SELECT a.* FROM annotations a
           WHERE a.release_id = ? AND a.type IN (SELECT value FROM json_each(?))
             AND a.version = (SELECT MAX(version) FROM annotations b WHERE b.id = a.id)
           ORDER BY a.cursor`,
      ).all(releaseId, JSON.stringify(types)) as AnnotationDbRow[];
      return rows.map(toAnnotation);
    },

    getAnnotationVersion(id, version) {
      const r = q('SELECT * FROM annotations WHERE id = ? AND version = ?').get(id, version) as
        AnnotationDbRow | undefined;
      return r ? toAnnotation(r) : null;
    },

    putAnnotation(a) {
      const cursor = Number(
        q(
          "INSERT INTO changes (type, office_id, release_id, annotation_id, annotation_version) VALUES ('annotation', ?, ?, ?, ?)",
        ).run(a.officeId, a.releaseId, a.id, a.version).lastInsertRowid,
      );
      q(
        `INSERT INTO annotations (id, version, release_id, office_id, type, base_revision, data, actor, cursor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        a.id,
        a.version,
        a.releaseId,
        a.officeId,
        a.type,
        a.baseRevision,
        JSON.stringify(a.data),
        JSON.stringify(a.actor),
        cursor,
      );
      return cursor;
    },
  };
}
