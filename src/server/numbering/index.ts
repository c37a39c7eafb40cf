export { assignNumber } from './assign';
