export * from './doc';
export * from './release';
export * from './digest';
export * from './role';
export * from './labels';
export * from './limits';
