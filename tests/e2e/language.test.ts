import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHq, type Hq } from '../helpers/hq';
import { removeDir, tempDir } from '../helpers/tmp';
import { axeViolations } from './axe';
import { browserSuite } from '../helpers/suite';
import {
  openDesk,
  openRelease,
  publicPath,
  saved,
  selectText,
  syncUntil,
  writeAndPublish,
  writeRelease,
} from './desks';

/**
 * Writing in Indonesian, in the office's own time: the offline spellchecker underlines a word it
 * doubts, its keyboard menu adds a word to the office dictionary, which the office's other
 * workstation accepts after both synced through HQ; and an office in Jayapura sees its times in
 * WIT on the workstation, the public page, the feed and the API.
 */

const OFFICE = 'KPU Kabupaten Jayapura';

const doubted = (page: Page) => page.locator('.ProseMirror [aria-invalid="spelling"]');
const doubtedWords = async (page: Page) => (await doubted(page).allTextContents()).sort();

// Each test runs two desks through HQ (a whole workflow in the second): more than the default
// minute on a loaded 2-core machine.
describe('language and time zone', () => {
  const suite = browserSuite('warta-e2e-language-');
  // With its public site: the second test reads the page, the feed and the API.
  let hq: Hq;
  const hqDir = tempDir('warta-e2e-language-hq-');
  beforeAll(async () => {
    hq = await startHq(hqDir, 0, { publicSite: true });
  });
  afterAll(async () => {
    await hq?.close();
    removeDir(hqDir);
  });

  it('flags a misspelling, accepts glossary terms, and shares an added word through HQ', async () => {
    const errors: string[] = [];
    const first = await openDesk(suite, hq, 'first', 'Yosina Wenda', 'penulis', errors, OFFICE);
    const second = await openDesk(suite, hq, 'second', 'Markus Kogoya', 'penulis', errors, OFFICE);

    await writeRelease(first.page, 'Rapat Pleno di Sentani', [
      'Ketua KPPS dan PPK di Sentani membahas DPTb serta Sirekap bersama Bawaslu.',
      'Semua anggota hadir dalam rapat pemiliahn yang berlangsung tertib.',
    ]);
    // Correct words and the glossary pass; the misspelling and the unknown place are doubted.
    await expect.poll(() => doubtedWords(first.page), { timeout: 30_000 }).toEqual(['Sentani', 'pemiliahn']);

    // From the keyboard: the caret in the word, Shift+F10, then the menu's last item.
    await selectText(first.page, 'Sentani', true);
    await first.page.keyboard.press('ArrowRight');
    await first.page.keyboard.press('Shift+F10');
    const menu = first.page.getByRole('menu');
    await menu.waitFor();
    const add = menu.getByRole('menuitem', { name: 'Tambahkan ke kamus' });
    // The menu takes the focus as it opens; End then goes to its last item, where it stays even
    // if the worker's suggestions arrive afterwards.
    await expect
      .poll(() => menu.evaluate((el) => el.contains(el.ownerDocument.activeElement)), { timeout: 10_000 })
      .toBe(true);
    await first.page.keyboard.press('End');
    await expect.poll(() => add.evaluate((el) => el.matches(':focus')), { timeout: 10_000 }).toBe(true);
    await first.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
    await expect.poll(() => doubtedWords(first.page), { timeout: 30_000 }).toEqual(['pemiliahn']);

    // The menu's suggestion replaces the misspelled word.
    await first.page.locator('.ProseMirror [aria-invalid="spelling"]').click({ button: 'right' });
    await first.page.getByRole('menuitem', { name: 'pemilihan', exact: true }).click();
    await expect.poll(() => doubtedWords(first.page), { timeout: 30_000 }).toEqual([]);
    expect(await first.page.getByRole('textbox', { name: 'Isi rilis' }).textContent()).toContain('rapat pemilihan');
    await saved(first.page);

    // Not yet on the other workstation; after both synced, there too.
    await writeRelease(second.page, 'Sosialisasi di Sentani', ['Warga Sentani mengikuti sosialisasi.']);
    await expect.poll(() => doubtedWords(second.page), { timeout: 30_000 }).toEqual(['Sentani']);
    await syncUntil(first.page, async () => true, 'the word reached HQ');
    await syncUntil(
      second.page,
      async () => (await doubted(second.page).count()) === 0,
      'the office word is accepted on the second workstation',
    );
    expect(errors).toEqual([]);
  }, 180_000);

  it('shows an office in Jayapura its times in WIT: workstation, public page, feed and API', async () => {
    const errors: string[] = [];
    const writer = await openDesk(suite, hq, 'wit-penulis', 'Sari Penulis', 'penulis', errors, OFFICE);
    const reviewer = await openDesk(suite, hq, 'wit-peninjau', 'Budi Peninjau', 'peninjau', errors, OFFICE);
    const title = 'KPU Jayapura Tetapkan Rekapitulasi';
    const started = new Date();
    await writeAndPublish({ writer, reviewer, errors }, hq.server, title, [
      'Rapat pleno rekapitulasi berlangsung di aula kantor.',
    ]);

    // The workstation: the save time and the workflow's times carry WIT.
    await openRelease(writer.page, title);
    await expect(
      writer.page
        .getByRole('status')
        .filter({ hasText: /^Tersimpan/ })
        .first()
        .textContent(),
    ).resolves.toMatch(/^Tersimpan \d{2}\.\d{2} WIT$/);
    await expect(reviewer.page.getByText(/Terbit oleh Budi Peninjau/).textContent()).resolves.toMatch(
      /\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WIT/,
    );

    // The public page: "Diterbitkan …, HH.MM WIT", the hour being Jayapura's (UTC+9).
    const path = await publicPath(hq.url, title);
    const page = await suite.browser.newPage();
    await page.goto(`${hq.url}${path}`);
    const published = await page.locator('article p.meta', { hasText: 'Diterbitkan' }).textContent();
    expect(published).toMatch(/Diterbitkan \S+, \d+ \S+ \d{4} \d{2}\.\d{2} WIT/);
    const hour = Number(/(\d{2})\.\d{2} WIT/.exec(published ?? '')?.[1]);
    expect([(started.getUTCHours() + 9) % 24, (started.getUTCHours() + 10) % 24]).toContain(hour);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${hq.url}/berita`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    // The workstation with its workflow bar and the office's zone, too.
    expect(await axeViolations(reviewer.page)).toEqual([]);

    // The feed: pubDate at +0900. The API: times at +09:00 and the zone named.
    const feed = await (await fetch(`${hq.url}/feed.xml`)).text();
    const item = feed.split('<item>').find((i) => i.includes(title)) ?? '';
    expect(item).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0900<\/pubDate>/);
    const api = (await (await fetch(`${hq.url}/api/v1/releases/${path.split('/').pop() ?? ''}`)).json()) as {
      firstcreated: string;
      places: { name: string; rel: string; literal?: string }[];
    };
    expect(api.firstcreated).toMatch(/\+09:00$/);
    expect(api.places).toContainEqual({ name: 'WIT', rel: 'timezone', literal: 'Asia/Jayapura' });
    expect(errors).toEqual([]);
  }, 180_000);
});
