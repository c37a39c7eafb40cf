export * from './check';
export * from './levels';
