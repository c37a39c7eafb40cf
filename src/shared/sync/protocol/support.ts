import { z } from 'zod';

/** Desktop updates and support logs: routes beside the sync API, same device token. */
export const SUPPORT_PATHS = {
  /** GET `${updates}/<stable|pilot>/latest*.yml` and the files they name (electron-updater generic feed). */
  updates: '/updates',
  /** POST LogBundle → { stored: true }. */
  logs: '/api/v1/support/logs',
} as const;

/** A log bundle's text: at most this many bytes (more → 413 `too_large`). */
export const MAX_LOG_BUNDLE_BYTES = 2 * 1024 * 1024;

/** Local logs a workstation sends for support, already stripped of release text and secrets. */
export const LogBundleSchema = z.strictObject({
  bundleId: z.string().regex(/^[0-9a-f-]{36}$/),
  createdAt: z.iso.datetime(),
  days: z.number().int().min(1).max(30),
  text: z.string().max(MAX_LOG_BUNDLE_BYTES),
});
export type LogBundle = z.infer<typeof LogBundleSchema>;
