import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import type { EntryResult } from '../../shared/sync/protocol';
import type {
  AnnotationRow,
  ChangeRow,
  DeviceIdentity,
  DeviceRow,
  EnrollmentCodeRow,
  HqStorage,
  OfficeRow,
  PersonRow,
  ReadScope,
  ReleaseHead,
  RevisionRow,
} from './types';

/** Schema migrations, applied in order; `user_version` records how far a database is. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE offices (
    id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, regency_code TEXT,
    province TEXT NOT NULL, province_code TEXT, created_at TEXT NOT NULL
  );
  CREATE TABLE people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL,
    office_id TEXT NOT NULL REFERENCES offices(id), created_at TEXT NOT NULL
  );
  CREATE TABLE enrollment_codes (
    code_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id),
    expires_at INTEGER NOT NULL, used_at TEXT, created_at TEXT NOT NULL
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id), name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT,
    last_seq INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE push_results (
    device_id TEXT NOT NULL REFERENCES devices(id), seq INTEGER NOT NULL, result TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE releases (
    id TEXT PRIMARY KEY, office_id TEXT NOT NULL REFERENCES offices(id), revision INTEGER NOT NULL,
    deleted INTEGER NOT NULL, status TEXT NOT NULL, publish_at TEXT, slug TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE INDEX releases_slug ON releases(slug) WHERE slug <> '' AND deleted = 0;
  CREATE INDEX releases_status ON releases(status, deleted);
  CREATE TABLE changes (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, office_id TEXT NOT NULL,
    release_id TEXT NOT NULL, revision INTEGER, annotation_id TEXT, annotation_version INTEGER
  );
  CREATE INDEX changes_office ON changes(office_id, cursor);
  CREATE TABLE revisions (
    release_id TEXT NOT NULL, revision INTEGER NOT NULL, office_id TEXT NOT NULL,
    deleted INTEGER NOT NULL, fields TEXT, status TEXT NOT NULL, publish_at TEXT,
    event TEXT NOT NULL, from_status TEXT, note TEXT, actor TEXT NOT NULL, cursor INTEGER NOT NULL,
    PRIMARY KEY (release_id, revision)
  ) WITHOUT ROWID;
  CREATE TABLE annotations (
    id TEXT NOT NULL, version INTEGER NOT NULL, release_id TEXT NOT NULL, office_id TEXT NOT NULL,
    type TEXT NOT NULL, base_revision INTEGER NOT NULL, data TEXT NOT NULL, actor TEXT NOT NULL,
    cursor INTEGER NOT NULL, PRIMARY KEY (id, version)
  ) WITHOUT ROWID;
  CREATE TABLE attachments (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, created_at TEXT NOT NULL);
  `,
  // History is append-only: revisions (the audit trail), stored push results, annotation
  // versions and the change log can be added to, never rewritten.
  ['revisions', 'push_results', 'annotations', 'changes']
    .map(
      (t) => `
  CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;`,
    )
    .join('\n'),
];

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

const toRevision = (r: RevisionDbRow): RevisionRow => ({
  releaseId: r.release_id,
  officeId: r.office_id,
  revision: r.revision,
  deleted: r.deleted === 1,
  fields: r.fields === null ? null : (JSON.parse(r.fields) as RevisionRow['fields']),
  status: r.status as RevisionRow['status'],
  publishAt: r.publish_at,
  event: r.event as RevisionRow['event'],
  fromStatus: r.from_status as RevisionRow['fromStatus'],
  note: r.note,
  actor: JSON.parse(r.actor) as RevisionRow['actor'],
  cursor: r.cursor,
});

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

const toOffice = (r: Record<string, unknown>): OfficeRow => ({
  id: r.id as string,
  name: r.name as string,
  regencyCode: (r.regency_code as string | null) ?? null,
  province: r.province as string,
  provinceCode: (r.province_code as string | null) ?? null,
  createdAt: r.created_at as string,
});

const toPerson = (r: Record<string, unknown>): PersonRow => ({
  id: r.id as string,
  name: r.name as string,
  role: r.role as PersonRow['role'],
  scope: r.scope as PersonRow['scope'],
  officeId: r.office_id as string,
  createdAt: r.created_at as string,
});

const toDevice = (r: Record<string, unknown>): DeviceRow => ({
  id: r.id as string,
  personId: r.person_id as string,
  name: r.name as string,
  tokenHash: r.token_hash as string,
  createdAt: r.created_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
  lastSeq: r.last_seq as number,
});

/** SQLite implementation of HqStorage: one file `hq.sqlite` in WAL mode. */
export class SqliteStorage implements HqStorage {
  readonly db: Db;
  private readonly statements = new Map<string, Statement>();

