import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logFileFor } from '../../src/node/log/daily-file';
import { browserSuite } from '../helpers/suite';

/**
 * In "Pengaturan": the updates section (the web host runs from a source tree, so it says
 * updates are for the installed app) and "Kirim log ke HQ", which queues a bundle for the
 * next sync and says so.
 */

describe('updates and support in Pengaturan', () => {
  const suite = browserSuite('warta-renderer-updates-', { host: true });

  it('shows the update state and queues a log bundle from the keyboard', async () => {
    const logDir = join(suite.host.dataDir, 'logs');
    mkdirSync(logDir, { recursive: true });
    const line = JSON.stringify({ level: 30, time: Date.now(), msg: 'ready', title: 'Judul rahasia' });
    writeFileSync(join(logDir, logFileFor(new Date())), `${line}\n`, { flag: 'a' });

    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());
    await page.getByRole('button', { name: 'Pengaturan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pengaturan' });

    await dialog.getByRole('heading', { name: 'Pembaruan aplikasi' }).waitFor();
    await dialog.getByText(/^Pembaruan otomatis hanya tersedia di aplikasi desktop/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Mulai ulang untuk memperbarui' }).count()).toBe(0);

    const send = dialog.getByRole('button', { name: 'Kirim log ke HQ' });
    await send.focus();
    await page.keyboard.press('Enter');
    await dialog.getByText(/^Log \(\d+ baris, .*\) dikirim ke server pusat pada sinkronisasi berikutnya\.$/).waitFor();
    expect(readdirSync(join(suite.host.dataDir, 'support-outbox'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
