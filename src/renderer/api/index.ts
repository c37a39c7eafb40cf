import { WartaError, type Api } from '../../shared/contract';
import { makeApi } from './transport';

/** The one typed door to the main process (IPC on desktop, HTTP on the web host). */
export const api: Api = makeApi();

/** A user-facing message for anything a contract call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof WartaError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorCode(error: unknown): string | null {
  return error instanceof WartaError ? error.code : null;
}
