import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-errors';
import type { EdgeLimits } from './options';

/** What an overloaded HQ answers: the protocol's 503 body (the plugin adds Retry-After). */
class Overloaded extends HttpError {
  constructor() {
    super('unavailable', 'HQ is overloaded; retry later');
  }
}

/**
 * Overload answers 503 at once instead of queueing requests until every answer, the health
 * probe's included, takes seconds.
 */
export async function registerPressureRelief(app: FastifyInstance, limits: EdgeLimits): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    maxRssBytes: limits.maxRssBytes,
    retryAfter: 10,
    customError: Overloaded,
  });
}
