import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { WartaError } from '../../shared/contract/define';
import { IMAGE_MIME_TYPES, MAX_IMAGE_BYTES } from '../../shared/contract/releases';
import { nowIso } from './clock';
import type { Store } from './store';

export type ImageMime = (typeof IMAGE_MIME_TYPES)[number];

/** The type is read from the bytes themselves; a file's name or claimed type proves nothing. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const at = (i: number) => bytes[i];
  const ascii = (from: number, text: string) => [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0));
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b))
    return 'image/png';
  if (bytes.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (bytes.length >= 6 && (ascii(0, 'GIF87a') || ascii(0, 'GIF89a'))) return 'image/gif';
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Accepts plain base64 or a data: URL; refuses anything that isn't base64 rather than guess. */
export function decodeBase64(input: string): Buffer {
  const body = input.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, '');
  if (body.length % 4 === 1 || !BASE64.test(body)) throw new WartaError('invalid_input', 'image.notBase64');
  return Buffer.from(body, 'base64');
}

/** Writes a file so that it is either absent or complete: temp file, fsync, rename, fsync dir. */
export function writeFileAtomic(dir: string, name: string, data: Uint8Array): void {
  const tmp = join(dir, `.tmp-${name}-${randomBytes(6).toString('hex')}`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, join(dir, name));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Some platforms (Windows) can't fsync a directory; the rename itself is still atomic.
  }
}

/**
 * Removes temp files an import left behind when the app died between writing and renaming.
 * Only old ones: a fresh temp file may belong to an import still running.
 */
export function sweepStaleTemp(dir: string, olderThanMs = 60 * 60_000): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('.tmp-')) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > olderThanMs) {
        rmSync(path, { force: true });
        removed += 1;
      }
    } catch {
      // gone already, or unreadable: not ours to fuss over
    }
  }
  return removed;
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
  mkdirSync(store.attachmentsDir, { recursive: true });
  const path = join(store.attachmentsDir, sha256);
  if (!existsSync(path) || statSync(path).size !== bytes.length) writeFileAtomic(store.attachmentsDir, sha256, bytes);
  // The row goes in only after the file is durably in place: a row never points at nothing.
  store.db
    .prepare('INSERT OR IGNORE INTO attachments (sha256, mime, bytes, name, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(sha256, mime, bytes.length, name.slice(0, 255), nowIso());
  return { attachment: sha256, mime, bytes: bytes.length };
}

export interface AttachmentFile {
  path: string;
  mime: string;
  bytes: number;
}

/** For the /media/<sha256> route: the file and its type, or null when unknown or missing. */
export function readAttachment(store: Store, sha256: string): AttachmentFile | null {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const row = store.db
    .prepare<[string], { mime: string; bytes: number }>('SELECT mime, bytes FROM attachments WHERE sha256 = ?')
    .get(sha256);
  if (!row) return null;
  const path = join(store.attachmentsDir, sha256);
  if (!existsSync(path)) return null;
  return { path, mime: row.mime, bytes: row.bytes };
}
