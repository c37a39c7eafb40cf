import { WartaError } from '../../shared/contract/define';
import { formatReason } from '../../shared/errors/format';
import { HqError } from './hq-client';

/** What the writer reads when enrollment fails: what went wrong and what to do about it. */
export function enrollError(error: unknown, url: string): WartaError {
  if (!(error instanceof HqError)) return new WartaError('internal', 'sync.enrollFailed', { detail: String(error) });
  if (error.kind === 'network') return new WartaError('network', 'sync.unreachable', { url });
  switch (error.code) {
    case 'code_expired':
      return new WartaError('unauthorized', 'sync.codeExpired');
    case 'code_used':
      return new WartaError('unauthorized', 'sync.codeUsed');
    case 'unauthorized':
      return new WartaError('unauthorized', 'sync.codeWrong');
    case 'invalid_input':
      return new WartaError('invalid_input', 'sync.codeInvalid');
    default:
      if (error.kind === 'protocol' || error.status === 404)
        return new WartaError('network', 'sync.notWartaServer', { url });
      return new WartaError('network', 'sync.serverTrouble', { detail: error.message });
  }
}

export const notEnrolledError = (): WartaError => new WartaError('unauthorized', 'sync.notEnrolled');

/** A revoked or unknown device token: retrying cannot help, the writer must reconnect. */
export const isTokenRefused = (error: unknown): boolean => error instanceof HqError && error.status === 401;

/** The status line after a failed run. */
export function runFailureMessage(error: unknown): string {
  if (isTokenRefused(error)) return formatReason('id', 'sync.deviceRefused');
  return error instanceof Error ? error.message : String(error);
}
