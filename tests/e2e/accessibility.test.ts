import { describe, expect, it } from 'vitest';
import { browserSuite } from '../helpers/suite';
import { axeViolations } from './axe';
import { saved, selectText } from './desks';

/**
 * Every screen of the workstation passes axe-core with no violation: the library and editor
 * (with a doubted word and house-style hints showing), the spelling menu, the schedule and
 * settings dialogs, the history and review panels. Also: the headline wraps, dates are day
 * first whatever the browser's locale, and paragraphs are spaced as on the public page.
 */
describe('accessibility and small things a writer notices', () => {
  const suite = browserSuite('warta-e2e-a11y-', { host: true });

  it('passes axe on every screen, in an American-English browser', async () => {
    const context = await suite.browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Rilis baru' }).click();
    const title = page.getByRole('textbox', { name: 'Judul', exact: true });
    await title.waitFor();
    const long =
      'KPU Kabupaten Blora Menetapkan Daftar Pemilih Tetap untuk Pemilihan Bupati dan Wakil Bupati Tahun 2024 dalam Rapat Pleno Terbuka';
    await title.fill(long);
    // The headline wraps and shows whole: no sideways scrolling, taller than one line.
    const box = (await page.evaluate(`(() => {
      const el = document.querySelector('.title-input');
      return { scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight,
        line: parseFloat(getComputedStyle(el).lineHeight), top: el.scrollHeight };
    })()`)) as { scroll: number; client: number; height: number; line: number; top: number };
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    expect(box.height).toBeGreaterThan(box.line * 1.5);
    expect(box.top).toBeLessThanOrEqual(box.height + 1);

    // The date is typed and shown day first, whatever the browser's locale.
    const date = page.getByRole('textbox', { name: 'Tanggal rilis', exact: true });
    await date.fill('3/12/2026');
    await page.getByText('Kamis (3/12/2026)').waitFor();
    await date.fill('31/02/2026');
    await page.getByText('Tulis tanggal sebagai hh/bb/tttt').waitFor();
    await date.fill('04/12/2025');
    await page.getByText('Kamis (4/12/2025)').waitFor();

    await page.getByRole('textbox', { name: 'Isi rilis' }).click();
    await page.keyboard.type('Blora - Rapat pleno ditunda di karenakan hujan, ujar pemiliahn.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Paragraf kedua.');
    await saved(page);
    // Hints: the non-standard form and the dateline's hyphen, in their own region.
    const hints = page.getByRole('region', { name: 'Saran gaya' });
    await hints.getByText('"di karenakan" tidak baku; tulis "dikarenakan"').waitFor();
    await hints.getByText(/Dateline ditulis dengan tanda pisah/).waitFor();
    await hints.getByRole('button', { name: 'Abaikan saran' }).first().click();
    await hints.getByText('1 saran diabaikan.').waitFor();
    await page.locator('[aria-invalid="spelling"]').first().waitFor();

    // Paragraphs spaced as the public page sets them: a 1em gap, line-height 1.6.
    const spacing = (await page.evaluate(`(() => {
      const style = getComputedStyle(document.querySelectorAll('.ProseMirror > p')[1]);
      const font = parseFloat(style.fontSize);
      return { gap: parseFloat(style.marginTop) / font, line: parseFloat(style.lineHeight) / font };
    })()`)) as { gap: number; line: number };
    expect(spacing.gap).toBeCloseTo(1, 2);
    expect(spacing.line).toBeCloseTo(1.6, 2);

    // Times: 24-hour with the zone (WIB before the office tells otherwise), whatever the locale.
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /^Tersimpan/ })
        .first()
        .textContent(),
    ).resolves.toMatch(/^Tersimpan ([01]\d|2[0-3])\.[0-5]\d WIB$/);
    expect(await axeViolations(page)).toEqual([]);

    // The spelling menu, from the keyboard.
    await selectText(page, 'pemiliahn', true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Tambahkan ke kamus' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });

    // Side panels and dialogs.
    await page.getByRole('button', { name: 'Riwayat' }).click();
    await page.getByRole('complementary').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tinjauan' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Pengaturan' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();
    await page.getByRole('button', { name: 'Sampah' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
