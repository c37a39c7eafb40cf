import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { startHq, type Hq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';
import { openDesk, openRelease, releaseItem, releaseList, syncUntil, writeRelease } from './desks';

/**
 * Deleting on one workstation as the other sees it: "Hapus rilis" on a draft moves it to
 * "Sampah" and, after a sync, off the colleague's list; a sync that would delete most of a
 * workstation's releases stops and asks, and "Batal" / "Lanjutkan penghapusan" do what they say.
 */
describe('Hapus rilis, Sampah and the mass-delete question', () => {
  const suite = browserSuite('warta-e2e-delete-');
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(join(suite.dir, 'hq'));
  });
  afterAll(() => hq?.close());

  it(
    'Hapus rilis on a draft: in Sampah here, gone from the colleague’s list after sync',
    { timeout: 300_000 },
    async () => {
      const errors: string[] = [];
      const title = 'Undangan Rapat Koordinasi PPK';
      const other = 'Pengumuman Seleksi Anggota PPS';
      const [a, b] = await Promise.all([
        openDesk(suite, hq, 'hapus-a', 'Sari Penulis', 'penulis', errors),
        openDesk(suite, hq, 'hapus-b', 'Rina Penulis', 'penulis', errors),
      ]);
      await writeRelease(a.page, other, ['Seleksi dibuka untuk umum.']);
      await writeRelease(a.page, title, ['Rapat koordinasi digelar Senin pagi.']);
      await syncUntil(a.page, async () => (await rpc(a.host, 'getSyncStatus', {})).pending === 0, 'A sent both');
      await syncUntil(b.page, async () => (await releaseItem(b.page, title).count()) > 0, 'B has the draft');

      await openRelease(a.page, title);
      await a.page.getByRole('button', { name: 'Hapus rilis' }).click();
      const confirm = a.page.getByRole('dialog');
      await expect
        .poll(async () => (await confirm.textContent()) ?? '')
        .toContain(`Pindahkan rilis "${title}" ke Sampah?`);
      await confirm.getByRole('button', { name: 'Hapus', exact: true }).click();
      await releaseItem(a.page, title).waitFor({ state: 'detached', timeout: 30_000 });
      await a.page.getByRole('button', { name: 'Sampah' }).click();
      const trash = a.page.getByRole('dialog', { name: 'Sampah' });
      await trash.getByRole('listitem', { name: title }).waitFor({ timeout: 30_000 });
      expect(await trash.getByRole('listitem', { name: other }).count()).toBe(0);
      await trash.getByRole('button', { name: 'Tutup' }).click();

      await syncUntil(a.page, async () => (await rpc(a.host, 'getSyncStatus', {})).pending === 0, 'A sent the delete');
      await syncUntil(b.page, async () => (await releaseItem(b.page, title).count()) === 0, 'B no longer lists it');
      await releaseItem(b.page, other).waitFor();
      expect(errors).toEqual([]);
    },
  );

  it(
    'a sync that would delete most releases asks; Batal keeps them, Lanjutkan penghapusan deletes',
    { timeout: 300_000 },
    async () => {
      const errors: string[] = [];
      const [a, b] = await Promise.all([
        // Another office: the other test's releases are not on these workstations.
        openDesk(suite, hq, 'massal-a', 'Dewi Penulis', 'penulis', errors, 'KPU Kabupaten Rembang'),
        openDesk(suite, hq, 'massal-b', 'Agus Penulis', 'penulis', errors, 'KPU Kabupaten Rembang'),
      ]);
      const titles = ['Rilis satu', 'Rilis dua', 'Rilis tiga', 'Rilis empat', 'Rilis lima'].map((t) => `${t} massal`);
      const ids: string[] = [];
      for (const title of titles) ids.push((await rpc(a.host, 'createRelease', { fields: { title } })).id);
      await rpc(a.host, 'syncNow', {});
      const listed = () => releaseList(b.page).getByRole('listitem').count();
      await syncUntil(b.page, async () => (await listed()) === 5, 'B lists all five');

      // Four of the five are deleted on A.
      for (const id of ids.slice(0, 4)) await rpc(a.host, 'deleteRelease', { id });
      await rpc(a.host, 'syncNow', {});

      const question = b.page.getByRole('dialog', { name: 'Lanjutkan penghapusan' });
      await b.page.getByRole('button', { name: 'Sinkronkan' }).click();
      await question.waitFor({ timeout: 60_000 });
      expect(await question.textContent()).toContain(
        'Sinkronisasi ini akan menghapus 4 dari 5 rilis di komputer ini. Lanjutkan?',
      );
      await question.getByRole('button', { name: 'Batal' }).click();
      await question.waitFor({ state: 'detached' });
      expect(await listed()).toBe(5);
      for (const title of titles) await releaseItem(b.page, title).waitFor();

      // Asked again on the next sync; this time the person goes ahead.
      await b.page.getByRole('button', { name: 'Sinkronkan' }).click();
      await question.waitFor({ timeout: 60_000 });
      await question.getByRole('button', { name: 'Lanjutkan penghapusan' }).click();
      await expect.poll(listed, { timeout: 60_000 }).toBe(1);
      await releaseItem(b.page, titles[4] ?? '').waitFor();
      expect(await question.count()).toBe(0);
      expect(errors).toEqual([]);
    },
  );
});
