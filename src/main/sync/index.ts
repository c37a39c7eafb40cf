export { createSyncHandlers, type SyncHandlers, type SyncMethodName, type SyncModule } from './handlers';
export {
  SyncService,
  type SyncServiceOptions,
  SECRET_DEVICE_TOKEN,
  SETTINGS_HQ_URL,
  SETTINGS_IDENTITY,
} from './service';
export { seededRandom, type Random } from '../../shared/random/seeded';
export { ensureSyncSchema } from './tables';
export type { PushExtension, QueuedEntry } from './engine';
