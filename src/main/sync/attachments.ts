import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowIso } from '../store/clock';
import type { Db } from '../store/types';
import { prepareCached as q } from '../store/statements';

/**
 * The local attachment files as the store keeps them: `<dataDir>/attachments/<sha256>` plus
 * a row in `attachments`. Sync reads them to upload and writes what it downloads from HQ.
 */
export interface AttachmentAccess {
  has(sha256: string): boolean;
  read(sha256: string): Buffer | null;
  /** Verifies the hash before keeping anything. */
  write(sha256: string, bytes: Buffer): void;
}

/** Mime from the first bytes; HQ only accepts images anyway. */
function sniffMime(bytes: Buffer): string {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return 'application/octet-stream';
}

export function createAttachmentAccess(db: Db, dataDir: string): AttachmentAccess {
  const dir = join(dataDir, 'attachments');
  const file = (sha: string) => join(dir, sha);
  return {
    has: (sha) => existsSync(file(sha)),
    read: (sha) => (existsSync(file(sha)) ? readFileSync(file(sha)) : null),
    write: (sha, bytes) => {
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha) throw new Error(`lampiran ${sha.slice(0, 12)}… rusak di perjalanan (hash tidak cocok)`);
      mkdirSync(dir, { recursive: true });
      const tmp = `${file(sha)}.part`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file(sha));
      q(db, 'INSERT OR IGNORE INTO attachments (sha256, mime, bytes, name, created_at) VALUES (?, ?, ?, ?, ?)').run(
        sha,
        sniffMime(bytes),
        bytes.length,
        '',
        nowIso(),
      );
    },
  };
}
