export * from './browser';
export * from './rpc';
export * from './spawn';
export * from './tmp';
export * from './web-host';
export * from './modes';
