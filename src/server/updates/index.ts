export { CHANNELS, type Channel } from './manifest';
export { publishUpdate, PublishError, type Published } from './publish';
export { registerUpdateRoutes } from './routes';
export { updateReleases } from './store';
