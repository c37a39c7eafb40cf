import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { enrollDevice, push } from '../helpers/hq-api';
import { browserSuite } from '../helpers/suite';

/** "Hapus rilis" moves a release to "Sampah"; "Pulihkan" brings it back. A published one cannot be deleted. */
describe('trash', () => {
  const suite = browserSuite('warta-renderer-trash-', { host: true, hq: true });

  it('Hapus rilis → Sampah → Pulihkan in the real web host', async () => {
    const title = 'Pengumuman hasil seleksi PPS';
    const created = await rpc(suite.host, 'createRelease', { fields: { title, date: '2025-12-04' } });
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());
    const list = page.getByRole('list', { name: 'Rilis' });
    await list.getByRole('button', { name: new RegExp(title) }).click();
    await page.getByRole('button', { name: 'Hapus rilis' }).click();
    const confirm = page.getByRole('dialog');
    await expect.poll(async () => (await confirm.textContent()) ?? '').toContain('Sampah');
    await confirm.getByRole('button', { name: 'Hapus', exact: true }).click();
    await list.getByRole('button', { name: new RegExp(title) }).waitFor({ state: 'detached', timeout: 30_000 });

    await page.getByRole('button', { name: 'Sampah' }).click();
    const trash = page.getByRole('dialog', { name: 'Sampah' });
    const item = trash.getByRole('listitem', { name: title });
    await item.waitFor({ timeout: 30_000 });
    await item.getByRole('button', { name: 'Pulihkan' }).click();
    await trash.getByText('Sampah kosong.').waitFor({ timeout: 30_000 });
    await trash.getByRole('button', { name: 'Tutup' }).click();
    await list.getByRole('button', { name: new RegExp(title) }).waitFor({ timeout: 30_000 });

    const stored = await rpc(suite.host, 'getRelease', { id: created.id });
    expect(stored.title).toBe(title);
    expect((await rpc(suite.host, 'listTrash', {})).items).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a published release offers no delete, and says why', async () => {
    await suite.connectToHq(suite.host, 'Siti Aminah');
    const title = 'Penetapan rekapitulasi kabupaten';
    const created = await rpc(suite.host, 'createRelease', { fields: { title, date: '2025-12-04' } });
    await rpc(suite.host, 'syncNow', {});
    const office = 'KPU Kabupaten Blora';
    const hq = suite.hq.server;
    const writer = await enrollDevice(hq, suite.hq.url, { office, name: 'Penulis', role: 'penulis' });
    const reviewer = await enrollDevice(hq, suite.hq.url, { office, name: 'Kasubag', role: 'peninjau' });
    const id = created.id;
    await push(suite.hq.url, writer, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' }]);
    await push(suite.hq.url, reviewer, [
      { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' },
    ]);
    await push(suite.hq.url, reviewer, [{ kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'terbit' }]);
    await rpc(suite.host, 'syncNow', {});
    expect((await rpc(suite.host, 'getRelease', { id })).status).toBe('terbit');

    const page = await suite.browser.newPage();
    await page.goto(await suite.host.openUrl());
    await page
      .getByRole('list', { name: 'Rilis' })
      .getByRole('button', { name: new RegExp(title) })
      .click();
    const remove = page.getByRole('button', { name: 'Hapus rilis' });
    await remove.waitFor();
    await expect.poll(() => remove.isDisabled(), { timeout: 30_000 }).toBe(true);
    expect(await remove.getAttribute('title')).toContain('Tarik');
  });
});
