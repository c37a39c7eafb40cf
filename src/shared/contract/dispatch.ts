import { z } from 'zod';
import { contract, isMethodName, type Handlers } from './index';
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
    const method = name.slice(0, 64);
    const error = new WartaError('unknown_method', 'contract.unknownMethod', { method }, `Unknown method "${method}"`);
    return { ok: false, error: error.toBody() };
  }
  const def = contract[name];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    // The zod detail is for developers; the page words the reason instead.
    const detail = `${name}: ${z.prettifyError(parsed.error)}`;
    return {
      ok: false,
      error: new WartaError('invalid_input', 'contract.invalidInput', { method: name }, detail).toBody(),
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof WartaError) return { ok: false, error: error.toBody() };
    log(name, error);
    const detail = `${name} failed: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, error: new WartaError('internal', 'internal', {}, detail).toBody() };
  }
}
