import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HQ_DB_FILE } from '../../src/server/app';
import { startHq, type Hq } from '../helpers/hq';
import { browserSuite } from '../helpers/suite';
import { PHONE_UA } from '../publish/helpers';
import { hqStatus, openDesks, releaseItem, submitAndApprove, syncUntil, writeRelease } from './desks';

/**
 * "Jadwalkan terbit…": a peninjau schedules an approved release an hour ahead. HQ runs on a
 * clock the test moves: until the embargo time the article is nowhere on the public site (its
 * page, /berita, the feed, the API); once HQ's clock passes it, it is there.
 */
describe('Jadwalkan terbit (embargo)', () => {
  const suite = browserSuite('warta-e2e-embargo-');
  let hq: Hq;
  let offsetMs = 0;
  beforeAll(async () => {
    hq = await startHq(join(suite.dir, 'hq'), 0, {
      publicSite: true,
      now: () => new Date(Date.now() + offsetMs),
    });
  });
  afterAll(() => hq?.close());

  /** The slug HQ's public store gave the release (it is not listed anywhere while embargoed). */
  const slugOf = (title: string): string | undefined => {
    const db = new Database(join(hq.dataDir, HQ_DB_FILE), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT slug FROM pub_releases WHERE title = ?').get(title) as { slug: string } | undefined)
        ?.slug;
    } finally {
      db.close();
    }
  };

  it(
    'the scheduled article is absent from the public site until its time, present after',
    { timeout: 420_000 },
    async () => {
      const title = 'KPU Blora Umumkan Hasil Rekapitulasi Suara';
      const desks = await openDesks(suite, hq, 'embargo');
      await writeRelease(desks.writer.page, title, ['Rekapitulasi suara tingkat kabupaten telah selesai.']);
      await submitAndApprove(desks, hq.server, title);

      // The reviewer schedules it (the dialog offers an hour from now).
      const page = desks.reviewer.page;
      await page.getByRole('button', { name: 'Jadwalkan terbit…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Jadwalkan penerbitan' });
      await dialog.getByRole('button', { name: 'Jadwalkan', exact: true }).click();
      await dialog.waitFor({ state: 'detached', timeout: 30_000 });
      await page.getByText(/^Embargo sampai /).waitFor({ timeout: 30_000 });
      await syncUntil(page, async () => hqStatus(hq.server, title) === 'terbit', 'HQ holds it as Terbit');
      await expect.poll(() => slugOf(title), { timeout: 30_000 }).toBeDefined();
      const path = `/berita/${slugOf(title) ?? ''}`;

      // Each look is a fresh reader: /berita may be cached in a browser for a minute, by design.
      const absent = async (): Promise<void> => {
        const readerContext = await suite.browser.newContext({ userAgent: PHONE_UA });
        const reader = await readerContext.newPage();
        expect((await reader.goto(`${hq.url}${path}`))?.status()).toBe(404);
        expect(await reader.getByRole('heading', { level: 1, name: title }).count()).toBe(0);
        expect((await reader.goto(`${hq.url}/berita`))?.status()).toBe(200);
        expect(await reader.getByRole('link', { name: title }).count()).toBe(0);
        expect(await (await fetch(`${hq.url}/feed.xml`)).text()).not.toContain(title);
        expect(await (await fetch(`${hq.url}/api/v1/releases`)).text()).not.toContain(title);
        await readerContext.close();
      };
      await absent();
      // A minute before the embargo time: still nowhere.
      const ids = (hq.server.storage.dump().releases as { id: string }[]).map((r) => r.id);
      const publishAt = ids
        .map((id) => hq.server.storage.getReleaseHead(id))
        .find((h) => h?.fields?.title === title)?.publishAt;
      expect(publishAt).toBeTruthy();
      offsetMs = new Date(publishAt ?? '').getTime() - Date.now() - 60_000;
      await absent();

      // HQ's clock passes the embargo time: a reader finds it on the index and opens it.
      offsetMs = new Date(publishAt ?? '').getTime() - Date.now() + 60_000;
      const laterContext = await suite.browser.newContext({ userAgent: PHONE_UA });
      const later = await laterContext.newPage();
      expect((await later.goto(`${hq.url}/berita`))?.status()).toBe(200);
      await later.getByRole('link', { name: title }).click();
      await later.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(new URL(later.url()).pathname).toBe(path);
      expect(await later.locator('article .body').textContent()).toContain('Rekapitulasi suara tingkat kabupaten');
      expect(await (await fetch(`${hq.url}/feed.xml`)).text()).toContain(title);
      await laterContext.close();

      // The writer's workstation shows it Terbit after a sync.
      await syncUntil(
        desks.writer.page,
        async () => ((await releaseItem(desks.writer.page, title).textContent()) ?? '').includes('Terbit'),
        "the writer's list shows Terbit",
      );
      expect(desks.errors).toEqual([]);
    },
  );
});
