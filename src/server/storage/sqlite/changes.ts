import type Database from 'better-sqlite3';
import type { ChangeRow, HqStorage } from '../types';
import type { AnnotationRecords } from './annotations';
import type { ReleaseRecords } from './releases';
import type { Query } from '../../../node/db/statement-cache';

/** The change log workstations pull from, each row resolved to the revision or annotation it names. */
export type ChangeLog = Pick<HqStorage, 'headCursor' | 'readChanges'>;

interface ChangeDbRow {
  cursor: number;
  type: string;
  release_id: string;
  revision: number | null;
  annotation_id: string | null;
  annotation_version: number | null;
}

export function changeLog(
  db: Database.Database,
  q: Query,
  releases: Pick<ReleaseRecords, 'getRevision'>,
  annotations: Pick<AnnotationRecords, 'getAnnotationVersion'>,
): ChangeLog {
  const headCursor = (): number => {
    const r = q('SELECT MAX(cursor) AS c FROM changes').get() as { c: number | null };
    return r.c ?? 0;
  };

  const resolve = (c: ChangeDbRow): ChangeRow => {
    if (c.type === 'release') {
      const revision = releases.getRevision(c.release_id, c.revision!);
      if (!revision) throw new Error(`change ${c.cursor}: revision missing`);
      return { type: 'release', cursor: c.cursor, revision };
    }
    const annotation = annotations.getAnnotationVersion(c.annotation_id!, c.annotation_version!);
    if (!annotation) throw new Error(`change ${c.cursor}: annotation missing`);
    return { type: 'annotation', cursor: c.cursor, annotation };
  };

  return {
    headCursor,

    readChanges(after, limit, scope) {
      // One read transaction: the head and the page come from the same snapshot.
      return db.transaction(() => {
        const head = headCursor();
        let list: ChangeDbRow[];
        if (scope.all) {
          list = q('SELECT * FROM changes WHERE cursor > ? ORDER BY cursor LIMIT ?').all(
            after,
            limit + 1,
          ) as ChangeDbRow[];
        } else if (scope.officeIds.length === 0) {
          list = [];
        } else {
          const marks = scope.officeIds.map(() => '?').join(',');
          list = q(`SELECT * FROM changes WHERE cursor > ? AND office_id IN (${marks}) ORDER BY cursor LIMIT ?`).all(
            after,
            ...scope.officeIds,
            limit + 1,
          ) as ChangeDbRow[];
        }
        const hasMore = list.length > limit;
        const page = list.slice(0, limit);
        const scannedTo = hasMore ? page[page.length - 1]!.cursor : Math.max(after, head);
        return { rows: page.map(resolve), hasMore, scannedTo };
      })();
    },
  };
}
