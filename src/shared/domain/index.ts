export * from './doc';
export * from './release';
export * from './labels';
