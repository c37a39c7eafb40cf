import { METHOD_NAMES, type Api, type MethodName } from './index';
import { EnvelopeSchema, WartaError } from './define';

/** Sends one call over some transport and returns the raw envelope. */
export type Transport = (name: MethodName, input: unknown) => Promise<unknown>;

/** Builds the typed Api over a transport; failed calls reject with a WartaError. */
export function createClient(transport: Transport): Api {
  const api: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    api[name] = async (input: unknown) => {
      const envelope = EnvelopeSchema.parse(await transport(name, input));
      if (!envelope.ok) {
        const { code, reason, params, message } = envelope.error;
        throw reason ? new WartaError(code, reason, params, message) : new WartaError(code, undefined, {}, message);
      }
      return envelope.value;
    };
  }
  return api as Api;
}
