import type { z } from 'zod';
import { nowIso } from './clock';
import type { Db } from './types';

/**
 * A small key/value store with JSON values (language, identity, HQ url, …).
 * Reading through a zod schema means a value written by an older version that no
 * longer fits is treated as absent rather than crashing the app.
 */
export interface Settings {
  get<T>(key: string, schema: z.ZodType<T>): T | undefined;
  getRaw(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export function createSettings(db: Db): Settings {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  const getRaw = (key: string): unknown => {
    const row = select.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    getRaw,
    get<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const parsed = schema.safeParse(getRaw(key));
      return parsed.success ? parsed.data : undefined;
    },
    set(key, value) {
      if (value === undefined) throw new Error(`setting "${key}": undefined is not storable; use delete()`);
      upsert.run(key, JSON.stringify(value), nowIso());
    },
    delete(key) {
      remove.run(key);
    },
  };
}
