export { createSyncHandlers, type SyncModule } from './handlers';
export { SyncService, type SyncServiceOptions } from './service';
export { SECRET_DEVICE_TOKEN } from './enrollment';
export type { PushExtension, QueuedEntry } from './push/extension';
export { addLog } from './tables/log';
export { getBase, setBase } from './tables/base';
export { getConflict } from './tables/conflicts';
export { hasQueuedEdit } from './tables/push-queue';
export { hqRevisionSteps, latestHqApproval } from './tables/hq-revisions';
