import type { Api, MethodName } from '../../shared/contract';
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
      return { ok: false, error: { code: 'unknown_method', message: `Metode "${name}" tidak tersedia di aplikasi desktop ini.` } };
    }
    return fn(input);
  };
}

/** Reads the per-run secret the web host injects into index.html. */
export function readSecret(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="warta-secret"]')?.content ?? '';
}

/**
 * Web host: POST /rpc/<method> with the secret header. The body is the envelope whatever
 * the status code, so a 4xx still tells us the reason; only a body that is not an envelope
 * (a proxy page, a dropped connection) becomes a network error here.
 */
function httpTransport(secret: string): Transport {
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-warta-secret': secret },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      return { ok: false, error: { code: 'network', message: `Tidak dapat menghubungi layanan lokal: ${errorText(error)}` } };
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return { ok: false, error: { code: 'network', message: `Jawaban tidak terbaca dari layanan lokal (HTTP ${response.status}).` } };
    }
  };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function selectTransport(): Transport {
  if (typeof window !== 'undefined' && window.warta && typeof window.warta === 'object') return preloadTransport(window.warta);
  return httpTransport(readSecret());
}

export function makeApi(): Api {
  return createClient(selectTransport());
}
