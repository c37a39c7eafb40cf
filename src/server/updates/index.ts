export { CHANNELS, type Channel } from './manifest';
export { publishUpdate, PublishError } from './publish';
export { registerUpdateRoutes } from './routes';
export { updateReleases } from './store';
