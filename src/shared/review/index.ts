export * from './anchor';
export * from './blocks';
