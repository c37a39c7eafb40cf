export * from './format';
export { instantOf, wallClock } from './zoned';
