import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import { openStore } from '../../src/main/store';
import { createReleaseHandlers } from '../../src/main/services/releases';

const dir = mkdtempSync(join(tmpdir(), 'warta-expected-rev-'));
const store = openStore({ dataDir: dir });
const h = createReleaseHandlers(store);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saveRelease with expectedRev', () => {
  it('stores on the revision the editor knows and refuses, storing nothing, once another save moved past it', async () => {
    const made = await h.createRelease({ fields: { title: 'Awal' } });
    const saved = await h.saveRelease({ id: made.id, fields: { title: 'Kedua' }, expectedRev: made.localRev });
    expect(saved.localRev).toBe(made.localRev + 1);

    const stale = (async () => h.saveRelease({ id: made.id, fields: { title: 'Basi' }, expectedRev: made.localRev }))();
    await expect(stale).rejects.toBeInstanceOf(WartaError);
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    expect(await h.getRelease({ id: made.id })).toMatchObject({ title: 'Kedua', localRev: saved.localRev });
  });
});
