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

/** Reads the per-run secret the web host injects into index.html. */
function readSecret(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="warta-secret"]')?.content ?? '';
}

/**
 * The web host makes a fresh secret each run. After it restarts, the page's copy is stale and
 * every save would be refused while the writer's words wait in the editor; so on that one
 * refusal we re-read the secret from index.html (same origin — the same place the page got it)
 * and try again, instead of forcing a reload that would drop unsaved text.
 */
async function fetchFreshSecret(): Promise<string | null> {
  try {
    const response = await fetch('/', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return null;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    return readSecret(doc) || null;
  } catch {
    return null;
  }
}

const isStaleSecret = (status: number, body: unknown): boolean => {
  if (status !== 403 || typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: { message?: unknown } }).error;
  return typeof error?.message === 'string' && /x-warta-secret/i.test(error.message);
};

/**
 * Web host: POST /rpc/<method> with the secret header. The body is the envelope whatever
 * the status code, so a 4xx still tells us the reason; only a body that is not an envelope
 * (a proxy page, a dropped connection) becomes a network error here.
 */
function httpTransport(initialSecret: string): Transport {
  let secret = initialSecret;
  const post = async (name: string, body: string): Promise<{ status: number; envelope: unknown }> => {
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
    const first = await post(name, body);
    if (!isStaleSecret(first.status, first.envelope)) return first.envelope;
    const fresh = await fetchFreshSecret();
    if (!fresh || fresh === secret) return first.envelope;
    secret = fresh;
    return (await post(name, body)).envelope;
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
  return httpTransport(readSecret());
}

export function makeApi(): Api {
  return createClient(selectTransport());
}
