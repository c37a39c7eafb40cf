import type { Logger } from './types';

const LEVELS = { info: 30, warn: 40, error: 50 } as const;

/** Turns Error objects into plain data so JSON.stringify keeps message and stack. */
function plain(value: unknown): unknown {
  if (value instanceof Error) return { type: value.name, message: value.message, stack: value.stack };
  return value;
}

/**
 * A pino-compatible JSON-lines logger (same level numbers and fields) for processes
 * that have no Fastify instance to borrow one from: the desktop shell and the CLI's
 * services. One line per event, never the contents of a release.
 */
export function createJsonLogger(stream: NodeJS.WritableStream, name: string, minLevel: string = 'info'): Logger {
  // pino's names; unknown names (e.g. "debug", "trace") log everything we emit.
  const floor = minLevel === 'silent' ? Infinity : ((LEVELS as Record<string, number>)[minLevel] ?? 0);
  const write = (level: keyof typeof LEVELS) => (obj: object, msg?: string) => {
    if (LEVELS[level] < floor) return;
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) fields[k] = plain(v);
    stream.write(`${JSON.stringify({ level: LEVELS[level], time: Date.now(), name, ...fields, msg })}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
