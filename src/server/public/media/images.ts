import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../../../node/fs/atomic-write';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../../node/fs/private-dir';
import { isSha256 } from '../../../shared/domain/digest';
import type { AttachmentSource } from '../types';
import { IMAGE_WIDTHS } from './sizes';
import type { ImageFormat, ImageSize } from './sizes';

export class MediaNotFound extends Error {}

/** Larger sources are refused (decompression bombs); 50 MP covers any newsroom camera. */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Renditions of attachment images for the public pages. Each (sha256, size, format) is produced
 * once — concurrent first requests share one sharp job — and kept under `<cacheDir>`. Output
 * carries no metadata at all: sharp drops EXIF/XMP/IPTC (GPS included) unless asked to keep
 * it; orientation is applied to the pixels first so photos stay upright.
 */
export class ImageRenditions {
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    private readonly source: AttachmentSource,
    private readonly cacheDir: string,
  ) {}

  private pathOf(sha256: string, size: ImageSize, format: ImageFormat): string {
    return join(this.cacheDir, sha256.slice(0, 2), sha256, `${size}.${format}`);
  }

  /** Path of the cached rendition, producing it on first use. Throws MediaNotFound. */
  async rendition(sha256: string, size: ImageSize, format: ImageFormat): Promise<string> {
    const file = this.pathOf(sha256, size, format);
    if (await exists(file)) return file;
    const key = `${sha256}/${size}.${format}`;
    let job = this.inflight.get(key);
    if (!job) {
      job = this.produce(sha256, size, format, file).finally(() => this.inflight.delete(key));
      this.inflight.set(key, job);
    }
    return job;
  }

  private async produce(sha256: string, size: ImageSize, format: ImageFormat, file: string): Promise<string> {
    const bytes = await this.source.read(sha256);
    // Content addressing is a promise, not a given: never serve bytes under someone else's hash.
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) throw new MediaNotFound(sha256);
    let out: Buffer;
    try {
      const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: IMAGE_WIDTHS[size], withoutEnlargement: true })
        .flatten({ background: '#ffffff' });
      out = await (
        format === 'webp'
          ? pipeline.webp({ quality: 78 })
          : pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true })
      ).toBuffer();
    } catch {
      throw new MediaNotFound(sha256); // not an image we can read
    }
    await mkdir(join(file, '..'), { recursive: true, mode: PRIVATE_DIR_MODE });
    await writeFileAtomic(file, out, { mode: PRIVATE_FILE_MODE }); // a reader sees the whole file or none
    return file;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads attachments from a content-addressed directory. Accepts both `<dir>/<sha>` and the
 * sharded `<dir>/<sha[0..2]>/<sha>` layouts.
 */
export function directoryAttachmentSource(dir: string): AttachmentSource {
  return {
    async read(sha256) {
      if (!isSha256(sha256)) return null;
      for (const p of [join(dir, sha256.slice(0, 2), sha256), join(dir, sha256)]) {
        try {
          return await readFile(p);
        } catch {
          /* try the next layout */
        }
      }
      return null;
    },
  };
}
