import { createHash } from 'node:crypto';
import type { Rng } from './random';

/** An 8×8 baseline JPEG (made once with sharp): any decoder opens it. */
const TINY_JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQAIoX/9k=',
  'base64',
);
const MAX_SEGMENT = 0xffff - 2;

export interface CorpusImage {
  sha256: string;
  bytes: Buffer;
}

/**
 * A valid JPEG of exactly `size` bytes whose bulk is seeded noise in comment (COM) segments,
 * which decoders skip: as incompressible as a photo, distinct per seed, and it passes the
 * magic-byte check workstation and HQ apply to attachments.
 */
export function jpegOfSize(rng: Rng, size: number): CorpusImage {
  const padding = size - TINY_JPEG.length;
  const segments: Buffer[] = [];
  for (let left = padding; left > 0;) {
    const payload = Math.min(MAX_SEGMENT, left - 4);
    if (payload < 0) break;
    const segment = Buffer.alloc(4 + payload);
    segment[0] = 0xff;
    segment[1] = 0xfe;
    segment.writeUInt16BE(payload + 2, 2);
    rng.fill(segment.subarray(4));
    segments.push(segment);
    left -= segment.length;
  }
  // COM segments go after SOI (the first two bytes), before the quantisation tables.
  const bytes = Buffer.concat([TINY_JPEG.subarray(0, 2), ...segments, TINY_JPEG.subarray(2)]);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}
