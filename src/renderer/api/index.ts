import { WartaError, type Api } from '../../shared/contract';
import { formatCode, formatReason } from '../../shared/errors/format';
import { currentLanguage } from '../i18n';
import { makeApi } from './transport';

/** The one typed door to the main process (IPC on desktop, HTTP on the web host). */
export const api: Api = makeApi();

/**
 * Words anything a contract call threw in the interface language: by its reason when it
 * has one, else by its text (an older host, or the transport's own already-worded
 * failures) — but never an unexpected failure's internals, which belong in the log.
 */
export function errorMessage(error: unknown): string {
  const language = currentLanguage();
  if (error instanceof WartaError) {
    if (error.reason) return formatReason(language, error.reason, error.params);
    return error.code === 'internal' ? formatCode(language, 'internal') : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorCode(error: unknown): string | null {
  return error instanceof WartaError ? error.code : null;
}
