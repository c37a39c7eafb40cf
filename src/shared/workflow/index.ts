export * from './rules';
export * from './decide';
export * from './content-hash';
