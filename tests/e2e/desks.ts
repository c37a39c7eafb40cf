import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { enrollPerson } from '../../src/server/admin';
import type { HqServer } from '../../src/server/app';
import { enrollInSettings } from '../helpers/enroll';
import type { BrowserSuite } from '../helpers/suite';
import type { RunningWebHost } from '../helpers/web-host';

/**
 * What the workflow-screen tests share: two workstations (a penulis and a peninjau of KPU
 * Kabupaten Blora) opened in real Chromium through their web hosts and enrolled with a real HQ
 * in "Pengaturan", and the steps a person takes there (write, submit, sync, approve, publish).
 */

export interface Desk {
  page: Page;
  host: RunningWebHost;
}

export interface Desks {
  writer: Desk;
  reviewer: Desk;
  /** Uncaught errors on either page: a test ends by expecting none. */
  errors: string[];
}

/** Opens the host's one-time link in a new page and enrolls it in "Pengaturan" as `name` of `office`. */
export async function openDesk(
  suite: BrowserSuite,
  hq: { server: HqServer; url: string },
  folder: string,
  name: string,
  role: 'penulis' | 'peninjau',
  errors: string[],
  office = 'KPU Kabupaten Blora',
): Promise<Desk> {
  const host = await suite.startHost(folder);
  const page = await suite.browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(await host.openUrl());
  const { code } = await enrollPerson(hq.server.storage, { office, name, role });
  await enrollInSettings(page, hq.url, code, office);
  return { page, host };
}

/** A penulis and a peninjau, each on their own workstation (folders `<tag>-penulis`, `<tag>-peninjau`). */
export async function openDesks(
  suite: BrowserSuite,
  hq: { server: HqServer; url: string },
  tag: string,
): Promise<Desks> {
  const errors: string[] = [];
  const [writer, reviewer] = await Promise.all([
    openDesk(suite, hq, `${tag}-penulis`, 'Sari Penulis', 'penulis', errors),
    openDesk(suite, hq, `${tag}-peninjau`, 'Budi Peninjau', 'peninjau', errors),
  ]);
  return { writer, reviewer, errors };
}

export const releaseList = (page: Page) => page.getByRole('list', { name: /rilis/i });
export const releaseItem = (page: Page, title: string) =>
  releaseList(page).getByRole('listitem').filter({ hasText: title });

export async function saved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /^Tersimpan/ })
    .first()
    .waitFor({ timeout: 30_000 });
}

/** "Rilis baru", a title and paragraphs typed into "Isi rilis", stored. */
export async function writeRelease(page: Page, title: string, paragraphs: string[]): Promise<void> {
  const before = await releaseList(page).getByRole('listitem').count();
  await page.getByRole('button', { name: 'Rilis baru' }).click();
  // At least one more: a sync may bring the office's other releases in meanwhile.
  await expect.poll(() => releaseList(page).getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(before);
  await expect
    .poll(() => page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(), { timeout: 30_000 })
    .toBe('');
  await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Isi rilis' }).click();
  for (const [i, p] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(p);
  }
  await saved(page);
}

/** Opens the release named `title` from the list. */
export async function openRelease(page: Page, title: string): Promise<void> {
  const item = releaseItem(page, title);
  await item.waitFor({ timeout: 60_000 });
  await item.getByRole('button').first().click();
  await page.getByRole('textbox', { name: 'Isi rilis' }).waitFor({ timeout: 30_000 });
  await expect
    .poll(() => page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(), { timeout: 30_000 })
    .toBe(title);
}

/**
 * Presses "Sinkronkan" until `done()` holds (a sync may already be running, or one round may
 * not bring everything: the state it should reach is what is waited for).
 */
export async function syncUntil(
  page: Page,
  done: () => Promise<boolean>,
  what: string,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const bar = page.getByRole('progressbar', { name: 'Sinkronisasi' });
  while (Date.now() < deadline) {
    await page.getByRole('button', { name: 'Sinkronkan' }).click();
    await bar.waitFor({ state: 'hidden', timeout: 60_000 });
    for (let i = 0; i < 12 && Date.now() < deadline; i++) {
      if (await done()) return;
      await page.waitForTimeout(250);
    }
  }
  const header =
    (await page
      .locator('header')
      .first()
      .textContent()
      .catch(() => '')) ?? '';
  const list =
    (await releaseList(page)
      .textContent()
      .catch(() => '')) ?? '';
  throw new Error(`sync did not reach: ${what}\nheader: ${header.slice(0, 400)}\nlist: ${list.slice(0, 800)}`);
}

/** The status HQ holds for the release titled `title` (undefined while HQ has none). */
export function hqStatus(hq: HqServer, title: string): string | undefined {
  const rows = hq.storage.dump().releases as { id: string }[];
  for (const { id } of rows) {
    const head = hq.storage.getReleaseHead(id);
    if (head?.fields?.title === title) return head.status;
  }
  return undefined;
}

/** The writer submits and syncs; the reviewer syncs, opens it and approves it. */
export async function submitAndApprove(desks: Desks, hq: HqServer, title: string): Promise<void> {
  const { writer, reviewer } = desks;
  await writer.page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
  await writer.page.getByText(/Diajukan oleh Sari Penulis/).waitFor({ timeout: 30_000 });
  await syncUntil(writer.page, async () => hqStatus(hq, title) === 'diajukan', 'HQ holds the submitted release');
  await syncUntil(
    reviewer.page,
    async () => (await releaseItem(reviewer.page, title).count()) > 0,
    'the reviewer has it',
  );
  await openRelease(reviewer.page, title);
  await reviewer.page.getByRole('button', { name: 'Setujui' }).click();
  await reviewer.page.getByText(/Disetujui oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
}

/** Written by the writer, approved and published by the reviewer, synced to HQ. */
export async function writeAndPublish(desks: Desks, hq: HqServer, title: string, paragraphs: string[]): Promise<void> {
  await writeRelease(desks.writer.page, title, paragraphs);
  await submitAndApprove(desks, hq, title);
  const page = desks.reviewer.page;
  await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
  await page.getByText(/Terbit oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
  await syncUntil(page, async () => hqStatus(hq, title) === 'terbit', 'HQ holds the release as Terbit');
}

/** The public path (/berita/<slug>) HQ gives the release titled `title`, from its public API. */
export async function publicPath(hqUrl: string, title: string): Promise<string> {
  let uri: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${hqUrl}/api/v1/releases?perPage=100`);
        const body = (await res.json()) as { items: { uri: string; headlines: { value: string }[] }[] };
        uri = body.items.find((i) => i.headlines[0]?.value === title)?.uri;
        return uri !== undefined;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return new URL(uri ?? '').pathname;
}

/**
 * Selects `text` inside the editor with a real DOM selection, as a mouse drag would
 * (`collapseAtStart`: only place the cursor where it begins).
 */
export async function selectText(page: Page, text: string, collapseAtStart = false): Promise<void> {
  await page.getByRole('textbox', { name: 'Isi rilis' }).click();
  // Runs in the page (a string: this file compiles without the DOM library).
  await page.evaluate(`new Promise((resolve, reject) => {
    const needle = ${JSON.stringify(text)};
    const root = document.querySelector('.ProseMirror');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(needle);
      if (at < 0) continue;
      // ProseMirror reads the DOM selection on selectionchange; resolve once it has.
      document.addEventListener('selectionchange', () => requestAnimationFrame(() => resolve()), { once: true });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, ${collapseAtStart ? 'at' : 'at + needle.length'});
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    reject(new Error('text not found: ' + needle));
  })`);
}
