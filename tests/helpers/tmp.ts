import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh temp dir; remove it with `removeDir`, or with every other one via `removeTempDirs`. */
export function tempDir(prefix = 'warta-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Removes every dir `tempDir` made in this test file so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) removeDir(dir);
}

/** A fresh temp dir and a function that removes it (call it in afterAll/afterEach). */
export function makeTempDir(prefix = 'warta-test-'): { dir: string; cleanup: () => void } {
  const dir = tempDir(prefix);
  return { dir, cleanup: () => removeDir(dir) };
}

/** Polls `check` until it returns a truthy value or the deadline passes; no fixed sleeps in tests. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
