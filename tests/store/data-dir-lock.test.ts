import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { startServices } from './helpers';

describe('one Warta per data dir', () => {
  it('refuses a second opener while the first runs, and opens again once it closed', async () => {
    const dataDir = tempDir();
    const first = await startServices(dataDir);
    const made = await first.handlers.createRelease({ fields: { title: 'Pertama' } });

    await expect(startServices(dataDir)).rejects.toThrow(/sedang dipakai Warta lain/);
    // The refused opener touched nothing: the first still works.
    expect((await first.handlers.getRelease({ id: made.id })).title).toBe('Pertama');

    await first.close();
    const again = await startServices(dataDir);
    expect((await again.handlers.getRelease({ id: made.id })).title).toBe('Pertama');
  });
});
