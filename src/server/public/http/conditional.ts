import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const etagOf = (...parts: (string | number | null)[]): string =>
  `"${createHash('sha256').update(parts.map(String).join('\u0001')).digest('base64url').slice(0, 27)}"`;

/** Pages in a row mostly carry the same Last-Modified. */
let lastDate = { iso: '', http: '' };
const httpDateOf = (iso: string): string => {
  if (lastDate.iso !== iso) lastDate = { iso, http: new Date(iso).toUTCString() };
  return lastDate.http;
};

const stripWeak = (t: string): string => t.trim().replace(/^W\//, '');

/**
 * Sets ETag / Last-Modified / Cache-Control and answers 304 when the client's copy is current
 * (If-None-Match wins over If-Modified-Since, as RFC 9110 says). Returns true when it replied.
 */
export function notModified(
  req: FastifyRequest,
  reply: FastifyReply,
  v: { etag: string; lastModified: string | null; cacheControl: string },
): boolean {
  reply.header('etag', v.etag).header('cache-control', v.cacheControl).header('vary', 'Accept-Encoding');
  if (v.lastModified) reply.header('last-modified', httpDateOf(v.lastModified));
  const inm = req.headers['if-none-match'];
  let fresh = false;
  if (typeof inm === 'string') {
    fresh = inm.trim() === '*' || inm.split(',').some((t) => stripWeak(t) === stripWeak(v.etag));
  } else {
    const ims = req.headers['if-modified-since'];
    if (typeof ims === 'string' && v.lastModified) {
      const since = Date.parse(ims);
      // HTTP dates have whole seconds.
      fresh = !Number.isNaN(since) && Math.floor(Date.parse(v.lastModified) / 1000) * 1000 <= since;
    }
  }
  if (fresh) {
    reply.code(304).send();
    return true;
  }
  return false;
}

/** A small bounded cache of rendered responses, keyed by everything they depend on. */
export class RenderCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 500) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}
