import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, deviceOf, rememberDevice } from '../auth';
import { HttpError } from '../http-errors';
import type { HqStorage } from '../storage/types';
import type { EdgeLimits, RateWindow } from './options';

export interface EdgeGuard {
  /**
   * onRequest hook of every route a device calls: the token is checked before a single byte
   * of the body is read, so an unauthenticated upload costs HQ no memory and no parse.
   */
  requireDevice(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Route config that limits enrollment attempts per client address. */
  enrollConfig: { rateLimit: { max: number; timeWindow: number } };
}

const tooMany = (reply: FastifyReply, seconds: number, what: string): HttpError => {
  reply.header('retry-after', String(Math.max(1, seconds)));
  return new HttpError('rate_limited', `too many ${what}; retry in ${Math.max(1, seconds)} s`);
};

/**
 * A request refused before its body was read: close the connection after the answer, so
 * the rest of a large or slow body is not received (and discarded) at HQ's expense.
 */
function closeIfBody(request: FastifyRequest, reply: FastifyReply): void {
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > 0 || request.headers['transfer-encoding'] !== undefined) reply.header('connection', 'close');
}

const window = (w: RateWindow) => ({ max: w.max, timeWindow: w.windowMs });

export async function registerEdgeGuard(
  app: FastifyInstance,
  storage: HqStorage,
  limits: EdgeLimits,
): Promise<EdgeGuard> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, ctx) => new HttpError('rate_limited', `too many requests; retry in ${ctx.after}`),
  });
  const failures = app.createRateLimit({ ...window(limits.authFailures), keyGenerator: (r) => r.ip });
  const perDevice = app.createRateLimit({
    ...window(limits.perDevice),
    keyGenerator: (r) => deviceOf(r).device.id,
  });

  return {
    enrollConfig: { rateLimit: window(limits.enroll) },
    async requireDevice(request, reply) {
      // An address that keeps guessing waits out its window, even if a guess would be right.
      const seen = await failures(request, { increment: false });
      if (!seen.isAllowed && seen.remaining === 0) {
        closeIfBody(request, reply);
        throw tooMany(reply, seen.ttlInSeconds, 'failed authentications from this address');
      }
      let who;
      try {
        who = authenticate(storage, request);
      } catch (err) {
        await failures(request);
        closeIfBody(request, reply);
        throw err;
      }
      rememberDevice(request, who);
      const used = await perDevice(request);
      if (!used.isAllowed && used.isExceeded) {
        closeIfBody(request, reply);
        throw tooMany(reply, used.ttlInSeconds, 'requests from this device');
      }
    },
  };
}
