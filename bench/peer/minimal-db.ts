/** The minimal pipeline's table, the same on both sides: docs in arrival order, photos by hash. */
import type { Database } from 'better-sqlite3';

export interface MinimalDoc {
  id: string;
  json: string;
  image: string | null;
}

export interface MinimalDb {
  insertDocs(docs: MinimalDoc[]): void;
  /** Docs after `since` in arrival order, and the position to ask from next. */
  page(since: number, limit: number): { docs: MinimalDoc[]; last: number };
  putBlob(sha: string, bytes: Buffer): void;
  blob(sha: string): Buffer;
  count(): number;
  close(): void;
}

export function openMinimalDb(db: Database): MinimalDb {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS docs (seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, json TEXT NOT NULL, image TEXT);
           CREATE TABLE IF NOT EXISTS blobs (sha TEXT PRIMARY KEY, bytes BLOB NOT NULL);`);
  const insert = db.prepare('INSERT OR REPLACE INTO docs (id, json, image) VALUES (@id, @json, @image)');
  const select = db.prepare<[number, number], MinimalDoc & { seq: number }>(
    'SELECT seq, id, json, image FROM docs WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const putBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha, bytes) VALUES (?, ?)');
  const getBlob = db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM blobs WHERE sha = ?');
  const insertDocs = db.transaction((docs: MinimalDoc[]) => {
    for (const doc of docs) insert.run(doc);
  });
  return {
    insertDocs,
    page(since, limit) {
      const rows = select.all(since, limit);
      return { docs: rows.map(({ id, json, image }) => ({ id, json, image })), last: rows.at(-1)?.seq ?? since };
    },
    putBlob: (sha, bytes) => void putBlob.run(sha, bytes),
    blob: (sha) => getBlob.get(sha)?.bytes ?? Buffer.alloc(0),
    count: () => (db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n,
    close: () => db.close(),
  };
}
