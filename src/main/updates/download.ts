import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { WartaError } from '../../shared/contract/define';
import type { UpdateFile } from '../../node/updates/update-info';

export interface DownloadRequest {
  url: string;
  headers: Record<string, string>;
  /** The finished file; `${dest}.part` holds what arrived so far. */
  dest: string;
  expected: UpdateFile;
  onProgress(received: number, total: number): void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** The refusal of a file that is not what the feed says (sha512 kept so it is not fetched again). */
const tampered = (f: UpdateFile): WartaError =>
  new WartaError('conflict', 'updates.tampered', { file: f.url, sha512: f.sha512 });

async function hashOf(path: string, into: ReturnType<typeof createHash>): Promise<void> {
  for await (const chunk of createReadStream(path)) into.update(chunk as Buffer);
}

/**
 * Downloads an installer into `dest`, resuming a `.part` left by an earlier try with a range
 * request (a slow office link may take several syncs), and keeps it only when its size and
 * sha512 match the feed: a tampered or corrupted file is deleted and refused.
 */
export async function downloadResumable(req: DownloadRequest): Promise<void> {
  const part = `${req.dest}.part`;
  const { size, sha512 } = req.expected;
  // Downloaded before the app was restarted: keep it if it is still the right file.
  if (existsSync(req.dest)) {
    if (statSync(req.dest).size === size) {
      const again = createHash('sha512');
      await hashOf(req.dest, again);
      if (again.digest('base64') === sha512) return;
    }
    rmSync(req.dest);
  }
  let have = existsSync(part) ? statSync(part).size : 0;
  if (have > size) {
    rmSync(part);
    have = 0;
  }
  const hash = createHash('sha512');
  if (have < size) {
    const res = await (req.fetch ?? fetch)(req.url, {
      headers: { ...req.headers, ...(have > 0 ? { range: `bytes=${have}-` } : {}) },
      ...(req.signal ? { signal: req.signal } : {}),
    });
    if (res.status === 200 && have > 0) {
      // The server sent the whole file (no range support): start over.
      rmSync(part);
      have = 0;
    } else if (res.status !== 200 && res.status !== 206) {
      throw new WartaError('network', 'updates.downloadFailed', { detail: `HTTP ${res.status}` });
    }
    if (!res.body) throw new WartaError('network', 'updates.downloadFailed', { detail: 'empty response' });
    if (have > 0) await hashOf(part, hash);
    let received = have;
    req.onProgress(received, size);
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        if (received > size) return done(tampered(req.expected));
        hash.update(chunk);
        req.onProgress(received, size);
        done(null, chunk);
      },
    });
    // Each chunk is on disk before the next is read: when the link drops, everything that
    // arrived is kept for the next try's range request.
    const fd = openSync(part, have > 0 ? 'a' : 'w', 0o600);
    try {
      const toFile = new Writable({
        write(chunk: Buffer, _enc, done) {
          let off = 0;
          while (off < chunk.length) off += writeSync(fd, chunk, off);
          done();
        },
      });
      await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), count, toFile);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } else {
    await hashOf(part, hash);
  }
  const got = statSync(part).size;
  if (got < size) throw new WartaError('network', 'updates.downloadFailed', { detail: `${got}/${size} bytes` });
  if (hash.digest('base64') !== sha512) {
    rmSync(part, { force: true });
    throw tampered(req.expected);
  }
  renameSync(part, req.dest);
}
