import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../../node/fs/atomic-write';
import { PRIVATE_FILE_MODE } from '../../node/fs/private-dir';
import { secretMatches } from './guard';

/**
 * A browser session of the web host, proven by cookies the host signs with a key of its own.
 * One session id gives three unrelated values: the session cookie (HttpOnly, every path),
 * the media cookie (HttpOnly, /media only) and the RPC token the page sends as a header,
 * which it can only fetch with the session cookie. Knowing one never gives another.
 */
export interface SessionKeys {
  /** A new session's cookie values. */
  issue(): { session: string; media: string };
  /** The id a session cookie proves, or null for a missing, forged or foreign one. */
  sessionOf(cookie: string | undefined): string | null;
  /** What the page of session `id` sends as x-warta-secret. */
  rpcToken(id: string): string;
  /** Whether a media cookie was issued by us. */
  mediaAllowed(cookie: string | undefined): boolean;
}

const KEY_BYTES = 32;
const ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The signing key, kept 0600 in the data dir so an open page keeps working when the host
 * restarts (the writer's unsaved words wait in it). Without a file (tests), one per run.
 */
function loadKey(file: string | undefined): Buffer {
  if (!file) return randomBytes(KEY_BYTES);
  try {
    const stored = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    if (stored.length === KEY_BYTES) return stored;
  } catch {
    // missing or unreadable: make a new one (old sessions simply end)
  }
  const key = randomBytes(KEY_BYTES);
  writeFileAtomicSync(file, key.toString('base64url'), { mode: PRIVATE_FILE_MODE });
  return key;
}

export function createSessionKeys(keyFile?: string): SessionKeys {
  const key = loadKey(keyFile);
  const mac = (purpose: string, id: string): string =>
    createHmac('sha256', key).update(`${purpose}\0${id}`).digest('base64url');
  const signed = (purpose: string, id: string): string => `${id}.${mac(purpose, id)}`;
  const idOf = (purpose: string, cookie: string | undefined): string | null => {
    if (typeof cookie !== 'string') return null;
    const dot = cookie.indexOf('.');
    const id = cookie.slice(0, dot);
    if (dot < 0 || !ID.test(id)) return null;
    return secretMatches(cookie.slice(dot + 1), mac(purpose, id)) ? id : null;
  };
  return {
    issue() {
      const id = randomBytes(16).toString('base64url');
      return { session: signed('session', id), media: signed('media', id) };
    },
    sessionOf: (cookie) => idOf('session', cookie),
    rpcToken: (id) => mac('rpc', id),
    mediaAllowed: (cookie) => idOf('media', cookie) !== null,
  };
}
