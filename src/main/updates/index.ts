export { UpdateService, type UpdateInstaller, type UpdateServiceOptions, type VerifiedUpdate } from './service';
export { serveLocalFeed } from './local-feed';
export { createUpdateHandlers } from './handlers';
