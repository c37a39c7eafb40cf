import { z } from 'zod';

/** Every 4xx/5xx body is an ErrorResponse with one of these codes. */
const PROTOCOL_ERROR_CODES = [
  /** 400: malformed JSON, wrong types, unknown fields, bad hash. `message` says which. */
  'invalid_input',
  /** 401: missing/unknown/revoked token, or a bad enrollment code. */
  'unauthorized',
  /** 401 on enroll: the code expired. */
  'code_expired',
  /** 401 on enroll: the code was already used. */
  'code_used',
  /** 403: the device may not touch this release/office (whole batch refused, `seq` = entry). */
  'forbidden',
  /** 404: unknown route or attachment. */
  'not_found',
  /** 409 on push: `expectedSeq` is the seq HQ needs next; resend from there. */
  'seq_gap',
  /** 413: batch or attachment over the caps in limits.ts. */
  'too_large',
  /** 415: wrong content type, or attachment bytes that are not a JPEG, PNG, WebP or GIF. */
  'unsupported_media',
  /** 429: too many requests (enrollment, failed tokens, one device); retry after `retry-after` seconds. */
  'rate_limited',
  /** 507: the office's attachment quota is used up. */
  'quota_exceeded',
  /** 503: HQ is shutting down or overloaded; retry later. */
  'unavailable',
  /** 500. */
  'internal',
] as const;
const ProtocolErrorCodeSchema = z.enum(PROTOCOL_ERROR_CODES);
export type ProtocolErrorCode = z.infer<typeof ProtocolErrorCodeSchema>;

/** Body of every non-2xx answer. */
export const ErrorResponseSchema = z.object({
  code: ProtocolErrorCodeSchema,
  message: z.string(),
  /** seq_gap: the next seq HQ will accept. */
  expectedSeq: z.number().int().positive().optional(),
  /** forbidden (push): the entry that was refused. */
  seq: z.number().int().positive().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
