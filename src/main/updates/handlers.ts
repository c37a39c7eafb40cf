import type { Handlers } from '../../shared/contract';
import type { SupportLogs } from '../support';
import type { UpdateService } from './service';

type UpdateMethodName = 'getUpdateStatus' | 'setUpdateChannel' | 'restartToUpdate' | 'sendLogsToHq';

/** The updates and support part of the contract, for the composition root. */
export function createUpdateHandlers(updates: UpdateService, support: SupportLogs): Pick<Handlers, UpdateMethodName> {
  return {
    getUpdateStatus: async () => updates.status(),
    setUpdateChannel: async ({ channel }) => updates.setChannel(channel),
    restartToUpdate: async ({ confirmed, unsaved }) => {
      await updates.restart({ confirmed: confirmed === true, unsaved: unsaved === true });
      return { restarting: true as const };
    },
    sendLogsToHq: async ({ days }) => ({ queued: true as const, ...support.queue(days ?? 3) }),
  };
}
