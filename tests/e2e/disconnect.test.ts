import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { startHq, type Hq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';
import { openDesk, openRelease, releaseItem, saved, syncUntil, writeRelease } from './desks';

/**
 * Leaving HQ, by choice or not: "Putuskan" in Pengaturan disconnects the workstation and its
 * releases stay; a device HQ revoked is refused at the next sync, the person is told so and
 * how to reconnect, and the work typed meanwhile stays on the workstation, unsent.
 */
describe('disconnecting and a revoked device', () => {
  const suite = browserSuite('warta-e2e-disconnect-');
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(join(suite.dir, 'hq'));
  });
  afterAll(() => hq?.close());

  it('Putuskan in Pengaturan: disconnected, and the releases stay', { timeout: 300_000 }, async () => {
    const errors: string[] = [];
    const title = 'Jadwal Kampanye Terbuka Pilkada';
    const a = await openDesk(suite, hq, 'putus-a', 'Sari Penulis', 'penulis', errors);
    await writeRelease(a.page, title, ['Kampanye terbuka dimulai pekan depan.']);
    await syncUntil(a.page, async () => (await rpc(a.host, 'getSyncStatus', {})).pending === 0, 'A sent it');

    const page = a.page;
    await page.getByRole('button', { name: 'Pengaturan' }).click();
    const settings = page.getByRole('dialog');
    await settings.getByText(/^Terhubung ke .* sebagai Sari Penulis/).waitFor({ timeout: 30_000 });
    await settings.getByRole('button', { name: 'Putuskan' }).click();
    const question = page.getByRole('dialog', { name: 'Putuskan' });
    expect(await question.textContent()).toContain('Putuskan dari server pusat? Rilis di komputer ini tetap ada.');
    await question.getByRole('button', { name: 'Putuskan' }).click();
    await settings.getByText('Belum terhubung ke server pusat.').waitFor({ timeout: 30_000 });
    await settings.getByRole('textbox', { name: 'Kode pendaftaran' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();

    // The sync bar no longer shows the last sync's summary but how to connect again.
    await page.getByText('Hubungkan ke server pusat di Pengaturan untuk menyinkronkan.').waitFor({ timeout: 30_000 });
    await page.reload();
    await openRelease(page, title);
    expect(await page.getByRole('textbox', { name: 'Isi rilis' }).textContent()).toBe(
      'Kampanye terbuka dimulai pekan depan.',
    );
    expect(errors).toEqual([]);
  });

  it('a revoked device is refused at sync, is told so, and its unsent work stays', { timeout: 300_000 }, async () => {
    const errors: string[] = [];
    const title = 'Sosialisasi Pemilih Pemula';
    const [a, b] = await Promise.all([
      openDesk(suite, hq, 'cabut-a', 'Dewi Penulis', 'penulis', errors, 'KPU Kabupaten Rembang'),
      openDesk(suite, hq, 'cabut-b', 'Agus Penulis', 'penulis', errors, 'KPU Kabupaten Rembang'),
    ]);
    await writeRelease(a.page, title, ['Sosialisasi digelar di sekolah menengah.']);
    await syncUntil(a.page, async () => (await rpc(a.host, 'getSyncStatus', {})).pending === 0, 'A sent it');
    await syncUntil(b.page, async () => (await releaseItem(b.page, title).count()) > 0, 'B has it');

    // HQ revokes A's device (as `npm run hq -- revoke` does); A keeps writing meanwhile.
    const device = hq.server.storage.listDevices().find((d) => d.personName === 'Dewi Penulis');
    expect(device).toBeDefined();
    expect(hq.server.storage.revokeDevice(device?.id ?? '', new Date().toISOString())).toBe(true);
    const page = a.page;
    await page.getByRole('textbox', { name: 'Isi rilis' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Tambahan setelah dicabut.');
    await saved(page);

    await page.getByRole('button', { name: 'Sinkronkan' }).click();
    await page
      .getByText(
        /Server pusat menolak perangkat ini \(token tidak berlaku atau dicabut\)\. Hubungkan ulang di Pengaturan\./,
      )
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await releaseItem(page, title).textContent()).toContain('Belum terkirim');
    await page.reload();
    await openRelease(page, title);
    expect(await page.getByRole('textbox', { name: 'Isi rilis' }).textContent()).toBe(
      'Sosialisasi digelar di sekolah menengah. Tambahan setelah dicabut.',
    );

    // Nothing from the revoked device reached the colleague.
    await syncUntil(b.page, async () => true, 'B synced');
    await openRelease(b.page, title);
    expect(await b.page.getByRole('textbox', { name: 'Isi rilis' }).textContent()).toBe(
      'Sosialisasi digelar di sekolah menengah.',
    );
    expect(errors).toEqual([]);
  });
});
