import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

const MAX_RANGES = 512;

/**
 * The ranges of a `Range: bytes=…` header against a file of `size` bytes: null to send the
 * whole file (no header, or one we do not understand, as RFC 9110 allows), 'unsatisfiable'
 * for a 416. Ranges stay in the order asked; electron-updater asks for the blocks it lacks,
 * many at a time, when it downloads a new installer differentially.
 */
function parseRange(header: string | undefined, size: number): ByteRange[] | null | 'unsatisfiable' {
  if (header === undefined) return null;
  const m = /^bytes=([\d\s,-]+)$/.exec(header.trim());
  if (!m) return null;
  const parts = m[1]!.split(',').map((p) => p.trim());
  if (parts.length > MAX_RANGES) return null;
  const ranges: ByteRange[] = [];
  for (const part of parts) {
    const r = /^(\d*)-(\d*)$/.exec(part);
    if (!r || (r[1] === '' && r[2] === '')) return null;
    if (r[1] === '') {
      // Suffix: the last N bytes.
      const n = Number(r[2]);
      if (n === 0) continue;
      ranges.push({ start: Math.max(0, size - n), end: size - 1 });
      continue;
    }
    const start = Number(r[1]);
    const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
    if (end < start && r[2] !== '') return null;
    if (start >= size) continue;
    ranges.push({ start, end });
  }
  return ranges.length === 0 ? 'unsatisfiable' : ranges;
}

async function* multipart(path: string, ranges: ByteRange[], heads: string[], tail: string): AsyncGenerator<Buffer> {
  for (const [i, r] of ranges.entries()) {
    yield Buffer.from(heads[i]!);
    for await (const chunk of createReadStream(path, { start: r.start, end: r.end })) yield chunk as Buffer;
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(tail);
}

/** Sends `path` (of `size` bytes) whole, as one range (206) or as multipart/byteranges (206). */
export function sendFile(
  reply: FastifyReply,
  path: string,
  size: number,
  rangeHeader: string | undefined,
  contentType: string,
): FastifyReply {
  reply.header('accept-ranges', 'bytes').header('cache-control', 'private, no-cache');
  const ranges = parseRange(rangeHeader, size);
  if (ranges === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
  if (ranges === null) {
    return reply
      .header('content-type', contentType)
      .header('content-length', String(size))
      .send(createReadStream(path));
  }
  if (ranges.length === 1) {
    const [r] = ranges as [ByteRange];
    return reply
      .code(206)
      .header('content-type', contentType)
      .header('content-range', `bytes ${r.start}-${r.end}/${size}`)
      .header('content-length', String(r.end - r.start + 1))
      .send(createReadStream(path, { start: r.start, end: r.end }));
  }
  const boundary = randomBytes(12).toString('hex');
  const heads = ranges.map(
    (r) => `--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`,
  );
  const tail = `--${boundary}--\r\n`;
  const length = ranges.reduce((n, r, i) => n + heads[i]!.length + (r.end - r.start + 1) + 2, tail.length);
  return reply
    .code(206)
    .header('content-type', `multipart/byteranges; boundary=${boundary}`)
    .header('content-length', String(length))
    .send(Readable.from(multipart(path, ranges, heads, tail)));
}
