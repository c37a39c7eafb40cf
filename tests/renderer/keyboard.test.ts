import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/**
 * Every named control is reachable with Tab alone, and a release can be written without a mouse:
 * no control is ever focused by script; the only keys are Tab, Enter, Escape and typing.
 */

/** The named controls of the page with a release open, and of the settings dialog. */
const PAGE_CONTROLS = [
  'Rilis baru',
  'Cari rilis',
  'Sinkronkan',
  'Pengaturan',
  'Judul',
  'Dateline',
  'Kategori',
  'Isi rilis',
];
const DIALOG_CONTROLS = ['Alamat server pusat', 'Kode pendaftaran', 'Hubungkan', 'Cadangkan'];

/** The accessible name of the focused element, as a screen reader would announce it (roughly). */
const FOCUSED_NAME = `(() => {
  const e = document.activeElement;
  if (!e) return '';
  const label = e.getAttribute('aria-label');
  if (label) return label;
  const labelled = e.getAttribute('aria-labelledby');
  if (labelled) return document.getElementById(labelled)?.textContent ?? '';
  const own = e.labels && e.labels[0];
  if (own) return (own.querySelector('span') ?? own).textContent ?? '';
  return (e.textContent ?? '').trim();
})()`;

/** Presses Tab until every name has had the focus (at most maxTabs presses); returns the names that had it. */
async function tabUntil(page: Page, names: string[], maxTabs = 120): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < maxTabs && names.some((n) => !seen.has(n)); i += 1) {
    await page.keyboard.press('Tab');
    seen.add(((await page.evaluate(FOCUSED_NAME)) as string).trim());
  }
  return seen;
}

/** Presses Tab until `name` has the focus (at most maxTabs presses). */
async function tabTo(page: Page, name: string, maxTabs = 120): Promise<void> {
  const seen = await tabUntil(page, [name], maxTabs);
  expect(seen, `Tab never reached "${name}"`).toContain(name);
  expect(await page.evaluate(FOCUSED_NAME)).toBe(name);
}

describe('keyboard', () => {
  const suite = browserSuite('warta-renderer-keyboard-', { host: true });

  it('writes a release with the keyboard alone and reaches every named control with Tab', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());
    await page.getByRole('button', { name: 'Rilis baru' }).waitFor();

    // New release: from the page start, Tab to the button, Enter; the title field takes the focus.
    await tabTo(page, 'Rilis baru');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Judul', exact: true }).waitFor();
    expect(await page.evaluate(FOCUSED_NAME)).toBe('Judul');
    await page.keyboard.type('Ditulis tanpa tetikus');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(FOCUSED_NAME)).toBe('Dateline');
    await page.keyboard.type('Blora');

    const names = ['Kategori', 'Isi rilis'];
    const seen = await tabUntil(page, names);
    for (const name of names) expect(seen).toContain(name);
    expect(await page.evaluate(FOCUSED_NAME)).toBe('Isi rilis');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('Subjudul dari papan ketik');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Isi paragraf pertama.');
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .waitFor({ timeout: 30_000 });

    // The rest of the page keeps going round: header controls and the library.
    const rest = ['Sinkronkan', 'Pengaturan', 'Cari rilis'];
    const around = await tabUntil(page, rest);
    for (const name of rest) expect(around).toContain(name);

    // Settings by keyboard: Tab to the button, Enter; the HQ form is reachable inside the dialog; Escape closes it.
    await tabTo(page, 'Pengaturan');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Pengaturan' });
    await dialog.waitFor();
    const inDialog = await tabUntil(page, DIALOG_CONTROLS, 40);
    for (const name of DIALOG_CONTROLS) expect(inDialog).toContain(name);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // One full round of the page by Tab alone reaches every named control, wrapping past the end.
    const round = await tabUntil(page, PAGE_CONTROLS, 120);
    for (const name of PAGE_CONTROLS) expect(round, `reached by Tab: ${[...round].join(' | ')}`).toContain(name);

    const stored = (await rpc(suite.host, 'listReleases', {})).items[0];
    expect(stored?.title).toBe('Ditulis tanpa tetikus');
    const body = JSON.stringify((await rpc(suite.host, 'getRelease', { id: stored?.id as string })).body);
    expect(body).toContain('"type":"heading"');
    expect(body).toContain('Isi paragraf pertama.');
    expect(errors).toEqual([]);
  });
});
