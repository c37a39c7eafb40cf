import type { Logger } from './logger';

/**
 * A logger that drops everything, for scripts and tests that don't care. Apart from the
 * factory so that code needing only this never loads pino.
 */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
