import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { DocNode } from '../../src/shared/domain/doc';
import { openStore, type OpenStoreOptions, type Store } from '../../src/main/store';
import { createReleaseHandlers } from '../../src/main/services/releases';

/** Temp dirs and stores opened by a test file, cleaned up after each test. */
const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'warta-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function open(dataDir: string, options: Partial<OpenStoreOptions> = {}): Store {
  const store = openStore({ dataDir, ...options });
  stores.push(store);
  return store;
}

export function openWithHandlers(dataDir = tempDir()) {
  const store = open(dataDir);
  return { store, h: createReleaseHandlers(store), dataDir };
}

export const para = (text: string, id?: string): DocNode => ({
  type: 'paragraph',
  ...(id ? { attrs: { id } } : {}),
  content: text ? [{ type: 'text', text }] : [],
});

export const doc = (...paragraphs: string[]): DocNode => ({ type: 'doc', content: paragraphs.map((p) => para(p)) });
