import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/shared/contract/dispatch';
import { tempDir } from '../helpers/tmp';
import { startServices } from './helpers';

describe('notices through the contract', () => {
  it('a dismissed recovery notice stays dismissed after a restart', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'warta.db'), 'bukan basis data\n'.repeat(200));

    const first = await startServices(dataDir);
    const info = await first.handlers.getAppInfo({});
    expect(info.notices.map((n) => n.code)).toEqual(['db_recovered']);
    const [notice] = info.notices;

    const out = await dispatch(first.handlers, 'dismissNotice', { id: notice!.id }, () => {});
    expect(out).toEqual({ ok: true, value: {} });
    const bad = await dispatch(first.handlers, 'dismissNotice', { id: 'satu' }, () => {});
    expect(bad.ok).toBe(false);
    await first.close();

    const second = await startServices(dataDir);
    expect((await second.handlers.getAppInfo({})).notices).toEqual([]);
  });
});
