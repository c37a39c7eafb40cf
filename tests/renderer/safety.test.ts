import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/**
 * The page under its strict CSP (no inline scripts or styles): editing with every kind of
 * block raises no CSP violation; text that looks like HTML stays text in search highlights;
 * links other than http/https/mailto are refused by the link dialog.
 */

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Pemilu serentak';

/** What the page's global object carries in this test (tests compile without the DOM lib). */
interface PageGlobal {
  __csp?: string[];
  __pwned?: number;
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
}

describe('renderer safety under the CSP', () => {
  const suite = browserSuite('warta-renderer-safety-', { host: true });

  it('edits with headings, tables, figures and links without a CSP violation, and never renders stored text as HTML', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const g = globalThis as unknown as PageGlobal;
      g.__csp = [];
      // The event bubbles from the offending element up to the window.
      g.addEventListener('securitypolicyviolation', (e) => g.__csp?.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(await suite.host.openUrl());

    await page.getByRole('button', { name: 'Rilis baru' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(HOSTILE_TITLE);
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.click();
    await page.keyboard.type('Tahapan pemilu berjalan sesuai jadwal.');
    const toolbar = page.getByRole('toolbar', { name: 'Format teks' });

    // A link with a script URL is refused; nothing is linked.
    await toolbar.getByRole('button', { name: 'Tautan', exact: true }).click();
    await page.getByRole('textbox', { name: 'Alamat tautan' }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Alamat tidak diizinkan' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Batal' }).click();
    expect(await body.locator('a').count()).toBe(0);

    await toolbar.getByRole('button', { name: 'Subjudul H2', exact: true }).click();
    await toolbar.getByRole('button', { name: 'Sisipkan tabel' }).click();
    await page.keyboard.type('TPS');
    const chooser = page.waitForEvent('filechooser');
    await toolbar.getByRole('button', { name: 'Sisipkan gambar' }).click();
    await (await chooser).setFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('textbox', { name: 'Kredit foto' }).fill('Foto: Humas');
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .waitFor({ timeout: 30_000 });
    expect(await body.locator('table').count()).toBe(1);
    expect(await body.locator('figure img').count()).toBe(1);

    await page.getByRole('searchbox', { name: 'Cari rilis' }).fill('pemilu');
    const list = page.getByRole('list', { name: 'Rilis' });
    await list.locator('mark').first().waitFor({ timeout: 30_000 });
    // The title's markup is shown as the characters it is, never parsed.
    expect(await list.locator('img').count()).toBe(0);
    expect(await list.textContent()).toContain('<img src=x');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobal).__pwned)).toBeUndefined();

    const stored = await rpc(suite.host, 'listReleases', {});
    expect(stored.items[0]?.title).toBe(HOSTILE_TITLE);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobal).__csp)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
