import { z } from 'zod';
import { contract, isMethodName, type Handlers, type MethodName } from './index';
import { WartaError, type Envelope } from './define';

/** Logs what went wrong inside a handler without leaking internals to the caller. */
export type ErrorLogger = (method: string, error: unknown) => void;

/**
 * The single entry point both transports use: checks the method name, validates the
 * input against the contract, runs the handler and turns any failure into an envelope.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  log: ErrorLogger,
): Promise<Envelope> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${name.slice(0, 64)}"` } };
  }
  const def = contract[name];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `${name}: ${z.prettifyError(parsed.error)}` } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof WartaError) return { ok: false, error: { code: error.code, message: error.message } };
    log(name, error);
    return {
      ok: false,
      error: { code: 'internal', message: `${name} failed: ${error instanceof Error ? error.message : String(error)}` },
    };
  }
}

export type { MethodName };
