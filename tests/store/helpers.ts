import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type OpenStoreOptions, type Store } from '../../src/main/store';
import { createServices, type Services } from '../../src/main/services';
import { createReleaseHandlers } from '../../src/main/services/releases';
import { createFileSecretStore } from '../../src/main/services/secrets';
import { removeTempDirs, tempDir } from '../helpers/tmp';

/** Services and stores opened by a test file, and its temp dirs, cleaned up after each test. */
const services: Services[] = [];
const stores: Store[] = [];

afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  for (const s of stores.splice(0)) s.close();
  removeTempDirs();
});

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** The workstation's services as the app composes them, over `dataDir`. */
export async function startServices(dataDir: string): Promise<Services> {
  const started = await createServices({
    dataDir,
    log: quiet,
    secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
    version: '0.0.0-test',
  });
  services.push(started);
  return started;
}

export function open(dataDir: string, options: Partial<OpenStoreOptions> = {}): Store {
  const store = openStore({ dataDir, ...options });
  stores.push(store);
  return store;
}

export function openWithHandlers(dataDir = tempDir('warta-store-')) {
  const store = open(dataDir);
  return { store, h: createReleaseHandlers(store), dataDir };
}
