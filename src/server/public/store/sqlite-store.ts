import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Category, DocNode, LeadImage } from '../../../shared/domain';
import type {
  Correction,
  ListQuery,
  OfficeEntry,
  Publication,
  PublicationStore,
  PublicState,
  VisibleStamp,
} from '../types';

type Db = Database.Database;

/**
 * The public site's own tables, prefixed `pub_` so they can live in HQ's database (sharing the
 * handle lets HQ publish inside the same transaction as the workflow transition) or in a file
 * of their own. Each migration runs once, recorded in pub_schema.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE pub_releases (
     id TEXT PRIMARY KEY,
     slug TEXT NOT NULL UNIQUE,
     office TEXT NOT NULL,
     office_slug TEXT NOT NULL,
     province TEXT,
     category TEXT NOT NULL,
     tags TEXT NOT NULL,
     title TEXT NOT NULL,
     summary TEXT NOT NULL,
     byline TEXT NOT NULL,
     dateline TEXT NOT NULL,
     date TEXT NOT NULL,
     lead_image TEXT,
     body_json TEXT NOT NULL,
     body_html TEXT NOT NULL,
     body_text TEXT NOT NULL,
     render_version INTEGER NOT NULL,
     revision INTEGER,
     first_published_at TEXT NOT NULL,
     scheduled_at TEXT,
     visible_from TEXT NOT NULL,
     last_modified_at TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('terbit','ditarik','dikoreksi')),
     corrections TEXT NOT NULL,
     withdrawn_at TEXT,
     withdrawn_reason TEXT,
     views INTEGER NOT NULL DEFAULT 0,
     version INTEGER NOT NULL
   );
   CREATE INDEX pub_releases_visible ON pub_releases (state, visible_from DESC);
   CREATE INDEX pub_releases_office ON pub_releases (office_slug, visible_from DESC);
   CREATE TABLE pub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   INSERT INTO pub_meta (key, value) VALUES ('seq', '0');
   -- Readers counted today: an opaque hash of (daily salt, address, user agent), never the address.
   CREATE TABLE pub_view_marks (day TEXT NOT NULL, release_id TEXT NOT NULL, visitor TEXT NOT NULL,
     PRIMARY KEY (day, release_id, visitor)) WITHOUT ROWID;
   CREATE TABLE pub_view_salt (day TEXT PRIMARY KEY, salt TEXT NOT NULL);`,
  // Which attachments each publication shows (lead image, figures): only those are served.
  `CREATE TABLE pub_media (release_id TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (sha256, release_id)) WITHOUT ROWID;`,
  // Forwarding to offices' WordPress sites: what is due (one row per release, latest version
  // wins) and which WordPress post each release became.
  `CREATE TABLE pub_wp_queue (release_id TEXT PRIMARY KEY, office_slug TEXT NOT NULL, version INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, last_error TEXT);
   CREATE TABLE pub_wp_posts (release_id TEXT NOT NULL, office_slug TEXT NOT NULL, wp_id INTEGER NOT NULL,
     PRIMARY KEY (release_id, office_slug));`,
];

export interface WpQueueRow {
  releaseId: string;
  officeSlug: string;
  version: number;
  attempts: number;
  nextAt: string;
  lastError: string | null;
}

interface Row {
  id: string;
  slug: string;
  office: string;
  office_slug: string;
  province: string | null;
  category: string;
  tags: string;
  title: string;
  summary: string;
  byline: string;
  dateline: string;
  date: string;
  lead_image: string | null;
  body_json: string;
  body_html: string;
  body_text: string;
  render_version: number;
  revision: number | null;
  first_published_at: string;
  scheduled_at: string | null;
  visible_from: string;
  last_modified_at: string;
  state: string;
  corrections: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  views: number;
  version: number;
}

/** The body JSON is parsed only when read: pages use the stored HTML, not the source. */
const fromRow = (r: Row): Publication => {
  let body: DocNode | null = null;
  const pub = {
    id: r.id,
    slug: r.slug,
    office: r.office,
    officeSlug: r.office_slug,
    province: r.province,
    category: r.category as Category,
    tags: JSON.parse(r.tags) as string[],
    title: r.title,
    summary: r.summary,
    byline: r.byline,
    dateline: r.dateline,
    date: r.date,
    leadImage: r.lead_image ? (JSON.parse(r.lead_image) as LeadImage) : null,
    get body(): DocNode {
      body ??= JSON.parse(r.body_json) as DocNode;
      return body;
    },
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    renderVersion: r.render_version,
    revision: r.revision,
    firstPublishedAt: r.first_published_at,
    scheduledAt: r.scheduled_at,
    visibleFrom: r.visible_from,
    lastModifiedAt: r.last_modified_at,
    state: r.state as PublicState,
    corrections: JSON.parse(r.corrections) as Correction[],
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
    views: r.views,
    version: r.version,
  };
  return pub;
};

