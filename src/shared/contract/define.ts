import { z } from 'zod';
import { formatReason } from '../errors/format';
import { ErrorParamsSchema, ErrorReasonSchema, type ErrorParams, type ErrorReason } from '../errors/reasons';

/** One method of the renderer ↔ main contract: validated input and output. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> => ({
  input,
  output,
});

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media',
  'storage',
  'forbidden',
  'unauthorized',
  'network',
  'needs_confirmation',
  'internal',
] as const;
const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * The error a service throws: a transport category (`code`), the specific `reason` the
 * renderer words in the user's language, and its `params`. `message` is the Indonesian
 * wording, for logs, the CLI and callers that know no reasons.
 */
export class WartaError extends Error {
  readonly reason: ErrorReason | undefined;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, reason: ErrorReason, params?: ErrorParams, message?: string);
  /** A reply that names no reason (an older peer): its text is all there is. */
  constructor(code: ErrorCode, reason: undefined, params: ErrorParams, message: string);
  constructor(
    readonly code: ErrorCode,
    reason: ErrorReason | undefined,
    params: ErrorParams = {},
    message?: string,
  ) {
    super(message ?? (reason ? formatReason('id', reason, params) : ''));
    this.name = 'WartaError';
    this.reason = reason;
    this.params = params;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason, params: this.params } : {}),
    };
  }
}

/** `reason` and `params` are optional so an older peer still parses; an unknown reason is dropped. */
const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  reason: ErrorReasonSchema.optional().catch(undefined),
  params: ErrorParamsSchema.optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** What crosses the wire for every call, IPC or HTTP. */
export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorBodySchema }),
]);
export type Envelope = z.infer<typeof EnvelopeSchema>;
