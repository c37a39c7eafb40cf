export * from './rules';
export * from './decide';
export * from './content-hash';
export * from './visibility';
