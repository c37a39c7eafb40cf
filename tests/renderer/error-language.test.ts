import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/** A service failure is worded in the interface language, not in the Indonesian the service logs. */

describe('errors in the interface language', () => {
  const suite = browserSuite('warta-renderer-error-language-', { host: true });

  it('importing a file that is not an image tells an English user in English', async () => {
    await rpc(suite.host, 'setLanguage', { language: 'en' });
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());
    await page.getByRole('button', { name: 'New release' }).click();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Insert image' }).click();
    await (
      await chooser
    ).setFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not a picture\n') });

    const alert = page.getByRole('alert').filter({ hasText: 'notes.png' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain(
      'The file "notes.png" is not a supported image (its content is not JPEG, PNG, WebP or GIF, whatever its name says).',
    );
    expect(await alert.textContent()).not.toMatch(/bukan gambar/);

    await rpc(suite.host, 'setLanguage', { language: 'id' });
    expect(errors).toEqual([]);
  });
});
