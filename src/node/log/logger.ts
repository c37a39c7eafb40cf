import pino from 'pino';

/**
 * The subset of a pino logger the services, store and sync use: one object of fields plus a
 * short message, never the contents of a release. Fastify's `app.log` fits too.
 */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * JSON lines on `stream` (stderr by default), for processes that have no Fastify instance to
 * borrow a logger from: the desktop shell and the web host's services. An unknown level name
 * falls back to `info` rather than stop the app over a typo in an environment variable.
 */
export function createLogger(name: string, level = 'info', stream: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ name, level: LEVELS.has(level) ? level : 'info' }, stream);
}
