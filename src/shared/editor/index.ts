export * from './extensions';
export * from './figure';
