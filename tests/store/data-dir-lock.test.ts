import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/main/services';
import { createFileSecretStore } from '../../src/main/services/secrets';
import { tempDir } from './helpers';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const opened: Services[] = [];
const start = async (dataDir: string): Promise<Services> => {
  const services = await createServices({
    dataDir,
    log: quiet,
    secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
    version: '0.0.0-test',
  });
  opened.push(services);
  return services;
};

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('one Warta per data dir', () => {
  it('refuses a second opener while the first runs, and opens again once it closed', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const made = await first.handlers.createRelease({ fields: { title: 'Pertama' } });

    await expect(start(dataDir)).rejects.toThrow(/sedang dipakai Warta lain/);
    // The refused opener touched nothing: the first still works.
    expect((await first.handlers.getRelease({ id: made.id })).title).toBe('Pertama');

    await first.close();
    const again = await start(dataDir);
    expect((await again.handlers.getRelease({ id: made.id })).title).toBe('Pertama');
  });
});
