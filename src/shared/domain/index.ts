export * from './doc';
export * from './release';
