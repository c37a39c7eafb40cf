import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-errors';
import { watchLoopLag } from './loop-lag';
import type { EdgeLimits } from './options';

/** What an overloaded HQ answers: the protocol's 503 body (the plugin adds Retry-After). */
class Overloaded extends HttpError {
  constructor() {
    super('unavailable', 'HQ is overloaded; retry later');
  }
}

/** Seconds of event-loop delay the overload check averages over. */
const LAG_WINDOW_SECONDS = 5;

/**
 * Overload answers 503 at once instead of queueing requests until every answer, the health
 * probe's included, takes seconds. The event-loop delay is judged over several seconds (see
 * LagWindow): the plugin's own check looks at one second, in which a single burst of syncs
 * that HQ clears in two or three seconds already reads as overload.
 */
export async function registerPressureRelief(app: FastifyInstance, limits: EdgeLimits): Promise<void> {
  const max = limits.maxEventLoopDelayMs;
  // Watched from when HQ is ready: loading its code and opening the database hold the loop
  // for a while, and that is no overload.
  let lag: ReturnType<typeof watchLoopLag> | null = null;
  if (max > 0) {
    app.addHook('onReady', async () => {
      lag = watchLoopLag(LAG_WINDOW_SECONDS);
    });
    app.addHook('onClose', async () => lag?.stop());
  }
  await app.register(underPressure, {
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    maxRssBytes: limits.maxRssBytes,
    ...(max > 0 ? { healthCheck: async () => (lag?.meanMs() ?? 0) <= max, healthCheckInterval: 1000 } : {}),
    retryAfter: 10,
    customError: Overloaded,
  });
}
