export { deviceLogs } from './store';
export { registerSupportRoutes } from './routes';
