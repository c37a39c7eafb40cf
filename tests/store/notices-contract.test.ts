import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/shared/contract/dispatch';
import { createServices, type Services } from '../../src/main/services';
import { createFileSecretStore } from '../../src/main/services/secrets';
import { tempDir } from './helpers';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const opened: Services[] = [];

async function start(dataDir: string): Promise<Services> {
  const services = await createServices({
    dataDir,
    log: quiet,
    secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
    version: '0.0.0-test',
  });
  opened.push(services);
  return services;
}

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('notices through the contract', () => {
  it('a dismissed recovery notice stays dismissed after a restart', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'warta.db'), 'bukan basis data\n'.repeat(200));

    const first = await start(dataDir);
    const info = await first.handlers.getAppInfo({});
    expect(info.notices.map((n) => n.code)).toEqual(['db_recovered']);
    const [notice] = info.notices;

    const out = await dispatch(first.handlers, 'dismissNotice', { id: notice!.id }, () => {});
    expect(out).toEqual({ ok: true, value: {} });
    const bad = await dispatch(first.handlers, 'dismissNotice', { id: 'satu' }, () => {});
    expect(bad.ok).toBe(false);
    await first.close();

    const second = await start(dataDir);
    expect((await second.handlers.getAppInfo({})).notices).toEqual([]);
  });
});
