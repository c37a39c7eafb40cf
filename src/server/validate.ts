import type { z } from 'zod';
import { MAX_JSON_DEPTH } from '../shared/sync/protocol';
import { HttpError } from './http-errors';

/** Iterative (no recursion, so no stack to overflow): is `value` nested deeper than `max`? */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Parse untrusted input with zod; on failure a 400 naming each bad path. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  if (nestedDeeperThan(value, MAX_JSON_DEPTH))
    throw new HttpError('invalid_input', `invalid ${what}: nested deeper than ${MAX_JSON_DEPTH} levels`);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
  throw new HttpError('invalid_input', `invalid ${what}: ${issues}`);
}
