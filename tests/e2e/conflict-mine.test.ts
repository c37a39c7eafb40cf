import { describe, expect, it } from 'vitest';
import { rpc, waitFor } from '../helpers';
import { doc, paragraph } from '../helpers/docs';
import { browserSuite } from '../helpers/suite';
import { releaseItem, syncUntil } from './desks';

/**
 * "Pakai versi saya" in the conflict view: the same paragraph changed on two workstations; the
 * person whose push conflicted keeps their own version, and after syncing both workstations
 * show exactly that version in the editor.
 */
describe('conflict view: Pakai versi saya', () => {
  const suite = browserSuite('warta-e2e-conflict-mine-', { hq: true });

  it('the chosen version is what both workstations show after sync', { timeout: 300_000 }, async () => {
    const title = 'Rapat pleno penetapan DPS';
    const [a, b] = await Promise.all([suite.startHost('a'), suite.startHost('b')]);
    await suite.connectToHq(a, 'Siti Aminah');
    await suite.connectToHq(b, 'Budi Santoso');
    const body = (text: string) => doc(paragraph('p-intro', 'Pembuka yang sama.'), paragraph('p-1', text));
    const created = await rpc(a, 'createRelease', { fields: { title, date: '2025-12-04' } });
    const id = created.id;
    await rpc(a, 'saveRelease', { id, fields: { body: body('Teks awal.') } });
    await rpc(a, 'syncNow', {});
    await rpc(b, 'syncNow', {});
    await waitFor(async () => (await rpc(b, 'listReleases', {})).items.some((r) => r.id === id), 'release reaches B');
    // Both change the same paragraph; A syncs first, so B's push conflicts.
    await rpc(a, 'saveRelease', { id, fields: { body: body('Versi dari Blora kota.') } });
    await rpc(b, 'saveRelease', { id, fields: { body: body('Versi dari Cepu.') } });
    await rpc(a, 'syncNow', {});
    await rpc(b, 'syncNow', {});
    await waitFor(async () => (await rpc(b, 'getRelease', { id })).syncState === 'konflik', 'B sees the conflict');

    const errors: string[] = [];
    const [pageA, pageB] = await Promise.all([suite.browser.newPage(), suite.browser.newPage()]);
    for (const p of [pageA, pageB]) p.on('pageerror', (e) => errors.push(e.message));
    await pageB.goto(await b.openUrl());
    const item = releaseItem(pageB, title);
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain('Konflik');
    await item.getByRole('button').first().click();
    await pageB.getByRole('button', { name: 'Lihat konflik' }).click();
    const dialog = pageB.getByRole('dialog');
    await dialog.getByText('Versi dari Cepu.').waitFor({ timeout: 30_000 });
    await dialog.getByText('Versi dari Blora kota.').waitFor();
    await dialog.getByRole('radio', { name: 'Pakai versi saya' }).check();
    await dialog.getByRole('button', { name: 'Terapkan penyelesaian' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    const editorB = pageB.getByRole('textbox', { name: 'Isi rilis' });
    await expect.poll(() => editorB.textContent(), { timeout: 30_000 }).toContain('Versi dari Cepu.');
    await syncUntil(
      pageB,
      async () =>
        ((await item.textContent()) ?? '').includes('Terkirim') &&
        !((await item.textContent()) ?? '').includes('Konflik'),
      'B sends its version',
    );
    expect(await editorB.textContent()).not.toContain('Blora kota');

    // A syncs and opens the release: B's version, the shared opening kept.
    await pageA.goto(await a.openUrl());
    await syncUntil(
      pageA,
      async () => JSON.stringify((await rpc(a, 'getRelease', { id })).body).includes('Versi dari Cepu.'),
      'A receives the chosen version',
    );
    await releaseItem(pageA, title).getByRole('button').first().click();
    const editorA = pageA.getByRole('textbox', { name: 'Isi rilis' });
    await expect.poll(() => editorA.textContent(), { timeout: 30_000 }).toBe('Pembuka yang sama.Versi dari Cepu.');
    expect(await editorB.textContent()).toBe('Pembuka yang sama.Versi dari Cepu.');
    expect(errors).toEqual([]);
  });
});
