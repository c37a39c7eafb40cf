import type { Query } from '../../../node/db/statement-cache';
import type { OfficeEntry, PublicationHead, PublicationStore, VisibleStamp } from '../types';
import type { MediaRecords } from './media';
import { fromRow, toRow, type PublicationRow } from './rows';

/** Publications as the site lists and shows them, and the counter list ETags follow. */
export type SiteReleases = Pick<
  PublicationStore,
  'get' | 'getBySlug' | 'headBySlug' | 'upIds' | 'slugTaken' | 'save' | 'list' | 'offices' | 'stamp'
>;

const VISIBLE = `state IN ('terbit','dikoreksi') AND visible_from <= @now`;

const HEAD_COLUMNS = `id, state, visible_from AS visibleFrom, withdrawn_at AS withdrawnAt,
  last_modified_at AS lastModifiedAt, views, version, render_version AS renderVersion`;

/** A stamp stays right while no publication changes and no embargo ends. */
interface StampMemo {
  seq: number;
  from: string;
  /** The next embargo's end, or null when none is pending. */
  until: string | null;
  stamp: VisibleStamp;
}

/** The store's change counter: every save bumps it. */
export const storeSeq = (q: Query): number =>
  (q(`SELECT CAST(value AS INTEGER) AS seq FROM pub_meta WHERE key = 'seq'`).get() as { seq: number }).seq;

export function siteReleases(
  q: Query,
  transaction: <T>(fn: () => T) => T,
  media: Pick<MediaRecords, 'replaceMedia'>,
  inTransaction: () => boolean,
): SiteReleases {
  let memo: StampMemo | null = null;
  const seqNow = (): number => storeSeq(q);
  const stampUncached = (now: string): VisibleStamp => {
    const r = q(
      `SELECT count(*) AS count, max(max(last_modified_at, visible_from)) AS lastModified,
         (SELECT CAST(value AS INTEGER) FROM pub_meta WHERE key = 'seq') AS seq
       FROM pub_releases WHERE ${VISIBLE}`,
    ).get({ now }) as { count: number; lastModified: string | null; seq: number };
    return { seq: r.seq, count: r.count, lastModified: r.lastModified };
  };
  return {
    get(id) {
      const r = q('SELECT * FROM pub_releases WHERE id = ?').get(id) as PublicationRow | undefined;
      return r ? fromRow(r) : null;
    },

    getBySlug(slug) {
      const r = q('SELECT * FROM pub_releases WHERE slug = ?').get(slug) as PublicationRow | undefined;
      return r ? fromRow(r) : null;
    },

    headBySlug(slug) {
      const r = q(`SELECT ${HEAD_COLUMNS} FROM pub_releases WHERE slug = ?`).get(slug) as PublicationHead | undefined;
      return r ?? null;
    },

    upIds() {
      return (q(`SELECT id FROM pub_releases WHERE state <> 'ditarik'`).all() as { id: string }[]).map((r) => r.id);
    },

    slugTaken(slug, exceptId) {
      return q('SELECT 1 FROM pub_releases WHERE slug = ? AND id <> ?').get(slug, exceptId) !== undefined;
    },

    save(pub) {
      const row = toRow(pub);
      const cols = Object.keys(row);
      transaction(() => {
        q(
          `INSERT INTO pub_releases (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})
           ON CONFLICT(id) DO UPDATE SET ${cols
             .filter((c) => c !== 'id')
             .map((c) => `${c} = excluded.${c}`)
             .join(', ')}`,
        ).run(row);
        q(`UPDATE pub_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq'`).run();
        media.replaceMedia(pub);
      });
    },

    list(query) {
      const where = [VISIBLE];
      const params: Record<string, string | number> = { now: query.now, limit: query.limit, offset: query.offset };
      if (query.officeSlug) {
        where.push('office_slug = @office');
        params.office = query.officeSlug;
      }
      if (query.category) {
        where.push('category = @category');
        params.category = query.category;
      }
      if (query.tag) {
        where.push('EXISTS (SELECT 1 FROM json_each(pub_releases.tags) WHERE lower(json_each.value) = lower(@tag))');
        params.tag = query.tag;
      }
      const w = where.join(' AND ');
      const total = (q(`SELECT count(*) AS n FROM pub_releases WHERE ${w}`).get(params) as { n: number }).n;
      const rows = q(
        `SELECT * FROM pub_releases WHERE ${w} ORDER BY visible_from DESC, id DESC LIMIT @limit OFFSET @offset`,
      ).all(params) as PublicationRow[];
      return { items: rows.map(fromRow), total };
    },

    offices(now) {
      return q(
        `SELECT office_slug AS slug, max(office) AS name, count(*) AS count FROM pub_releases
         WHERE ${VISIBLE} GROUP BY office_slug ORDER BY name`,
      ).all({ now }) as OfficeEntry[];
    },

    stamp(now) {
      // Every list answer asks, and counting the visible releases reads them all: the count is
      // kept until a publication changes (the seq) or an embargo ends. Inside a transaction the
      // rows may yet be rolled back, so nothing seen there is kept.
      const seq = seqNow();
      if (memo && memo.seq === seq && now >= memo.from && (memo.until === null || now < memo.until)) return memo.stamp;
      const stamp = stampUncached(now);
      const next = q(
        `SELECT min(visible_from) AS until FROM pub_releases WHERE state IN ('terbit','dikoreksi') AND visible_from > @now`,
      ).get({ now }) as { until: string | null };
      memo = inTransaction() || stamp.seq !== seq ? null : { seq, from: now, until: next.until, stamp };
      return stamp;
    },
  };
}
