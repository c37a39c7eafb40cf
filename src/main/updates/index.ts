export { UpdateService, type UpdateInstaller, type VerifiedUpdate } from './service';
export { serveLocalFeed } from './local-feed';
export { createUpdateHandlers } from './handlers';
