export * from './extensions';
export * from './figure';
export * from './review';
