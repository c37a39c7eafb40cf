import {
  EnvelopeSchema,
  type Envelope,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../src/shared/contract';
import type { WebHostClient } from './web-host';

export interface RpcResponse {
  status: number;
  envelope: Envelope;
}

/**
 * Calls the web host exactly as the page does (POST /rpc/<method>, JSON body, the session
 * cookie, the session's token header, our own Origin). `headers` overrides or removes
 * (undefined) any of those.
 */
export async function rpcRaw(
  host: WebHostClient,
  method: string,
  body: unknown,
  headers: Record<string, string | undefined> = {},
): Promise<RpcResponse> {
  const base: Record<string, string | undefined> = {
    'content-type': 'application/json',
    cookie: (await host.session()).cookie,
    'x-warta-secret': (await host.session()).rpcToken,
    origin: host.origin,
    ...headers,
  };
  const sent: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) sent[k] = v;
  const res = await fetch(new URL(`rpc/${method}`, host.url), {
    method: 'POST',
    headers: sent,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const envelope = EnvelopeSchema.parse(await res.json());
  return { status: res.status, envelope };
}

/** Typed call that throws with the host's message when the envelope is not ok. */
export async function rpc<K extends MethodName>(
  host: WebHostClient,
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const { status, envelope } = await rpcRaw(host, method, input);
  if (!envelope.ok) throw new Error(`${method} failed (${status} ${envelope.error.code}): ${envelope.error.message}`);
  return envelope.value as MethodOutput<K>;
}
