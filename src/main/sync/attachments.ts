import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../../node/fs/atomic-write';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../node/fs/private-dir';
import { sniffImage } from '../../node/images/sniff';
import { type Db, recordAttachment } from '../store';

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

/** Earlier versions downloaded into `<sha256>.part` and left it behind when a download died. */
function removePartFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.endsWith('.part')) rmSync(join(dir, name), { force: true });
}

export function createAttachmentAccess(db: Db, dataDir: string): AttachmentAccess {
  const dir = join(dataDir, 'attachments');
  const file = (sha: string) => join(dir, sha);
  removePartFiles(dir);
  return {
    has: (sha) => existsSync(file(sha)),
    read: (sha) => (existsSync(file(sha)) ? readFileSync(file(sha)) : null),
    write: (sha, bytes) => {
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha) throw new Error(`lampiran ${sha.slice(0, 12)}… rusak di perjalanan (hash tidak cocok)`);
      ensurePrivateDir(dir);
      writeFileAtomicSync(file(sha), bytes, { mode: PRIVATE_FILE_MODE });
      // HQ only accepts images anyway; the fallback keeps a row for anything else it sent.
      recordAttachment(db, {
        sha256: sha,
        mime: sniffImage(bytes) ?? 'application/octet-stream',
        bytes: bytes.length,
        name: '',
      });
    },
  };
}
