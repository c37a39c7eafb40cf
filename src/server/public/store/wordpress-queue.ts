import type { Query } from '../../../node/db/statement-cache';

export interface WpQueueRow {
  releaseId: string;
  officeSlug: string;
  version: number;
  attempts: number;
  nextAt: string;
  lastError: string | null;
}

/** What is due to be forwarded to offices' WordPress sites, and which post each release became. */
export interface WordPressQueue {
  wpEnqueue(releaseId: string, officeSlug: string, version: number, at: string): void;
  wpDue(now: string, limit: number): WpQueueRow[];
  wpQueue(): WpQueueRow[];
  /** Done with `version`: forget the row unless a newer version was queued meanwhile. */
  wpDone(releaseId: string, version: number, officeSlug: string, wpId: number | null): void;
  wpFailed(releaseId: string, version: number, nextAt: string, error: string): void;
  wpPostId(releaseId: string, officeSlug: string): number | null;
}

const COLUMNS = `release_id AS releaseId, office_slug AS officeSlug, version, attempts, next_at AS nextAt, last_error AS lastError`;

export function wordPressQueue(q: Query, transaction: <T>(fn: () => T) => T): WordPressQueue {
  return {
    wpEnqueue(releaseId, officeSlug, version, at) {
      q(
        `INSERT INTO pub_wp_queue (release_id, office_slug, version, attempts, next_at) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT(release_id) DO UPDATE SET office_slug = excluded.office_slug, version = excluded.version, attempts = 0, next_at = excluded.next_at, last_error = NULL`,
      ).run(releaseId, officeSlug, version, at);
    },

    wpDue(now, limit) {
      return q(`SELECT ${COLUMNS} FROM pub_wp_queue WHERE next_at <= ? ORDER BY next_at LIMIT ?`).all(
        now,
        limit,
      ) as WpQueueRow[];
    },

    wpQueue() {
      return q(`SELECT ${COLUMNS} FROM pub_wp_queue ORDER BY next_at`).all() as WpQueueRow[];
    },

    wpDone(releaseId, version, officeSlug, wpId) {
      transaction(() => {
        if (wpId !== null) {
          q(
            'INSERT INTO pub_wp_posts (release_id, office_slug, wp_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET wp_id = excluded.wp_id',
          ).run(releaseId, officeSlug, wpId);
        }
        q('DELETE FROM pub_wp_queue WHERE release_id = ? AND version = ?').run(releaseId, version);
      });
    },

    wpFailed(releaseId, version, nextAt, error) {
      q(
        'UPDATE pub_wp_queue SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE release_id = ? AND version = ?',
      ).run(nextAt, error.slice(0, 500), releaseId, version);
    },

    wpPostId(releaseId, officeSlug) {
      const r = q('SELECT wp_id FROM pub_wp_posts WHERE release_id = ? AND office_slug = ?').get(
        releaseId,
        officeSlug,
      ) as { wp_id: number } | undefined;
      return r?.wp_id ?? null;
    },
  };
}
