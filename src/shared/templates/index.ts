export * from './builtin';
export * from './schema';
