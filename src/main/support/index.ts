export { SupportLogs, type SupportOptions } from './queue';
