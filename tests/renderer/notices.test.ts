import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rpc, waitFor } from '../helpers';
import { browserSuite } from '../helpers/suite';

/** The start-up notice of a recovered database: shown once, and "Abaikan" makes it go for good. */

describe('notices', () => {
  const suite = browserSuite('warta-renderer-notices-');

  it('a dismissed recovery notice does not come back after the host restarts', async () => {
    const dataDir = join(suite.dir, 'ws');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'warta.db'), 'Ini bukan basis data.\n'.repeat(300));

    const first = await suite.startHost('ws');
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await first.openUrl());
    const notices = page.getByRole('region', { name: 'Pemberitahuan' });
    await notices.getByRole('alert').filter({ hasText: 'warta.db.rusak-' }).waitFor({ timeout: 30_000 });
    await notices.getByRole('button', { name: 'Abaikan' }).click();
    await notices.waitFor({ state: 'detached', timeout: 30_000 });
    await waitFor(
      async () => (await rpc(first, 'getAppInfo', {})).notices.length === 0 || null,
      'the dismissal to be stored',
    );
    await first.kill('SIGTERM');

    const second = await suite.startHost('ws');
    await page.goto(await second.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('region', { name: 'Pemberitahuan' }).count()).toBe(0);
    expect((await rpc(second, 'getAppInfo', {})).notices).toEqual([]);
    expect(errors).toEqual([]);
  });
});
