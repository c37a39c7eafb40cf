export * from './format';
export { instantOf, wallClock, type WallClock } from './zoned';
