import { randomBytes } from 'node:crypto';
import type { Query } from '../../../node/db/statement-cache';
import type { PublicationStore } from '../types';

/** View counts: one per reader per day, readers known only by a hash under a daily salt. */
export type ViewRecords = Pick<PublicationStore, 'recordView' | 'daySalt'>;

export function viewRecords(q: Query, transaction: <T>(fn: () => T) => T): ViewRecords {
  return {
    recordView(id, day, visitor) {
      return transaction(() => {
        const ins = q('INSERT OR IGNORE INTO pub_view_marks (day, release_id, visitor) VALUES (?, ?, ?)').run(
          day,
          id,
          visitor,
        );
        if (ins.changes === 0) return false;
        // Not a content change: the store seq (list ETags) stays put.
        q('UPDATE pub_releases SET views = views + 1 WHERE id = ?').run(id);
        return true;
      });
    },

    daySalt(day) {
      const found = q('SELECT salt FROM pub_view_salt WHERE day = ?').get(day) as { salt: string } | undefined;
      if (found) return found.salt;
      return transaction(() => {
        // A new day: forget yesterday's salt and marks, so old hashes can never be linked again.
        q('DELETE FROM pub_view_marks WHERE day < ?').run(day);
        q('DELETE FROM pub_view_salt WHERE day <> ?').run(day);
        const salt = randomBytes(32).toString('hex');
        q('INSERT OR IGNORE INTO pub_view_salt (day, salt) VALUES (?, ?)').run(day, salt);
        return (q('SELECT salt FROM pub_view_salt WHERE day = ?').get(day) as { salt: string }).salt;
      });
    },
  };
}
