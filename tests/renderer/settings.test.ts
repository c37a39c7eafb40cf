import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/** "Pengaturan": "Cadangkan" shows where the backup went; the language choice persists. */

describe('settings', () => {
  const suite = browserSuite('warta-renderer-settings-', { host: true });

  it('backs up the database and switches the interface to English and back, across a reload', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());
    expect(await page.locator('html').getAttribute('lang')).toBe('id');

    await page.getByRole('button', { name: 'Pengaturan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pengaturan' });
    await dialog.getByRole('button', { name: 'Cadangkan' }).click();
    const done = dialog.getByText(/^Cadangan tersimpan di /);
    await done.waitFor({ timeout: 30_000 });
    const path = /^Cadangan tersimpan di (.+) \(/.exec((await done.textContent()) ?? '')?.[1];
    expect(path && existsSync(path)).toBe(true);

    await dialog.getByRole('combobox', { name: 'Bahasa antarmuka' }).selectOption('en');
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'New release' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await rpc(suite.host, 'getAppInfo', {})).language).toBe('en');

    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page
      .getByRole('dialog', { name: 'Settings' })
      .getByRole('combobox', { name: 'Interface language' })
      .selectOption('id');
    await page.getByRole('dialog', { name: 'Pengaturan' }).getByRole('button', { name: 'Tutup' }).click();
    await page.getByRole('button', { name: 'Rilis baru' }).waitFor();
    expect(errors).toEqual([]);
  });
});
