import type { ProtocolErrorCode } from '../shared/sync/protocol';

const STATUS: Record<ProtocolErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  code_expired: 401,
  code_used: 401,
  forbidden: 403,
  not_found: 404,
  seq_gap: 409,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  quota_exceeded: 507,
  unavailable: 503,
  internal: 500,
};

/** An error that becomes an ErrorResponse with the right HTTP status. */
export class HttpError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly extra: { expectedSeq?: number; seq?: number } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = STATUS[code];
  }
}
