import type { z } from 'zod';
import { HttpError } from './http-errors';

/** Parse untrusted input with zod; on failure a 400 naming each bad path. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
  throw new HttpError('invalid_input', `invalid ${what}: ${issues}`);
}
