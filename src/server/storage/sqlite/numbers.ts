import type { HqStorage } from '../types';
import type { Query } from '../../../node/db/statement-cache';

/** Release numbers: the per-office counters and the numbers given (SQL only; the rules are in src/server/numbering). */
export type NumberRecords = Pick<HqStorage, 'releaseNumber' | 'nextNumberSeq' | 'insertReleaseNumber'>;

export function numberRecords(q: Query): NumberRecords {
  return {
    releaseNumber(releaseId) {
      const r = q('SELECT number FROM release_numbers WHERE release_id = ?').get(releaseId) as
        { number: string } | undefined;
      return r?.number ?? null;
    },

    nextNumberSeq(officeId, scope) {
      const r = q(
        `INSERT INTO number_counters (office_id, scope, last_seq) VALUES (?, ?, 1)
           ON CONFLICT (office_id, scope) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
      ).get(officeId, scope) as { last_seq: number };
      return r.last_seq;
    },

    insertReleaseNumber(row) {
      const result = q(
        `INSERT INTO release_numbers (office_id, number, release_id, assigned_at) VALUES (?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
      ).run(row.officeId, row.number, row.releaseId, row.assignedAt);
      return result.changes === 1;
    },
  };
}
