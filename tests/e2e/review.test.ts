import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rpc } from '../helpers';
import { enrollPerson } from '../../src/server/admin';
import { enrollInSettings } from '../helpers/enroll';
import { browserSuite } from '../helpers/suite';
import { selectText } from './desks';

/**
 * Review end to end: two workstations (penulis, peninjau) and HQ, in real Chromium
 * through the web host, real SQLite everywhere. The writer submits; the reviewer syncs,
 * comments on a sentence, suggests a wording change and requests changes; the writer syncs,
 * sees both anchored, edits around the commented passage, accepts the suggestion, resolves
 * the thread and resubmits; the reviewer approves and publishes; the state and history match
 * on both workstations and at HQ.
 */

const TITLE = 'KPU Blora Gelar Rapat Pleno Rekapitulasi';
const P1 = 'Rapat pleno terbuka digelar di aula KPU Kabupaten Blora.';
const P2 = 'Ketua KPU menyampaikan bahwa rekapitulasi berjalan lancar.';

async function sync(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sinkronkan' }).click();
  const bar = page.getByRole('progressbar', { name: 'Sinkronisasi' });
  await bar.waitFor({ state: 'hidden', timeout: 60_000 });
}

async function saved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /^Tersimpan/ })
    .first()
    .waitFor({ timeout: 30_000 });
}

async function openRelease(page: Page): Promise<void> {
  const item = page.getByRole('list', { name: /rilis/i }).getByRole('listitem').filter({ hasText: TITLE });
  await item.waitFor({ timeout: 30_000 });
  await item.getByRole('button').first().click();
  await page.getByRole('textbox', { name: 'Isi rilis' }).waitFor({ timeout: 30_000 });
}

