import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: nobody can guess it. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Compares without leaking where the strings differ (both sides hashed to equal length). */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 256) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/** Cookie names are per host, not per port: include the port so two hosts don't clash. */
export const mediaCookieName = (port: number): string => `warta_media_${port}`;
export const sessionCookieName = (port: number): string => `warta_session_${port}`;

/** Reads one cookie from a Cookie header without pulling in a cookie library. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The request's path and its `token` query parameter (a repeated one counts as none). */
export function splitToken(url: string): { path: string; token: string | undefined } {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (q < 0) return { path, token: undefined };
  const all = new URLSearchParams(url.slice(q + 1)).getAll('token');
  return { path, token: all.length === 1 ? all[0] : undefined };
}
