import type Database from 'better-sqlite3';
import { prepareCached } from '../../node/db/statement-cache';
import type { Channel } from './manifest';
import type { Rollout } from './rollout';

export interface StoredFile {
  name: string;
  sha512: string;
  size: number;
}

export interface UpdateRelease extends Rollout {
  id: number;
  channel: Channel;
  feed: string;
  version: string;
  yml: string;
  files: StoredFile[];
  publishedAt: string;
}

interface Row {
  id: number;
  channel: Channel;
  feed: string;
  version: string;
  yml: string;
  files: string;
  percent: number | null;
  offices: string | null;
  published_at: string;
}

const fromRow = (r: Row): UpdateRelease => ({
  id: r.id,
  channel: r.channel,
  feed: r.feed,
  version: r.version,
  yml: r.yml,
  files: JSON.parse(r.files) as StoredFile[],
  percent: r.percent,
  offices: r.offices === null ? null : (JSON.parse(r.offices) as string[]),
  publishedAt: r.published_at,
});

/** The update_releases table (migration 009). */
export function updateReleases(db: Database.Database) {
  return {
    /** Adds a release, or (same channel, feed file and version) replaces its files and rollout. */
    put(r: Omit<UpdateRelease, 'id'>): void {
      prepareCached(
        db,
        `INSERT INTO update_releases (channel, feed, version, yml, files, percent, offices, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel, feed, version) DO UPDATE SET
           yml = excluded.yml, files = excluded.files, percent = excluded.percent, offices = excluded.offices`,
      ).run(
        r.channel,
        r.feed,
        r.version,
        r.yml,
        JSON.stringify(r.files),
        r.percent,
        r.offices === null ? null : JSON.stringify(r.offices),
        r.publishedAt,
      );
    },
    /** Every release of a channel's feed file, the latest published first. */
    list(channel: Channel, feed?: string): UpdateRelease[] {
      const rows = (
        feed === undefined
          ? prepareCached(db, 'SELECT * FROM update_releases WHERE channel = ? ORDER BY id DESC').all(channel)
          : prepareCached(db, 'SELECT * FROM update_releases WHERE channel = ? AND feed = ? ORDER BY id DESC').all(
              channel,
              feed,
            )
      ) as Row[];
      return rows.map(fromRow);
    },
  };
}
export type UpdateReleases = ReturnType<typeof updateReleases>;
