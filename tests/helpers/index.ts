export * from './browser';
export * from './rpc';
export * from './tmp';
export * from './web-host';