  /** Prepared once, reused: preparing dominated the cost of a push before. */
  private q(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    this.migrate();
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db
        .transaction(() => {
          this.db.exec(MIGRATIONS[v]!);
          this.db.pragma(`user_version = ${v + 1}`);
        })
        .immediate();
    }
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  findOfficeByName(name: string): OfficeRow | null {
    const r = this.q('SELECT * FROM offices WHERE name = ? COLLATE NOCASE').get(name) as
      Record<string, unknown> | undefined;
    return r ? toOffice(r) : null;
  }

  getOffice(id: string): OfficeRow | null {
    const r = this.q('SELECT * FROM offices WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r ? toOffice(r) : null;
  }

  listOffices(): OfficeRow[] {
    return (this.q('SELECT * FROM offices ORDER BY name').all() as Record<string, unknown>[]).map(toOffice);
  }

  insertOffice(o: OfficeRow): void {
    this.q(
      'INSERT INTO offices (id, name, regency_code, province, province_code, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(o.id, o.name, o.regencyCode, o.province, o.provinceCode, o.createdAt);
  }

  insertPerson(p: PersonRow): void {
    this.q('INSERT INTO people (id, name, role, scope, office_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      p.id,
      p.name,
      p.role,
      p.scope,
      p.officeId,
      p.createdAt,
    );
  }

  getPerson(id: string): PersonRow | null {
    const r = this.q('SELECT * FROM people WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r ? toPerson(r) : null;
  }

  insertEnrollmentCode(c: EnrollmentCodeRow): void {
    this.q(
      'INSERT INTO enrollment_codes (code_hash, person_id, expires_at, used_at, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(c.codeHash, c.personId, c.expiresAt, c.usedAt, c.createdAt);
  }

  getEnrollmentCode(codeHash: string): EnrollmentCodeRow | null {
    const r = this.q('SELECT * FROM enrollment_codes WHERE code_hash = ?').get(codeHash) as
      Record<string, unknown> | undefined;
    if (!r) return null;
    return {
      codeHash: r.code_hash as string,
      personId: r.person_id as string,
      expiresAt: r.expires_at as number,
      usedAt: (r.used_at as string | null) ?? null,
      createdAt: r.created_at as string,
    };
  }

  markEnrollmentCodeUsed(codeHash: string, usedAt: string): boolean {
    return (
      this.q('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL').run(usedAt, codeHash)
        .changes === 1
    );
  }

  insertDevice(d: DeviceRow): void {
    this.q(
      'INSERT INTO devices (id, person_id, name, token_hash, created_at, revoked_at, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(d.id, d.personId, d.name, d.tokenHash, d.createdAt, d.revokedAt, d.lastSeq);
  }

  getDevice(id: string): DeviceRow | null {
    const r = this.q('SELECT * FROM devices WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r ? toDevice(r) : null;
  }

  listDevices(): ReturnType<HqStorage['listDevices']> {
    const rows = this.q(
      `SELECT d.*, p.name AS person_name, p.role AS person_role, o.name AS office_name
         FROM devices d JOIN people p ON p.id = d.person_id JOIN offices o ON o.id = p.office_id ORDER BY d.created_at, d.id`,
    ).all() as Record<string, unknown>[];
    return rows.map((r) => ({
      ...toDevice(r),
      personName: r.person_name as string,
      role: r.person_role as PersonRow['role'],
      office: r.office_name as string,
    }));
  }

  revokeDevice(id: string, at: string): boolean {
    return this.q('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  identityByTokenHash(tokenHash: string): DeviceIdentity | null {
    const r = this.q('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as
      Record<string, unknown> | undefined;
    if (!r) return null;
    const device = toDevice(r);
    const person = this.getPerson(device.personId);
    const office = person ? this.getOffice(person.officeId) : null;
    return person && office ? { device, person, office } : null;
  }

  setDeviceLastSeq(deviceId: string, seq: number): void {
    this.q('UPDATE devices SET last_seq = ? WHERE id = ?').run(seq, deviceId);
  }

  getPushResult(deviceId: string, seq: number): EntryResult | null {
    const r = this.q('SELECT result FROM push_results WHERE device_id = ? AND seq = ?').get(deviceId, seq) as
      { result: string } | undefined;
    return r ? (JSON.parse(r.result) as EntryResult) : null;
  }

  insertPushResult(deviceId: string, seq: number, result: EntryResult): void {
    this.q('INSERT INTO push_results (device_id, seq, result) VALUES (?, ?, ?)').run(
      deviceId,
      seq,
      JSON.stringify(result),
    );
  }

  getReleaseHead(id: string): ReleaseHead | null {
    const r = this.q('SELECT * FROM releases WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!r) return null;
    const rev = this.getRevision(id, r.revision as number);
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
  }

  getRevision(releaseId: string, revision: number): RevisionRow | null {
    const r = this.q('SELECT * FROM revisions WHERE release_id = ? AND revision = ?').get(releaseId, revision) as
      RevisionDbRow | undefined;
    return r ? toRevision(r) : null;
  }

  listRevisions(releaseId: string): RevisionRow[] {
    return (
      this.q('SELECT * FROM revisions WHERE release_id = ? ORDER BY revision').all(releaseId) as RevisionDbRow[]
    ).map(toRevision);
  }

  appendRevision(rev: Omit<RevisionRow, 'cursor'>, createdAt: string): number {
    const cursor = Number(
      this.q("INSERT INTO changes (type, office_id, release_id, revision) VALUES ('release', ?, ?, ?)").run(
        rev.officeId,
        rev.releaseId,
        rev.revision,
      ).lastInsertRowid,
    );
    this.q(
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
    this.q(
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
  }

  releaseIdBySlug(slug: string): string | null {
    const r = this.q("SELECT id FROM releases WHERE slug = ? AND slug <> '' AND deleted = 0 LIMIT 1").get(slug) as
      { id: string } | undefined;
    return r?.id ?? null;
  }

  getAnnotation(id: string): AnnotationRow | null {
    const r = this.q('SELECT * FROM annotations WHERE id = ? ORDER BY version DESC LIMIT 1').get(id) as
      AnnotationDbRow | undefined;
    return r ? toAnnotation(r) : null;
  }

  putAnnotation(a: Omit<AnnotationRow, 'cursor'>): number {
    const cursor = Number(
      this.q(
        "INSERT INTO changes (type, office_id, release_id, annotation_id, annotation_version) VALUES ('annotation', ?, ?, ?, ?)",
      ).run(a.officeId, a.releaseId, a.id, a.version).lastInsertRowid,
    );
    this.q(
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
  }

  headCursor(): number {
    const r = this.q('SELECT MAX(cursor) AS c FROM changes').get() as { c: number | null };
    return r.c ?? 0;
  }

  readChanges(
    after: number,
    limit: number,
    scope: ReadScope,
  ): { rows: ChangeRow[]; hasMore: boolean; scannedTo: number } {
    return this.db.transaction(() => {
      const head = this.headCursor();
      let list: {
        cursor: number;
        type: string;
        release_id: string;
        revision: number | null;
        annotation_id: string | null;
        annotation_version: number | null;
      }[];
      if (scope.all) {
        list = this.q('SELECT * FROM changes WHERE cursor > ? ORDER BY cursor LIMIT ?').all(
          after,
          limit + 1,
        ) as typeof list;
      } else if (scope.officeIds.length === 0) {
        list = [];
      } else {
        const marks = scope.officeIds.map(() => '?').join(',');
        list = this.q(`SELECT * FROM changes WHERE cursor > ? AND office_id IN (${marks}) ORDER BY cursor LIMIT ?`).all(
          after,
          ...scope.officeIds,
          limit + 1,
        ) as typeof list;
      }
      const hasMore = list.length > limit;
      const page = list.slice(0, limit);
      const rows: ChangeRow[] = page.map((c) => {
        if (c.type === 'release') {
          const revision = this.getRevision(c.release_id, c.revision!);
          if (!revision) throw new Error(`change ${c.cursor}: revision missing`);
          return { type: 'release', cursor: c.cursor, revision };
        }
        const a = this.q('SELECT * FROM annotations WHERE id = ? AND version = ?').get(
          c.annotation_id,
          c.annotation_version,
        ) as AnnotationDbRow | undefined;
        if (!a) throw new Error(`change ${c.cursor}: annotation missing`);
        return { type: 'annotation', cursor: c.cursor, annotation: toAnnotation(a) };
      });
      const scannedTo = hasMore ? page[page.length - 1]!.cursor : Math.max(after, head);
      return { rows, hasMore, scannedTo };
    })();
  }

  hasAttachment(sha256: string): boolean {
    return this.q('SELECT 1 FROM attachments WHERE sha256 = ?').get(sha256) !== undefined;
  }

  insertAttachment(sha256: string, size: number, createdAt: string): boolean {
    return (
      this.q('INSERT OR IGNORE INTO attachments (sha256, size, created_at) VALUES (?, ?, ?)').run(
        sha256,
        size,
        createdAt,
      ).changes === 1
    );
  }

  dump(): Record<string, unknown[]> {
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const columns = (this.db.prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      out[name] = this.db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
    }
    return out;
  }
}
