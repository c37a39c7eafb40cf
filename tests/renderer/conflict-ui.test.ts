import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../src/shared/domain';
import { rpc, waitFor } from '../helpers';
import { doc, paragraph } from '../helpers/docs';
import { browserSuite } from '../helpers/suite';

/**
 * Concurrent edits through the renderer: the same paragraph edited on two
 * workstations becomes a conflict the writer sees with both versions side by side, resolves
 * by writing the text, and the resolution reaches the other workstation.
 */

const bodyText = (doc: DocNode): string => JSON.stringify(doc);

describe('conflict view in the browser', () => {
  const suite = browserSuite('warta-renderer-conflict-', { hq: true });

  it('shows both versions of a paragraph edited on two workstations, and the written resolution reaches the other side', async () => {
    const [a, b] = await Promise.all([suite.startHost('a'), suite.startHost('b')]);
    await suite.connectToHq(a, 'Siti Aminah');
    await suite.connectToHq(b, 'Budi Santoso');

    const created = await rpc(a, 'createRelease', { fields: { title: 'Rapat pleno DPT', date: '2025-12-04' } });
    await rpc(a, 'saveRelease', {
      id: created.id,
      fields: { body: doc(paragraph('p-intro', 'Pembuka yang sama.'), paragraph('p-1', 'Teks awal.')) },
    });
    await rpc(a, 'syncNow', {});
    await rpc(b, 'syncNow', {});
    await waitFor(
      async () => (await rpc(b, 'listReleases', {})).items.some((r) => r.id === created.id),
      'release reaches B',
    );

    // Both change the same paragraph offline; A syncs first, so B's push conflicts.
    await rpc(a, 'saveRelease', {
      id: created.id,
      fields: { body: doc(paragraph('p-intro', 'Pembuka yang sama.'), paragraph('p-1', 'Versi dari Blora kota.')) },
    });
    await rpc(b, 'saveRelease', {
      id: created.id,
      fields: { body: doc(paragraph('p-intro', 'Pembuka yang sama.'), paragraph('p-1', 'Versi dari Cepu.')) },
    });
    await rpc(a, 'syncNow', {});
    await rpc(b, 'syncNow', {});
    await waitFor(
      async () => (await rpc(b, 'getRelease', { id: created.id })).syncState === 'konflik',
      'B sees the conflict',
    );

    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await b.openUrl());
    const item = page.getByRole('list', { name: 'Rilis' }).getByRole('listitem').filter({ hasText: 'Rapat pleno DPT' });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain('Konflik');
    await item.getByRole('button').first().click();

    await page.getByRole('button', { name: 'Lihat konflik' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Versi dari Cepu.').waitFor({ timeout: 30_000 });
    await dialog.getByText('Versi dari Blora kota.').waitFor();
    // Nothing is decided for the writer: applying waits for a choice.
    expect(await dialog.getByRole('button', { name: 'Terapkan penyelesaian' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'Sunting sendiri' }).check();
    await dialog.getByRole('textbox', { name: 'Teks hasil suntingan' }).fill('Versi gabungan Blora dan Cepu.');
    await dialog.getByRole('button', { name: 'Terapkan penyelesaian' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    await page
      .getByRole('textbox', { name: 'Isi rilis' })
      .filter({ hasText: 'Versi gabungan Blora dan Cepu.' })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole('textbox', { name: 'Isi rilis' }).textContent()).toContain('Pembuka yang sama.');

    await page.getByRole('button', { name: 'Sinkronkan' }).click();
    await waitFor(
      async () => (await rpc(b, 'getRelease', { id: created.id })).syncState === 'terkirim',
      'B sends the resolution',
    );
    await rpc(a, 'syncNow', {});
    const onA = await rpc(a, 'getRelease', { id: created.id });
    expect(bodyText(onA.body)).toContain('Versi gabungan Blora dan Cepu.');
    expect(bodyText(onA.body)).not.toContain('Versi dari Cepu.');
    expect(errors).toEqual([]);
  });
});