const toRow = (p: Publication): Row => ({
  id: p.id,
  slug: p.slug,
  office: p.office,
  office_slug: p.officeSlug,
  province: p.province,
  category: p.category,
  tags: JSON.stringify(p.tags),
  title: p.title,
  summary: p.summary,
  byline: p.byline,
  dateline: p.dateline,
  date: p.date,
  lead_image: p.leadImage ? JSON.stringify(p.leadImage) : null,
  body_json: JSON.stringify(p.body),
  body_html: p.bodyHtml,
  body_text: p.bodyText,
  render_version: p.renderVersion,
  revision: p.revision,
  first_published_at: p.firstPublishedAt,
  scheduled_at: p.scheduledAt,
  visible_from: p.visibleFrom,
  last_modified_at: p.lastModifiedAt,
  state: p.state,
  corrections: JSON.stringify(p.corrections),
  withdrawn_at: p.withdrawnAt,
  withdrawn_reason: p.withdrawnReason,
  views: p.views,
  version: p.version,
});

/** The attachments a publication shows: its lead image and the figures the gate kept. */
function mediaOf(pub: Publication): string[] {
  const out = new Set<string>();
  if (pub.leadImage) out.add(pub.leadImage.attachment);
  for (const m of pub.bodyHtml.matchAll(/\/media\/([0-9a-f]{64})\//g)) out.add(m[1] as string);
  return [...out];
}

const VISIBLE = `state IN ('terbit','dikoreksi') AND visible_from <= @now`;

export class SqlitePublicationStore implements PublicationStore {
  private readonly db: Db;
  private readonly ownsDb: boolean;

  /** Pass HQ's open database handle to share it, or a file path to open a database of our own. */
  constructor(dbOrFile: Db | string) {
    if (typeof dbOrFile === 'string') {
      this.db = new Database(dbOrFile);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.ownsDb = true;
    } else {
      this.db = dbOrFile;
      this.ownsDb = false;
    }
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS pub_schema (version INTEGER NOT NULL)');
    const row = this.db.prepare('SELECT version FROM pub_schema').get() as { version: number } | undefined;
    let version = row?.version ?? 0;
    if (!row) this.db.prepare('INSERT INTO pub_schema (version) VALUES (0)').run();
    for (; version < MIGRATIONS.length; version++) {
      const sql = MIGRATIONS[version] as string;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.prepare('UPDATE pub_schema SET version = ?').run(version + 1);
      })();
    }
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get(id: string): Publication | null {
    const r = this.db.prepare('SELECT * FROM pub_releases WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  getBySlug(slug: string): Publication | null {
    const r = this.db.prepare('SELECT * FROM pub_releases WHERE slug = ?').get(slug) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  slugTaken(slug: string, exceptId: string): boolean {
    return this.db.prepare('SELECT 1 FROM pub_releases WHERE slug = ? AND id <> ?').get(slug, exceptId) !== undefined;
  }

  save(pub: Publication): void {
    const row = toRow(pub);
    const cols = Object.keys(row);
    this.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO pub_releases (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})
           ON CONFLICT(id) DO UPDATE SET ${cols
             .filter((c) => c !== 'id')
             .map((c) => `${c} = excluded.${c}`)
             .join(', ')}`,
        )
        .run(row);
      this.db.prepare(`UPDATE pub_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq'`).run();
      this.db.prepare('DELETE FROM pub_media WHERE release_id = ?').run(pub.id);
      const add = this.db.prepare('INSERT OR IGNORE INTO pub_media (release_id, sha256) VALUES (?, ?)');
      for (const sha of mediaOf(pub)) add.run(pub.id, sha);
    });
  }

  mediaVisible(sha256: string, now: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM pub_media m JOIN pub_releases r ON r.id = m.release_id
           WHERE m.sha256 = @sha AND r.state IN ('terbit','dikoreksi') AND r.visible_from <= @now LIMIT 1`,
        )
        .get({ sha: sha256, now }) !== undefined
    );
  }

  list(q: ListQuery): { items: Publication[]; total: number } {
    const where = [VISIBLE];
    const params: Record<string, string | number> = { now: q.now, limit: q.limit, offset: q.offset };
    if (q.officeSlug) {
      where.push('office_slug = @office');
      params.office = q.officeSlug;
    }
    if (q.category) {
      where.push('category = @category');
      params.category = q.category;
    }
    if (q.tag) {
      where.push('EXISTS (SELECT 1 FROM json_each(pub_releases.tags) WHERE lower(json_each.value) = lower(@tag))');
      params.tag = q.tag;
    }
    const w = where.join(' AND ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM pub_releases WHERE ${w}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM pub_releases WHERE ${w} ORDER BY visible_from DESC, id DESC LIMIT @limit OFFSET @offset`)
      .all(params) as Row[];
    return { items: rows.map(fromRow), total };
  }

  offices(now: string): OfficeEntry[] {
    return this.db
      .prepare(
        `SELECT office_slug AS slug, max(office) AS name, count(*) AS count FROM pub_releases
         WHERE ${VISIBLE} GROUP BY office_slug ORDER BY name`,
      )
      .all({ now }) as OfficeEntry[];
  }

  stamp(now: string): VisibleStamp {
    const r = this.db
      .prepare(
        `SELECT count(*) AS count, max(max(last_modified_at, visible_from)) AS lastModified,
           (SELECT CAST(value AS INTEGER) FROM pub_meta WHERE key = 'seq') AS seq
         FROM pub_releases WHERE ${VISIBLE}`,
      )
      .get({ now }) as { count: number; lastModified: string | null; seq: number };
    return { seq: r.seq, count: r.count, lastModified: r.lastModified };
  }

  recordView(id: string, day: string, visitor: string): boolean {
    return this.transaction(() => {
      const ins = this.db
        .prepare('INSERT OR IGNORE INTO pub_view_marks (day, release_id, visitor) VALUES (?, ?, ?)')
        .run(day, id, visitor);
      if (ins.changes === 0) return false;
      // Not a content change: the store seq (list ETags) stays put.
      this.db.prepare('UPDATE pub_releases SET views = views + 1 WHERE id = ?').run(id);
      return true;
    });
  }

  daySalt(day: string): string {
    const found = this.db.prepare('SELECT salt FROM pub_view_salt WHERE day = ?').get(day) as
      { salt: string } | undefined;
    if (found) return found.salt;
    return this.transaction(() => {
      // A new day: forget yesterday's salt and marks, so old hashes can never be linked again.
      this.db.prepare('DELETE FROM pub_view_marks WHERE day < ?').run(day);
      this.db.prepare('DELETE FROM pub_view_salt WHERE day <> ?').run(day);
      const salt = randomBytes(32).toString('hex');
      this.db.prepare('INSERT OR IGNORE INTO pub_view_salt (day, salt) VALUES (?, ?)').run(day, salt);
      return (this.db.prepare('SELECT salt FROM pub_view_salt WHERE day = ?').get(day) as { salt: string }).salt;
    });
  }

  // ---- WordPress forwarding queue (wordpress/forwarder.ts) ---------------------------------

  wpEnqueue(releaseId: string, officeSlug: string, version: number, at: string): void {
    this.db
      .prepare(
        `INSERT INTO pub_wp_queue (release_id, office_slug, version, attempts, next_at) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT(release_id) DO UPDATE SET office_slug = excluded.office_slug, version = excluded.version, attempts = 0, next_at = excluded.next_at, last_error = NULL`,
      )
      .run(releaseId, officeSlug, version, at);
  }

  wpDue(now: string, limit: number): WpQueueRow[] {
    return this.db
      .prepare(
        `SELECT release_id AS releaseId, office_slug AS officeSlug, version, attempts, next_at AS nextAt, last_error AS lastError
         FROM pub_wp_queue WHERE next_at <= ? ORDER BY next_at LIMIT ?`,
      )
      .all(now, limit) as WpQueueRow[];
  }

  wpQueue(): WpQueueRow[] {
    return this.db
      .prepare(
        `SELECT release_id AS releaseId, office_slug AS officeSlug, version, attempts, next_at AS nextAt, last_error AS lastError FROM pub_wp_queue ORDER BY next_at`,
      )
      .all() as WpQueueRow[];
  }

  /** Done with `version`: forget the row unless a newer version was queued meanwhile. */
  wpDone(releaseId: string, version: number, officeSlug: string, wpId: number | null): void {
    this.transaction(() => {
      if (wpId !== null) {
        this.db
          .prepare(
            'INSERT INTO pub_wp_posts (release_id, office_slug, wp_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET wp_id = excluded.wp_id',
          )
          .run(releaseId, officeSlug, wpId);
      }
      this.db.prepare('DELETE FROM pub_wp_queue WHERE release_id = ? AND version = ?').run(releaseId, version);
    });
  }

  wpFailed(releaseId: string, version: number, nextAt: string, error: string): void {
    this.db
      .prepare(
        'UPDATE pub_wp_queue SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE release_id = ? AND version = ?',
      )
      .run(nextAt, error.slice(0, 500), releaseId, version);
  }

  wpPostId(releaseId: string, officeSlug: string): number | null {
    const r = this.db
      .prepare('SELECT wp_id FROM pub_wp_posts WHERE release_id = ? AND office_slug = ?')
      .get(releaseId, officeSlug) as { wp_id: number } | undefined;
    return r?.wp_id ?? null;
  }

  close(): void {
    if (this.ownsDb) this.db.close();
  }
}