describe('review end to end: two workstations and HQ in the browser', () => {
  const suite = browserSuite('warta-e2e-review-', { hq: true });

  const releaseId = (): string => {
    const rows = suite.hq.server.storage.dump().releases as { id: string }[];
    return rows[0]!.id;
  };
  const hqStatus = () => suite.hq.server.storage.getReleaseHead(releaseId())?.status;
  const waitHq = (status: string) => expect.poll(() => hqStatus(), { timeout: 60_000, interval: 250 }).toBe(status);

  it('submit, comment, suggest, request changes, revise, resolve, resubmit, approve, publish', async () => {
    const [a, b] = await Promise.all([suite.startHost('penulis'), suite.startHost('peninjau')]);
    const errors: string[] = [];
    const writer = await suite.browser.newPage();
    const reviewer = await suite.browser.newPage();
    for (const p of [writer, reviewer]) p.on('pageerror', (e) => errors.push(e.message));

    // The writer writes and submits.
    await writer.goto(await a.openUrl());
    await enrollInSettings(
      writer,
      suite.hq.url,
      (
        await enrollPerson(suite.hq.server.storage, {
          office: 'KPU Kabupaten Blora',
          name: 'Sari Penulis',
          role: 'penulis',
        })
      ).code,
    );
    await writer.getByRole('button', { name: 'Rilis baru' }).click();
    await writer.getByRole('textbox', { name: 'Judul', exact: true }).fill(TITLE);
    await writer.getByRole('textbox', { name: 'Isi rilis' }).click();
    await writer.keyboard.type(P1);
    await writer.keyboard.press('Enter');
    await writer.keyboard.type(P2);
    await saved(writer);
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.getByText(/Diajukan oleh Sari Penulis/).waitFor({ timeout: 30_000 });
    // A penulis is never offered approval or publication.
    expect(await writer.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    expect(await writer.getByRole('button', { name: 'Terbitkan', exact: true }).count()).toBe(0);
    await sync(writer);
    await waitHq('diajukan');

    // The reviewer (provincial) syncs, finds it waiting, comments, suggests, asks for changes.
    await reviewer.goto(await b.openUrl());
    await enrollInSettings(
      reviewer,
      suite.hq.url,
      (
        await enrollPerson(suite.hq.server.storage, {
          office: 'KPU Kota Semarang',
          name: 'Budi Peninjau',
          role: 'peninjau',
          scope: 'province',
        })
      ).code,
      'KPU Kota Semarang',
    );
    await sync(reviewer);
    await reviewer.getByRole('list', { name: 'Menunggu tinjauan' }).getByText(TITLE).waitFor({ timeout: 30_000 });
    await openRelease(reviewer);
    await selectText(reviewer, 'rekapitulasi berjalan');
    await reviewer.getByRole('button', { name: 'Komentar', exact: true }).click();
    await reviewer.getByRole('textbox', { name: 'Tulis komentar' }).fill('Rekapitulasi tingkat apa?');
    await reviewer.getByRole('button', { name: 'Kirim komentar' }).click();
    await reviewer.locator('.warta-comment', { hasText: 'rekapitulasi berjalan' }).waitFor({ timeout: 30_000 });
    await reviewer.getByRole('button', { name: 'Mode saran' }).click();
    await selectText(reviewer, 'digelar');
    await reviewer.keyboard.type('dilaksanakan');
    await reviewer.locator('ins.warta-suggestion-insert', { hasText: 'dilaksanakan' }).waitFor({ timeout: 30_000 });
    await reviewer.locator('del.warta-suggestion-delete', { hasText: 'digelar' }).waitFor({ timeout: 30_000 });
    await saved(reviewer);
    await reviewer.getByRole('button', { name: 'Minta revisi' }).click();
    await reviewer.getByText(/Perlu revisi oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
    await sync(reviewer);
    await waitHq('perlu_revisi');

    // The writer syncs: the comment on its words, the suggestion with its author.
    await sync(writer);
    await writer.reload();
    await openRelease(writer);
    await writer.locator('.warta-comment', { hasText: 'rekapitulasi berjalan' }).waitFor({ timeout: 30_000 });
    await writer.locator('ins.warta-suggestion-insert', { hasText: 'dilaksanakan' }).waitFor({ timeout: 30_000 });
    const panelButton = writer.getByRole('button', { name: 'Tinjauan', exact: true });
    if ((await panelButton.getAttribute('aria-expanded')) !== 'true') await panelButton.click();
    await writer.locator('.thread-messages').getByText('Rekapitulasi tingkat apa?').waitFor({ timeout: 30_000 });
    await writer.getByText('Budi Peninjau menambahkan').waitFor({ timeout: 30_000 });
    // Edit around the commented passage: it stays highlighted on its words.
    await selectText(writer, 'Ketua KPU', true);
    await writer.keyboard.type('Hari ini, ');
    await selectText(writer, 'berjalan', true);
    await writer.keyboard.type('suara ');
    await saved(writer);
    await writer.locator('.warta-comment', { hasText: 'rekapitulasi suara berjalan' }).waitFor({ timeout: 30_000 });
    await writer.getByRole('button', { name: 'Terima semua' }).click();
    await writer.locator('ins.warta-suggestion-insert').waitFor({ state: 'detached', timeout: 30_000 });
    await saved(writer);
    await writer.getByRole('button', { name: 'Selesaikan' }).click();
    await writer
      .getByText(/Selesai \(Sari Penulis\)|Tampilkan yang selesai/)
      .first()
      .waitFor({ timeout: 30_000 });
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.getByText(/Diajukan oleh Sari Penulis/).waitFor({ timeout: 30_000 });
    await sync(writer);
    await waitHq('diajukan');

    // The reviewer approves and publishes.
    await sync(reviewer);
    await reviewer.reload();
    await openRelease(reviewer);
    await expect
      .poll(() => reviewer.getByRole('textbox', { name: 'Isi rilis' }).textContent(), { timeout: 30_000 })
      .toContain('Hari ini, Ketua KPU');
    await reviewer.getByRole('button', { name: 'Setujui' }).click();
    await reviewer.getByText(/Disetujui oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
    await reviewer.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await reviewer.getByText(/Terbit oleh Budi Peninjau/).waitFor({ timeout: 30_000 });
    await sync(reviewer);
    await waitHq('terbit');
    await sync(writer);

    // The same state and history on both workstations and at HQ.
    const id = releaseId();
    const hqHistory = suite.hq.server.storage
      .listRevisions(id)
      .filter((r) => r.event === 'transition')
      .map((r) => [r.fromStatus, r.status, r.actor.name, r.actor.role]);
    expect(hqHistory).toEqual([
      ['draf', 'diajukan', 'Sari Penulis', 'penulis'],
      ['diajukan', 'perlu_revisi', 'Budi Peninjau', 'peninjau'],
      ['perlu_revisi', 'diajukan', 'Sari Penulis', 'penulis'],
      ['diajukan', 'disetujui', 'Budi Peninjau', 'peninjau'],
      ['disetujui', 'terbit', 'Budi Peninjau', 'peninjau'],
    ]);
    const headBody = JSON.stringify(suite.hq.server.storage.getReleaseHead(id)!.fields!.body);
    for (const host of [a, b]) {
      await expect
        .poll(async () => (await rpc(host, 'getWorkflow', { releaseId: id })).status, { timeout: 60_000 })
        .toBe('terbit');
      const audit = (await rpc(host, 'listAudit', { releaseId: id })).items.filter((e) => e.action === 'transition');
      expect(audit.map((e) => [e.fromStatus, e.toStatus, e.actor, e.role])).toEqual(hqHistory);
      expect(JSON.stringify((await rpc(host, 'getRelease', { id })).body)).toBe(headBody);
      const threads = (await rpc(host, 'listThreads', { releaseId: id })).items;
      expect(threads.map((t) => [t.status, t.orphaned, t.resolvedBy, t.messages.length])).toEqual([
        ['resolved', false, 'Sari Penulis', 1],
      ]);
    }
    expect(headBody).not.toMatch(/suggestion/);
    expect(headBody).toContain('dilaksanakan');
    expect(errors).toEqual([]);
  }, 240_000);
});
