export * from './anchor';
export * from './blocks';
export * from './suggestions';
