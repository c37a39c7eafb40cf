export * from './profile';
export * from './time-zone';
export * from './letterhead';
