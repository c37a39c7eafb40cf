import type Database from 'better-sqlite3';

/** The subset of a pino-style logger the store uses (pino and console wrappers both fit). */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type Db = Database.Database;

/** A logger that drops everything, for scripts and tests that don't care. */
export const silentLogger: StoreLogger = { info: () => {}, warn: () => {}, error: () => {} };
