import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { prepareCached as q } from '../../node/db/statement-cache';
import { writeFileAtomicSync } from '../../node/fs/atomic-write';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../node/fs/private-dir';
import { sniffImage, type ImageMime } from '../../node/images/sniff';
import { WartaError } from '../../shared/contract/define';
import { MAX_IMAGE_BYTES } from '../../shared/contract/releases';
import { isSha256 } from '../../shared/domain/digest';
import { nowIso } from './clock';
import type { Store } from './store';
import type { Db } from './types';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Accepts plain base64 or a data: URL; refuses anything that isn't base64 rather than guess. */
function decodeBase64(input: string): Buffer {
  const body = input.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, '');
  if (body.length % 4 === 1 || !BASE64.test(body)) throw new WartaError('invalid_input', 'image.notBase64');
  return Buffer.from(body, 'base64');
}

export interface ImportedImage {
  attachment: string;
  mime: ImageMime;
  bytes: number;
}

/** Stores an image content-addressed at attachments/<sha256>; importing the same bytes twice is a no-op. */
export function importImage(store: Store, name: string, dataBase64: string): ImportedImage {
  const bytes = decodeBase64(dataBase64);
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new WartaError('too_large', 'image.tooLarge', {
      name,
      sizeMb: (bytes.length / 1048576).toFixed(1),
      limitMb: MAX_IMAGE_BYTES / 1048576,
    });
  }
  if (bytes.length === 0) throw new WartaError('unsupported_media', 'image.empty', { name });
  const mime = sniffImage(bytes);
  if (!mime) {
    throw new WartaError('unsupported_media', 'image.notAnImage', { name });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ensurePrivateDir(store.attachmentsDir, store.log);
  const path = join(store.attachmentsDir, sha256);
  if (!existsSync(path) || statSync(path).size !== bytes.length)
    writeFileAtomicSync(path, bytes, { mode: PRIVATE_FILE_MODE });
  // The row goes in only after the file is durably in place: a row never points at nothing.
  recordAttachment(store.db, { sha256, mime, bytes: bytes.length, name });
  return { attachment: sha256, mime, bytes: bytes.length };
}

export interface AttachmentRecord {
  sha256: string;
  mime: string;
  bytes: number;
  name: string;
}

/**
 * Records a file already durably at attachments/<sha256>; recording the same bytes again is a
 * no-op, so the first name given sticks.
 */
export function recordAttachment(db: Db, a: AttachmentRecord): void {
  q(db, 'INSERT OR IGNORE INTO attachments (sha256, mime, bytes, name, created_at) VALUES (?, ?, ?, ?, ?)').run(
    a.sha256,
    a.mime,
    a.bytes,
    a.name.slice(0, 255),
    nowIso(),
  );
}

export interface AttachmentFile {
  path: string;
  mime: string;
  bytes: number;
}

/** For the /media/<sha256> route: the file and its type, or null when unknown or missing. */
export function readAttachment(store: Store, sha256: string): AttachmentFile | null {
  if (!isSha256(sha256)) return null;
  const row = store.db
    .prepare<[string], { mime: string; bytes: number }>('SELECT mime, bytes FROM attachments WHERE sha256 = ?')
    .get(sha256);
  if (!row) return null;
  const path = join(store.attachmentsDir, sha256);
  if (!existsSync(path)) return null;
  return { path, mime: row.mime, bytes: row.bytes };
}
