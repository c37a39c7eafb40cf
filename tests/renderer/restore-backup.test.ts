import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/** "Pengaturan" → "Pulihkan dari cadangan": a backup comes back, and the replaced state stays restorable. */

const BACKED_UP = 'Rapat pleno dibuka pukul 09.00 di aula KPU.';
const CHANGED = 'Teks ini ditulis sesudah cadangan dibuat.';

const bodyOf = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text }] }],
});

describe('restore from backup', () => {
  const suite = browserSuite('warta-renderer-restore-', { host: true });

  it('restores the backed-up text and lists the replaced state as a backup', async () => {
    const { id } = await rpc(suite.host, 'createRelease', {
      fields: { title: 'Rapat pleno terbuka', date: '2025-12-04', body: bodyOf(BACKED_UP) },
    });
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());

    await page.getByRole('button', { name: 'Pengaturan' }).click();
    const settings = page.getByRole('dialog', { name: 'Pengaturan' });
    await settings.getByRole('button', { name: 'Cadangkan' }).click();
    await settings.getByText(/^Cadangan tersimpan di /).waitFor({ timeout: 30_000 });
    await settings.getByRole('button', { name: 'Tutup' }).click();

    await rpc(suite.host, 'saveRelease', { id, fields: { title: 'Rapat pleno diubah', body: bodyOf(CHANGED) } });
    await page.reload();
    await page
      .getByRole('list', { name: 'Rilis' })
      .getByRole('button', { name: /Rapat pleno diubah/ })
      .waitFor();

    await page.getByRole('button', { name: 'Pengaturan' }).click();
    await settings.getByRole('button', { name: 'Pulihkan dari cadangan' }).click();
    const list = settings.getByRole('list', { name: 'Daftar cadangan' });
    const restoreButtons = list.getByRole('button', { name: 'Pulihkan cadangan' });
    await restoreButtons.first().waitFor();
    expect(await restoreButtons.count()).toBe(1);
    // The time (day first, 24-hour, to the second, in the office's zone) tells the backups apart.
    const describedBy = await restoreButtons.first().getAttribute('aria-describedby');
    const description = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(description).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}\.\d{2} WIB · /);

    await restoreButtons.first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, pulihkan' }).click();

    // The page reloads over the restored data.
    await page
      .getByRole('list', { name: 'Rilis' })
      .getByRole('button', { name: /Rapat pleno terbuka/ })
      .click({ timeout: 30_000 });
    await expect
      .poll(async () => (await page.getByRole('textbox', { name: 'Isi rilis' }).textContent()) ?? '', {
        timeout: 30_000,
      })
      .toBe(BACKED_UP);
    expect((await rpc(suite.host, 'getRelease', { id })).title).toBe('Rapat pleno terbuka');

    // What was replaced is a backup too: restoring it would undo the restore.
    await page.getByRole('button', { name: 'Pengaturan' }).click();
    await settings.getByRole('button', { name: 'Pulihkan dari cadangan' }).click();
    await expect.poll(() => restoreButtons.count(), { timeout: 30_000 }).toBe(2);
    expect((await rpc(suite.host, 'listBackups', {})).items).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
