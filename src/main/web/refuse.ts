import type { FastifyReply } from 'fastify';
import type { ErrorCode, Envelope } from '../../shared/contract';
import type { ErrorReason } from '../../shared/errors/reasons';

/** Every refusal of the web host is the contract's envelope, with a reason when the page words it. */
export const refuse = (
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  reason?: ErrorReason,
): FastifyReply =>
  reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ ok: false, error: { code, message, ...(reason ? { reason, params: {} } : {}) } } satisfies Envelope);
