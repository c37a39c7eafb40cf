import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longDateTime } from '../../src/server/public/format/dates';
import { startHq, type Hq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';
import { PHONE_UA } from '../publish/helpers';
import { hqStatus, openDesks, publicPath, releaseItem, saved, syncUntil, writeAndPublish } from './desks';

/**
 * "Tandai dikoreksi": a peninjau fixes a published release's text on their workstation and marks
 * it corrected; after a sync the public article shows the fixed text at the same address with a
 * dated correction note, and the writer's workstation shows it as Dikoreksi.
 */
describe('Tandai dikoreksi (mark a published release corrected)', () => {
  const suite = browserSuite('warta-e2e-correct-');
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(join(suite.dir, 'hq'), 0, { publicSite: true });
  });
  afterAll(() => hq?.close());

  it('the public article shows the corrected text and a dated correction note', { timeout: 420_000 }, async () => {
    const title = 'KPU Blora Tetapkan Jumlah TPS';
    const wrong = 'Jumlah TPS ditetapkan sebanyak 1.200 lokasi.';
    const desks = await openDesks(suite, hq, 'koreksi');
    await writeAndPublish(desks, hq.server, title, [wrong]);
    const path = await publicPath(hq.url, title);

    const readerContext = await suite.browser.newContext({ userAgent: PHONE_UA });
    const reader = await readerContext.newPage();
    expect((await reader.goto(`${hq.url}${path}`))?.status()).toBe(200);
    await reader.getByText(wrong).waitFor();
    expect(await reader.getByRole('note', { name: 'Koreksi' }).count()).toBe(0);

    // The reviewer fixes the number in the published text and marks it corrected.
    const { reviewer, writer } = desks;
    const page = reviewer.page;
    await releaseItem(page, title).getByRole('button').first().click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(), { timeout: 30_000 })
      .toBe(title);
    await page.getByRole('textbox', { name: 'Isi rilis' }).getByText(wrong).waitFor({ timeout: 30_000 });
    await page.getByRole('textbox', { name: 'Isi rilis' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Ralat: jumlah yang benar 1.250 lokasi.');
    await saved(page);
    const before = new Date().toISOString();
    await page.getByRole('button', { name: 'Tandai dikoreksi' }).click();
    await page.getByText(/Dikoreksi oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
    await syncUntil(page, async () => hqStatus(hq.server, title) === 'dikoreksi', 'HQ holds it as Dikoreksi');
    const after = new Date().toISOString();

    // The reader, at the same address: the fixed text and the dated note.
    expect((await reader.goto(`${hq.url}${path}`))?.status()).toBe(200);
    await reader.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await reader.locator('article .body').textContent()).toContain('Ralat: jumlah yang benar 1.250 lokasi.');
    const note = reader.getByRole('note', { name: 'Koreksi' });
    const at = (await note.locator('time').getAttribute('datetime')) ?? '';
    expect(at >= before && at <= after, `${at} within [${before}, ${after}]`).toBe(true);
    expect((await note.textContent())?.trim()).toMatch(
      new RegExp(`^Dikoreksi pada ${longDateTime(at, 'WIB').replace(/[.()]/g, '\\$&')}:`),
    );
    await readerContext.close();

    // The writer sees it corrected, with the fixed text, after a sync.
    await syncUntil(
      writer.page,
      async () => ((await releaseItem(writer.page, title).textContent()) ?? '').includes('Dikoreksi'),
      "the writer's list shows Dikoreksi",
    );
    await releaseItem(writer.page, title).getByRole('button').first().click();
    await expect
      .poll(() => writer.page.getByRole('textbox', { name: 'Isi rilis' }).textContent(), { timeout: 30_000 })
      .toContain('1.250 lokasi');
    expect(desks.errors).toEqual([]);
  });
});
