import { describe, expect, it } from 'vitest';
import { browserSuite } from '../helpers/suite';

/** The library follows the writer: a new release is listed while they are still typing. */

describe('library', () => {
  const suite = browserSuite('warta-renderer-library-', { host: true });

  it('lists a new release at once, without waiting for a pause in typing', async () => {
    const page = await suite.browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(await suite.host.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul' }).fill('Sosialisasi Pemilih Pemula di Blora');
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.click();
    await body.focus();

    // Type steadily, with no pause long enough for the list's "typing has stopped" refresh.
    let typingDone = false;
    const typing = page.keyboard
      .type('Petugas menjelaskan tata cara mencoblos kepada siswa SMA di aula sekolah. '.repeat(4), { delay: 40 })
      .then(() => {
        typingDone = true;
      });
    const library = page.getByRole('complementary');
    await library.getByText('Sosialisasi Pemilih Pemula di Blora').waitFor();
    expect(typingDone).toBe(false);
    await typing;
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .first()
      .waitFor();
    await library.getByText('1 rilis', { exact: true }).waitFor();
  });
});
