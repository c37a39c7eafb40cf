import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollPerson } from '../../src/server/admin';
import { setOfficeSetting } from '../../src/server/offices';
import { enrollDevice, push } from '../helpers/hq-api';
import { startHq, type Hq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';
import { hqStatus, openDesk, saved, syncUntil } from './desks';

const OFFICE = 'KPU Kabupaten Rembang';
const TITLE = 'KPU Rembang Tetapkan Daftar Pemilih Tetap';
const NUMBER = /^\d+\/HM\.02-SP\/3317\/\d{4}$/;

/**
 * A writer starts a press release from the "Siaran pers" template; the office's checklist
 * (blocking: image details and contact person) refuses "Ajukan untuk ditinjau" and says which
 * rules fail until the caption, credit and contact are filled; HQ refuses a forged submit of the
 * same release itself; the submitted release gets the office's number at sync.
 */
describe('templates, the checklist and the release number in the browser', () => {
  const suite = browserSuite('warta-e2e-checklist-');
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(join(suite.dir, 'hq'));
    // The admin sets the office up at HQ before its workstations first sync.
    await enrollPerson(hq.server.storage, { office: OFFICE, name: 'Admin Rembang', role: 'admin' });
    setOfficeSetting(hq.server.storage, OFFICE, 'checklist', '{"images":"block","contact":"block"}');
    setOfficeSetting(hq.server.storage, OFFICE, 'numberPattern', '"{seq}/HM.02-SP/{regency}/{year}"');
  });
  afterAll(() => hq?.close());

  it(
    '"Siaran pers" → checklist blocks until caption, credit and narahubung; HQ refuses a forged submit',
    {
      timeout: 300_000,
    },
    async () => {
      const errors: string[] = [];
      const { page } = await openDesk(suite, hq, 'checklist-penulis', 'Sari Penulis', 'penulis', errors, OFFICE);
      const checklist = page.getByRole('region', { name: 'Daftar periksa' });

      // "Rilis baru" stays a plain release at once; "Dari templat" beside it opens the templates.
      // By keyboard: focus lands on the first template, Enter picks it.
      await page.getByRole('button', { name: 'Dari templat' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Buat rilis dari templat' });
      for (const name of ['Siaran pers', 'Undangan peliputan', 'Pengumuman', 'Berita kegiatan'])
        await dialog.getByRole('button', { name, exact: true }).waitFor();
      await expect.poll(() => page.evaluate('document.activeElement.textContent')).toBe('Siaran pers');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('combobox', { name: 'Kategori' }).inputValue()).toBe('siaran-pers');
      const editor = page.getByRole('textbox', { name: 'Isi rilis' });
      await expect.poll(() => editor.textContent()).toContain('ujar [Nama], [Jabatan]');
      await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(TITLE);
      await editor.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type(
        '\u201cSilakan periksa nama Anda di daftar pemilih,\u201d ujar Ketua KPU Rembang, Ahmad Fauzi.',
      );

      // A lead image without caption, credit or alt text.
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3060c0' } })
        .png()
        .toBuffer();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Pilih foto utama' }).click();
      await (await chooser).setFiles({ name: 'rapat.png', mimeType: 'image/png', buffer: png });
      await page.getByRole('textbox', { name: 'Foto utama: keterangan' }).waitFor();
      await saved(page);

      // The release bar counts the failing blocking rules; its side panel lists every rule.
      await expect.poll(() => page.locator('.release-bar').textContent()).toContain('2 wajib belum lengkap');
      await page.getByRole('button', { name: 'Daftar periksa' }).click();
      await expect.poll(() => checklist.textContent()).toContain('2 wajib belum lengkap');
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Nomor' }).getAttribute('placeholder'))
        .toBe('(diberikan saat sinkron)');

      const submit = page.getByRole('button', { name: 'Ajukan untuk ditinjau' });
      const alert = page.getByRole('alert').filter({ hasText: 'daftar periksa' });
      await submit.click();
      await expect.poll(() => alert.last().textContent()).toMatch(/keterangan dan kredit foto, narahubung/);
      expect(await page.getByText(/Diajukan oleh Sari Penulis/).count()).toBe(0);

      // The draft reaches HQ; a device of the same office forges the submit HQ must refuse.
      await syncUntil(page, async () => hqStatus(hq.server, TITLE) === 'draf', 'HQ holds the draft');
      const forger = await enrollDevice(hq.server, hq.url, { office: OFFICE, name: 'Pemalsu', role: 'penulis' });
      const id = (hq.server.storage.dump().releases as { id: string }[])
        .map((r) => hq.server.storage.getReleaseHead(r.id)!)
        .find((h) => h.fields?.title === TITLE)!;
      const forged = await push(hq.url, forger, [
        { kind: 'workflow.transition', releaseId: id.id, baseRevision: id.revision, to: 'diajukan' },
      ]);
      expect(forged.body.results[0]).toMatchObject({ status: 'rejected', reason: 'transition_not_allowed' });
      expect((forged.body.results[0] as { message: string }).message).toMatch(/^checklist: .*images.*contact/);
      expect(hqStatus(hq.server, TITLE)).toBe('draf');
      // It got the office's number at its first sync.
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Nomor' }).inputValue(), { timeout: 30_000 })
        .toMatch(NUMBER);

      // Caption, credit and alt text: only the contact person is missing now.
      await page.getByRole('textbox', { name: 'Foto utama: keterangan' }).fill('Rapat pleno penetapan DPT.');
      await page.getByRole('textbox', { name: 'Foto utama: kredit' }).fill('Humas KPU Rembang');
      await page.getByRole('textbox', { name: 'Foto utama: teks alternatif' }).fill('Anggota KPU di meja pleno');
      await saved(page);
      await expect.poll(() => checklist.textContent()).toContain('1 wajib belum lengkap');
      await submit.click();
      await expect.poll(() => alert.last().textContent()).toMatch(/gagal pada narahubung\./);

      await page.getByRole('textbox', { name: 'Nama narahubung' }).fill('Siti Aminah');
      await page.getByRole('textbox', { name: 'Telepon narahubung' }).fill('0812-3456-7890');
      await saved(page);
      await expect.poll(() => checklist.textContent()).toContain('0 wajib belum lengkap');
      await submit.click();
      await page.getByText(/Diajukan oleh Sari Penulis/).waitFor({ timeout: 30_000 });
      await syncUntil(page, async () => hqStatus(hq.server, TITLE) === 'diajukan', 'HQ holds the submitted release');
      expect(hq.server.storage.getReleaseHead(id.id)!.fields).toMatchObject({
        contact: { name: 'Siti Aminah', phone: '0812-3456-7890' },
        number: expect.stringMatching(NUMBER) as unknown as string,
      });
      expect(errors).toEqual([]);
    },
  );
  it(
    "a template saved on one workstation is offered on the office's other workstation after sync",
    {
      timeout: 300_000,
    },
    async () => {
      const errors: string[] = [];
      const [one, two] = await Promise.all([
        openDesk(suite, hq, 'templat-satu', 'Dewi Penulis', 'penulis', errors, OFFICE),
        openDesk(suite, hq, 'templat-dua', 'Eko Penulis', 'penulis', errors, OFFICE),
      ]);
      await one.page.getByRole('button', { name: 'Rilis baru' }).click();
      await one.page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Rapat Koordinasi [perihal]');
      await one.page.getByRole('textbox', { name: 'Isi rilis' }).click();
      await one.page.keyboard.type('[Pembuka rapat koordinasi dengan PPK dan PPS.]');
      await saved(one.page);
      await one.page.getByRole('button', { name: 'Simpan sebagai templat' }).click();
      await one.page.getByRole('textbox', { name: 'Nama templat' }).fill('Rapat koordinasi PPK');
      await one.page.getByRole('button', { name: 'Simpan templat' }).click();
      await one.page.getByText('Templat "Rapat koordinasi PPK" disimpan.').waitFor();

      const picker = (page: typeof one.page) => page.getByRole('dialog', { name: 'Buat rilis dari templat' });
      await syncUntil(
        one.page,
        async () =>
          JSON.stringify(hq.server.storage.officeSettings(hq.server.storage.findOfficeByName(OFFICE)!.id)).includes(
            'Rapat koordinasi PPK',
          ),
        'HQ holds the template',
      );
      await syncUntil(
        two.page,
        async () => {
          await two.page.getByRole('button', { name: 'Dari templat' }).click();
          const found = await picker(two.page)
            .getByRole('button', { name: 'Rapat koordinasi PPK' })
            .waitFor({ timeout: 3_000 })
            .then(
              () => true,
              () => false,
            );
          if (!found) await picker(two.page).getByRole('button', { name: 'Batal' }).click();
          return found;
        },
        'the other workstation offers the template',
      );
      await picker(two.page).getByRole('button', { name: 'Rapat koordinasi PPK' }).click();
      await expect
        .poll(() => two.page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(), { timeout: 30_000 })
        .toBe('Rapat Koordinasi [perihal]');
      await expect
        .poll(() => two.page.getByRole('textbox', { name: 'Isi rilis' }).textContent())
        .toContain('PPK dan PPS');
      expect(errors).toEqual([]);
    },
  );
});
