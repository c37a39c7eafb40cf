import type { FastifyInstance, FastifyRequest } from 'fastify';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Does JSON text open more than `max` arrays/objects inside one another? One pass over the
 * characters, no parsing and no recursion, so it can run before JSON.parse: a body nested
 * thousands deep is refused without building it (or overflowing a stack on it later).
 * Malformed text is left for the parser to refuse.
 */
function jsonTextDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

type Done = (err: Error | null, body?: unknown) => void;
/** Fastify's own JSON parser in its callback form (what getDefaultJsonParser returns at run time). */
type CallbackParser = (request: FastifyRequest, body: string, done: Done) => void;

/**
 * Replaces the instance's JSON parser with one that refuses bodies nested deeper than
 * `maxDepth` with a 400 before JSON.parse builds them; everything else (empty body, bad
 * JSON, `__proto__` and `constructor` poisoning) stays as Fastify's own parser does it.
 */
export function useDepthCheckedJson(app: FastifyInstance, maxDepth: number): void {
  const parse = app.getDefaultJsonParser('error', 'error') as CallbackParser;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonTextDeeperThan(text, maxDepth)) {
      done(Object.assign(new Error(`JSON nested deeper than ${maxDepth} levels`), { statusCode: 400 }), undefined);
      return;
    }
    parse(request, text, done);
  });
}
