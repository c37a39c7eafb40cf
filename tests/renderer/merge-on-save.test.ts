import { describe, expect, it } from 'vitest';
import { rpc, waitFor } from '../helpers';
import { paragraph } from '../helpers/docs';
import { browserSuite } from '../helpers/suite';

/**
 * The release is open in the editor when a sync stores a change made on another workstation.
 * Typing afterwards must not undo that change (saves are partial but the body travels whole):
 * the editor merges it in, and the stored release holds both people's words.
 */

const OTHER = 'Paragraf kedua yang disunting di kantor lain.';
const MINE = 'Tambahan dari penulis yang sedang membuka rilis.';

describe('saving on top of a synced change', () => {
  const suite = browserSuite('warta-renderer-merge-', { hq: true });

  it('keeps the change a sync stored under the open editor and adds what is typed', async () => {
    const [a, b] = await Promise.all([suite.startHost('a'), suite.startHost('b')]);
    await suite.connectToHq(a, 'Siti Aminah');
    await suite.connectToHq(b, 'Budi Santoso');
    const created = await rpc(a, 'createRelease', { fields: { title: 'Sosialisasi pemilih', date: '2025-12-04' } });
    await rpc(a, 'saveRelease', {
      id: created.id,
      fields: {
        body: { type: 'doc', content: [paragraph('p-1', 'Paragraf pertama.'), paragraph('p-2', 'Paragraf kedua.')] },
      },
    });
    await rpc(a, 'syncNow', {});
    await rpc(b, 'syncNow', {});
    await waitFor(
      async () => (await rpc(b, 'listReleases', {})).items.some((r) => r.id === created.id),
      'release reaches B',
    );

    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await a.openUrl());
    await page
      .getByRole('list', { name: 'Rilis' })
      .getByRole('button', { name: /Sosialisasi pemilih/ })
      .click();
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.getByText('Paragraf pertama.').waitFor({ timeout: 30_000 });

    // Another office edits the second paragraph; A's sync stores it while the editor is open.
    await rpc(b, 'saveRelease', {
      id: created.id,
      fields: { body: { type: 'doc', content: [paragraph('p-1', 'Paragraf pertama.'), paragraph('p-2', OTHER)] } },
    });
    await rpc(b, 'syncNow', {});
    await rpc(a, 'syncNow', {});
    await waitFor(
      async () => JSON.stringify((await rpc(a, 'getRelease', { id: created.id })).body).includes(OTHER),
      'A stores the synced edit',
    );

    await body.getByText('Paragraf pertama.').click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${MINE}`);
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .waitFor({ timeout: 30_000 });

    const stored = JSON.stringify((await rpc(a, 'getRelease', { id: created.id })).body);
    expect(stored).toContain(MINE);
    expect(stored).toContain(OTHER);
    await body.getByText(OTHER).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
