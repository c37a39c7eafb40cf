export { SupportLogs } from './queue';
