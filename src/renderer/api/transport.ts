import i18next from 'i18next';
import type { Api, MethodName } from '../../shared/contract';
import { id } from '../i18n/id';
import { createClient, type Transport } from '../../shared/contract/client';

/** What the desktop preload exposes: one function per contract method, each resolving to the raw envelope. */
type PreloadBridge = Partial<Record<MethodName, (input: unknown) => Promise<unknown>>>;

declare global {
  interface Window {
    warta?: PreloadBridge;
  }
}

/** Desktop: the preload's contextBridge object. */
function preloadTransport(bridge: PreloadBridge): Transport {
  return async (name, input) => {
    const fn = bridge[name];
    if (typeof fn !== 'function') {
      return { ok: false, error: { code: 'unknown_method', message: say('noMethod', { name }) } };
    }
    return fn(input);
  };
}

/**
 * The web host gives the page its RPC token only in answer to a request carrying the session
 * cookie (HttpOnly, set when the one-time link was opened), never inside index.html.
 */
async function fetchToken(): Promise<string | null> {
  try {
    const response = await fetch('/session', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    const token = typeof body === 'object' && body !== null ? (body as { rpcToken?: unknown }).rpcToken : undefined;
    return typeof token === 'string' && token ? token : null;
  } catch {
    return null;
  }
}

const isStaleToken = (status: number, body: unknown): boolean => {
  if (status !== 403 || typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: { message?: unknown } }).error;
  return typeof error?.message === 'string' && /x-warta-secret/i.test(error.message);
};

/**
 * Web host: POST /rpc/<method> with the session cookie and the session's token header. The
 * body is the envelope whatever the status code, so a 4xx still tells us the reason (a page
 * without a session is told to open the printed link); only a body that is not an envelope
 * (a proxy page, a dropped connection) becomes a network error here.
 */
function httpTransport(): Transport {
  let token: Promise<string | null> | null = null;
  const post = async (name: string, body: string, secret: string): Promise<{ status: number; envelope: unknown }> => {
    let response: Response;
    try {
      response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-warta-secret': secret },
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        // Lets a save started as the page is hidden or closed still reach the host. Only then:
        // the browser caps all keepalive bodies in flight together at 64 KB.
        keepalive: document.visibilityState === 'hidden' && body.length < 60_000,
      });
    } catch (error) {
      return {
        status: 0,
        envelope: { ok: false, error: { code: 'network', message: say('unreachable', { message: errorText(error) }) } },
      };
    }
    const text = await response.text();
    try {
      return { status: response.status, envelope: JSON.parse(text) as unknown };
    } catch {
      return {
        status: response.status,
        envelope: { ok: false, error: { code: 'network', message: say('unreadable', { status: response.status }) } },
      };
    }
  };
  return async (name, input) => {
    const body = JSON.stringify(input ?? {});
    // Asked for lazily and again after a failed ask: the host may have been down at first.
    if (token === null || (await token) === null) token = fetchToken();
    const secret = (await token) ?? '';
    const first = await post(name, body, secret);
    if (!isStaleToken(first.status, first.envelope)) return first.envelope;
    // The host was started again with another signing key while this page stayed open.
    token = fetchToken();
    const fresh = await token;
    if (!fresh || fresh === secret) return first.envelope;
    return (await post(name, body, fresh)).envelope;
  };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Transport messages go through the same resources; before i18n starts, the Indonesian ones. */
function say(key: keyof typeof id.transport, values: Record<string, string | number>): string {
  if (i18next.isInitialized) return i18next.t(`transport.${key}`, values);
  return id.transport[key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ''));
}

function selectTransport(): Transport {
  if (typeof window !== 'undefined' && window.warta && typeof window.warta === 'object')
    return preloadTransport(window.warta);
  return httpTransport();
}

export function makeApi(): Api {
  return createClient(selectTransport());
}
