export * from './anchor';
export * from './blocks';
export * from './suggestions';
export * from './annotations';
