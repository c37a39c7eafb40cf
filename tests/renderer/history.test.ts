import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { browserSuite } from '../helpers/suite';

/** "Riwayat": revisions listed, a word diff against the current text, and restore (itself a new revision). */

const ORIGINAL = 'KPU Blora membuka pendaftaran panitia pemilihan kecamatan.';
const ADDED = 'Pendaftaran ditutup pada hari Jumat.';

describe('history panel', () => {
  const suite = browserSuite('warta-renderer-history-', { host: true, hq: true });

  it('shows what changed since a revision and restores it as a new revision', async () => {
    const created = await rpc(suite.host, 'createRelease', {
      fields: {
        title: 'Pendaftaran PPK',
        date: '2025-12-04',
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: ORIGINAL }] }],
        },
      },
    });
    // Typing coalesces into the newest revision of the same author for minutes (store rule), so
    // the edit below comes from another person: the workstation enrolls with HQ in between.
    await suite.connectToHq(suite.host, 'Siti Aminah');
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(await suite.host.openUrl());
    await page
      .getByRole('list', { name: 'Rilis' })
      .getByRole('button', { name: /Pendaftaran PPK/ })
      .click();
    const body = page.getByRole('textbox', { name: 'Isi rilis' });
    await body.getByText(ORIGINAL).click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${ADDED}`);
    await page
      .getByRole('status')
      .filter({ hasText: /^Tersimpan/ })
      .waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Riwayat' }).click();
    const panel = page.getByRole('complementary', { name: 'Riwayat revisi' });
    const first = panel.getByRole('listitem').filter({ hasText: 'Revisi 1' });
    await first.waitFor({ timeout: 30_000 });
    await panel
      .getByRole('listitem')
      .filter({ hasText: 'Revisi 2' })
      .filter({ hasText: 'Siti Aminah' })
      .waitFor({ timeout: 30_000 });
    await first.getByRole('button', { name: 'Bandingkan' }).click();
    const inserted = panel.locator('ins');
    await inserted.first().waitFor({ timeout: 30_000 });
    expect((await inserted.allTextContents()).join('')).toContain('ditutup pada hari Jumat');
    expect(await panel.locator('del').count()).toBe(0);

    await first.getByRole('button', { name: 'Pulihkan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pulihkan' }).click();
    await expect
      .poll(async () => (await page.getByRole('textbox', { name: 'Isi rilis' }).textContent()) ?? '', {
        timeout: 30_000,
      })
      .toBe(ORIGINAL);
    // The panel stays open across the restore and lists the new revision.
    await page
      .getByRole('complementary', { name: 'Riwayat revisi' })
      .getByRole('listitem')
      .filter({ hasText: 'Revisi 3' })
      .filter({ hasText: 'Pemulihan' })
      .waitFor({ timeout: 30_000 });

    const stored = await rpc(suite.host, 'getRelease', { id: created.id });
    expect(JSON.stringify(stored.body)).not.toContain(ADDED);
    const revisions = await rpc(suite.host, 'listRevisions', { releaseId: created.id });
    expect(revisions.items.map((r) => r.reason).sort()).toEqual(['created', 'edited', 'restored']);
    expect(errors).toEqual([]);
  });
});
