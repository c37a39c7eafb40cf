import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHq, type Hq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';
import { hqStatus, openDesks, openRelease, saved, selectText, syncUntil, writeRelease } from './desks';

/**
 * Review suggestions, one by one: a peninjau suggests two edits; the writer accepts one
 * ("Terima") and rejects the other ("Tolak"); the body then holds exactly the accepted change,
 * on the writer's workstation and, after a sync, on the reviewer's.
 */
describe('review suggestions: Terima one, Tolak another', () => {
  const suite = browserSuite('warta-e2e-suggestions-');
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(join(suite.dir, 'hq'));
  });
  afterAll(() => hq?.close());

  it('the body shows exactly the accepted change', { timeout: 300_000 }, async () => {
    const title = 'KPU Blora Gelar Rapat Penetapan';
    const original = 'Rapat pleno terbuka digelar di aula KPU Kabupaten Blora.';
    const expected = 'Rapat pleno terbuka dilaksanakan di aula KPU Kabupaten Blora.';
    const desks = await openDesks(suite, hq, 'saran');
    const { writer, reviewer } = desks;
    await writeRelease(writer.page, title, [original]);
    await writer.page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.page.getByText(/Diajukan oleh Sari Penulis/).waitFor({ timeout: 30_000 });
    await syncUntil(writer.page, async () => hqStatus(hq.server, title) === 'diajukan', 'HQ has it submitted');

    // The reviewer suggests a replacement and a deletion, and asks for changes.
    const r = reviewer.page;
    await syncUntil(
      r,
      async () => (await r.getByRole('list', { name: /rilis/i }).getByText(title).count()) > 0,
      'R has it',
    );
    await openRelease(r, title);
    await r.getByRole('button', { name: 'Mode saran' }).click();
    await selectText(r, 'digelar');
    await r.keyboard.type('dilaksanakan');
    await r.locator('ins.warta-suggestion-insert', { hasText: 'dilaksanakan' }).waitFor({ timeout: 30_000 });
    await selectText(r, 'pleno ');
    await r.keyboard.press('Backspace');
    await r.locator('del.warta-suggestion-delete', { hasText: 'pleno' }).waitFor({ timeout: 30_000 });
    await saved(r);
    await r.getByRole('button', { name: 'Minta revisi' }).click();
    await r.getByText(/Perlu revisi oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
    await syncUntil(r, async () => hqStatus(hq.server, title) === 'perlu_revisi', 'HQ has it sent back');

    // The writer syncs and decides each suggestion in the review panel.
    const w = writer.page;
    await syncUntil(
      w,
      async () =>
        (
          (await w
            .getByRole('list', { name: /rilis/i })
            .getByRole('listitem')
            .filter({ hasText: title })
            .textContent()) ?? ''
        ).includes('Perlu revisi'),
      'W has it back',
    );
    await w.reload();
    await openRelease(w, title);
    const panelButton = w.getByRole('button', { name: 'Tinjauan', exact: true });
    if ((await panelButton.getAttribute('aria-expanded')) !== 'true') await panelButton.click();
    const list = w.getByRole('region', { name: 'Saran suntingan' });
    const insert = list.getByRole('listitem').filter({ hasText: 'Budi Peninjau menambahkan' });
    await insert.filter({ hasText: 'dilaksanakan' }).waitFor({ timeout: 30_000 });
    await insert.filter({ hasText: 'dilaksanakan' }).getByRole('button', { name: 'Terima', exact: true }).click();
    // A replacement is one suggestion or two (insert + delete): accepting it takes "digelar" out.
    const replaced = list
      .getByRole('listitem')
      .filter({ hasText: 'Budi Peninjau menghapus' })
      .filter({ hasText: 'digelar' });
    if ((await replaced.count()) > 0) await replaced.getByRole('button', { name: 'Terima', exact: true }).click();
    const deletion = list.getByRole('listitem').filter({ hasText: 'pleno' });
    expect(await list.textContent()).toContain('pleno');
    await deletion.getByRole('button', { name: 'Tolak', exact: true }).click();
    await list.getByText('Tidak ada saran.').waitFor({ timeout: 30_000 });
    const body = w.getByRole('textbox', { name: 'Isi rilis' });
    expect(await body.textContent()).toBe(expected);
    expect(await w.locator('ins.warta-suggestion-insert, del.warta-suggestion-delete').count()).toBe(0);
    await saved(w);

    // Resubmitted and synced: the reviewer reads the same text.
    await w.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await w.getByText(/Diajukan oleh Sari Penulis/).waitFor({ timeout: 30_000 });
    await syncUntil(w, async () => hqStatus(hq.server, title) === 'diajukan', 'HQ has it resubmitted');
    await syncUntil(
      r,
      async () =>
        (
          (await r
            .getByRole('list', { name: /rilis/i })
            .getByRole('listitem')
            .filter({ hasText: title })
            .textContent()) ?? ''
        ).includes('Diajukan'),
      'R has it resubmitted',
    );
    await r.reload();
    await openRelease(r, title);
    await expect
      .poll(() => r.getByRole('textbox', { name: 'Isi rilis' }).textContent(), { timeout: 30_000 })
      .toBe(expected);
    expect(desks.errors).toEqual([]);
  });
});
