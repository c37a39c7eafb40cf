import type Database from 'better-sqlite3';
import type { Migration } from '../../../node/db/migrate';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The attachments one stored revision's fields name (lead image, figure nodes). Written out
 * here rather than imported so this step stays as it is when the protocol's helpers change;
 * it tolerates any shape, since old rows were never checked against today's schema.
 */
function refsOf(fieldsJson: string): string[] {
  let fields: unknown;
  try {
    fields = JSON.parse(fieldsJson);
  } catch {
    return [];
  }
  const found = new Set<string>();
  const lead = (fields as { leadImage?: { attachment?: unknown } } | null)?.leadImage?.attachment;
  if (typeof lead === 'string') found.add(lead);
  const stack: unknown[] = [(fields as { body?: unknown } | null)?.body];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: unknown; attrs?: { attachment?: unknown }; content?: unknown } | null;
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'figure' && typeof node.attrs?.attachment === 'string') found.add(node.attrs.attachment);
    if (Array.isArray(node.content)) stack.push(...(node.content as unknown[]));
  }
  return [...found].filter((s) => SHA256.test(s));
}

function backfillRefs(db: Database.Database): void {
  const insert = db.prepare('INSERT OR IGNORE INTO attachment_refs (sha256, release_id, office_id) VALUES (?, ?, ?)');
  // In pages (keyset on the primary key): a large HQ's history need not sit in memory at once,
  // and the connection cannot write while a read is still iterating.
  const page = db.prepare(
    `SELECT release_id, revision, office_id, fields FROM revisions
     WHERE fields IS NOT NULL AND (release_id, revision) > (?, ?) ORDER BY release_id, revision LIMIT 500`,
  );
  let after: [string, number] = ['', 0];
  for (;;) {
    const rows = page.all(...after) as { release_id: string; revision: number; office_id: string; fields: string }[];
    if (rows.length === 0) return;
    for (const row of rows) for (const sha of refsOf(row.fields)) insert.run(sha, row.release_id, row.office_id);
    const last = rows[rows.length - 1]!;
    after = [last.release_id, last.revision];
  }
}

/**
 * Who may read an attachment: the devices that uploaded it (with their office, for the
 * office's quota) and the releases that reference it (a reader of the release may read it).
 * References come from every stored revision, since pull hands out every revision.
 */
export const migration007: Migration = {
  version: 7,
  name: 'attachment_access',
  up(db) {
    db.exec(`
      CREATE TABLE attachment_uploads (
        sha256 TEXT NOT NULL, device_id TEXT NOT NULL REFERENCES devices(id), office_id TEXT NOT NULL,
        size INTEGER NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sha256, device_id)
      ) WITHOUT ROWID;
      CREATE INDEX attachment_uploads_office ON attachment_uploads(office_id);
      CREATE TABLE attachment_refs (
        sha256 TEXT NOT NULL, release_id TEXT NOT NULL, office_id TEXT NOT NULL,
        PRIMARY KEY (sha256, office_id, release_id)
      ) WITHOUT ROWID;
    `);
    backfillRefs(db);
  },
};
