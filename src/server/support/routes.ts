import type { FastifyInstance } from 'fastify';
import { LogBundleSchema, MAX_LOG_BUNDLE_BYTES, SUPPORT_PATHS } from '../../shared/sync/protocol';
import { deviceOf } from '../auth';
import type { EdgeGuard } from '../edge/guard';
import { parseOr400 } from '../validate';
import type { DeviceLogs } from './store';

/** `POST /api/v1/support/logs`: a device's log bundle, kept for an admin to read by device. */
export function registerSupportRoutes(app: FastifyInstance, deps: { guard: EdgeGuard; logs: DeviceLogs }): void {
  app.post(
    SUPPORT_PATHS.logs,
    // JSON escaping can grow the text; the schema caps the text itself.
    { onRequest: deps.guard.requireDevice, bodyLimit: MAX_LOG_BUNDLE_BYTES * 2 + 4096 },
    async (request) => {
      const who = deviceOf(request);
      const bundle = parseOr400(LogBundleSchema, request.body, 'log bundle');
      deps.logs.add(who.device.id, who.office.id, bundle.bundleId, bundle.text, new Date().toISOString());
      return { stored: true };
    },
  );
}
