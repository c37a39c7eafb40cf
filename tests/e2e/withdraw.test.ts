import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHq, type Hq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';
import { PHONE_UA } from '../publish/helpers';
import { hqStatus, openDesks, publicPath, releaseItem, syncUntil, writeAndPublish } from './desks';

/**
 * "Tarik dari situs": a peninjau withdraws a published release on their workstation; after a
 * sync the public page answers 410 with a notice, the release is gone from /berita and the
 * feed, and the writer's workstation shows it as Ditarik.
 */
describe('Tarik dari situs (withdraw a published release)', () => {
  const suite = browserSuite('warta-e2e-withdraw-');
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(join(suite.dir, 'hq'), 0, { publicSite: true });
  });
  afterAll(() => hq?.close());

  it('the public page answers 410 and the release leaves /berita and /feed.xml', { timeout: 420_000 }, async () => {
    const title = 'KPU Blora Umumkan Jadwal Debat Publik';
    const kept = 'KPU Blora Buka Pendaftaran Pemantau';
    const desks = await openDesks(suite, hq, 'tarik');
    await writeAndPublish(desks, hq.server, title, ['Debat publik pertama digelar di pendopo kabupaten.']);
    const path = await publicPath(hq.url, title);

    // A second release stays published: the index and feed still answer, just without the first.
    await writeAndPublish(desks, hq.server, kept, ['Pendaftaran pemantau dibuka hingga akhir bulan.']);

    const readerContext = await suite.browser.newContext({ userAgent: PHONE_UA });
    const reader = await readerContext.newPage();
    expect((await reader.goto(`${hq.url}${path}`))?.status()).toBe(200);
    await reader.getByRole('heading', { level: 1, name: title }).waitFor();

    // The reviewer opens it again and takes it off the site.
    const { reviewer, writer } = desks;
    await releaseItem(reviewer.page, title).getByRole('button').first().click();
    await expect
      .poll(() => reviewer.page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(), { timeout: 30_000 })
      .toBe(title);
    await reviewer.page.getByRole('button', { name: 'Tarik dari situs' }).click();
    await reviewer.page.getByText(/Ditarik oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
    await syncUntil(reviewer.page, async () => hqStatus(hq.server, title) === 'ditarik', 'HQ holds it as Ditarik');

    // What a reader sees now.
    const gone = await reader.goto(`${hq.url}${path}`);
    expect(gone?.status()).toBe(410);
    expect(await reader.getByRole('heading', { level: 1, name: title }).count()).toBe(0);
    const index = await reader.goto(`${hq.url}/berita`);
    expect(index?.status()).toBe(200);
    await reader.getByRole('link', { name: kept }).waitFor();
    expect(await reader.getByRole('link', { name: title }).count()).toBe(0);
    const feed = await (await fetch(`${hq.url}/feed.xml`)).text();
    expect(feed).toContain(kept);
    expect(feed).not.toContain(title);
    expect(feed).not.toContain(path);
    await readerContext.close();

    // The writer's workstation shows it withdrawn after a sync.
    await syncUntil(
      writer.page,
      async () => ((await releaseItem(writer.page, title).textContent()) ?? '').includes('Ditarik'),
      "the writer's list shows Ditarik",
    );
    expect(desks.errors).toEqual([]);
  });
});
