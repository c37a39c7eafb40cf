import { z } from 'zod';
import { ErrorReasonSchema } from '../errors/reasons';
import { method } from './define';

const UpdateChannelSchema = z.enum(['stable', 'pilot']);
export type UpdateChannel = z.infer<typeof UpdateChannelSchema>;

const UpdateStatusSchema = z.object({
  /** Which of HQ's channels this workstation follows: stable, or pilot (test builds). */
  channel: UpdateChannelSchema,
  /**
   * unsupported: no installer here (the web host); idle: nothing newer seen; downloading:
   * `received` of `total` bytes; ready: verified, "Mulai ulang untuk memperbarui" installs it;
   * error: the last try failed (`error`), retried after the next sync.
   */
  state: z.enum(['unsupported', 'idle', 'downloading', 'ready', 'error']),
  version: z.string().nullable(),
  received: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  error: ErrorReasonSchema.nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const updateMethods = {
  /** The update the app found after a sync, and how far its download is. */
  getUpdateStatus: method(z.object({}), UpdateStatusSchema),
  /** "Saluran pembaruan": follow HQ's stable or pilot channel from the next sync on. */
  setUpdateChannel: method(z.object({ channel: UpdateChannelSchema }), UpdateStatusSchema),
  /**
   * Installs the downloaded update and restarts the app. With unsynced changes (or `unsaved`
   * text on the page) it fails with `needs_confirmation` / `updates.unsyncedChanges` unless
   * `confirmed`.
   */
  restartToUpdate: method(
    z.object({ confirmed: z.boolean().optional(), unsaved: z.boolean().optional() }),
    z.object({ restarting: z.literal(true) }),
  ),
  /**
   * "Kirim log ke HQ": bundles the last `days` of local logs (no release text, no secrets) and
   * queues them; they go to HQ with the next sync.
   */
  sendLogsToHq: method(
    z.object({ days: z.number().int().min(1).max(30).optional() }),
    z.object({ queued: z.literal(true), bytes: z.number().int().nonnegative(), lines: z.number().int().nonnegative() }),
  ),
};
