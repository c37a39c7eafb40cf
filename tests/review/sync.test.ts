import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { DocNode } from '../../src/shared/domain/doc';
import { decideSuggestions, editorExtensions, suggestModeKey, suggestModePlugin } from '../../src/shared/editor';
import { pendingSuggestions } from '../../src/shared/review';
import { createFileSecretStore } from '../../src/main/services/secrets';
import { HqClient } from '../../src/main/sync/hq-client';
import { SECRET_DEVICE_TOKEN } from '../../src/main/sync';
import { createReviewHandlers } from '../../src/main/review/handlers';
import { ReviewSync } from '../../src/main/review/runner';
import { applyAnnotation, applyTransitionFromHq, reviewPushExtension } from '../../src/main/review';
import { enrollPerson } from '../../src/server/admin';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { openWorkstation, type Workstation } from '../sync/helpers/world';

/**
 * Review across two workstations and a real HQ on 127.0.0.1 (real SQLite everywhere): the
 * whole review round without a browser — submit, comment, suggest, request changes,
 * edit around the comment, accept the suggestion, resolve, resubmit, approve, publish —
 * then the state and history compared on both workstations and at HQ. Plus HQ's
 * authorization: forged approvals, another province, stale transitions.
 */

const schema = getSchema(editorExtensions({ generateIds: false }));

interface Desk {
  ws: Workstation;
  review: ReturnType<typeof createReviewHandlers>;
  sync: ReviewSync;
  token(): string;
  deviceId(): string;
}

let tmp: ReturnType<typeof makeTempDir>;
let hq: Hq;
let writer: Desk;
let reviewer: Desk;

async function code(
  office: string,
  name: string,
  role: 'penulis' | 'peninjau' | 'admin',
  scope?: 'office' | 'province',
): Promise<string> {
  return (await enrollPerson(hq.server.storage, { office, name, role, ...(scope ? { scope } : {}) })).code;
}

async function desk(name: string, enrollment: string): Promise<Desk> {
  const ws = openWorkstation(tmp.dir, name, {
    onAnnotation: applyAnnotation,
    onReleaseChange: applyTransitionFromHq,
    extensions: [reviewPushExtension],
  });
  const secrets = createFileSecretStore(join(ws.dataDir, 'secrets.json'));
  await ws.sync.handlers.connectToHq({ serverUrl: hq.url, code: enrollment });
  const review = createReviewHandlers({ store: ws.store });
  const sync = new ReviewSync({ db: ws.store.db, sync: ws.sync.service });
  return {
    ws,
    review,
    sync,
    token: () => secrets.get(SECRET_DEVICE_TOKEN)!,
    deviceId: () => ws.sync.service.identity()!.deviceId,
  };
}

/** Edits a stored body the way the editor does: a real ProseMirror state with the real plugins. */
function edit(body: DocNode, author: string | null, change: (s: EditorState) => Transaction): DocNode {
  let state = EditorState.create({ doc: PmNode.fromJSON(schema, body), plugins: [suggestModePlugin()] });
  if (author) state = state.apply(state.tr.setMeta(suggestModeKey, { enabled: true, author }));
  state = state.apply(change(state));
  return state.doc.toJSON() as DocNode;
}

const posOf = (s: EditorState, needle: string): number => {
  let found = -1;
  s.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(needle)) found = pos + node.text!.indexOf(needle);
  });
  if (found < 0) throw new Error(`no "${needle}"`);
  return found;
};

const statusAtHq = (id: string) => hq.server.storage.getReleaseHead(id)?.status;
const localStatus = (d: Desk, id: string) =>
  d.ws.store.db.prepare<[string], { status: string }>('SELECT status FROM releases WHERE id = ?').get(id)?.status;

beforeAll(async () => {
  tmp = makeTempDir('warta-sync-review-');
  hq = await startHq(join(tmp.dir, 'hq'));
  writer = await desk('penulis', await code('KPU Kabupaten Blora', 'Sari Penulis', 'penulis'));
  reviewer = await desk('peninjau', await code('KPU Kota Semarang', 'Budi Peninjau', 'peninjau', 'province'));
}, 120_000);

afterAll(async () => {
  await writer?.sync.close();
  await reviewer?.sync.close();
  await writer?.ws.close();
  await reviewer?.ws.close();
  await hq?.close();
  tmp?.cleanup();
});

describe('review round trip through HQ', () => {
  it('submit → comment + suggestion + request changes → edit, accept, resolve, resubmit → approve → publish', async () => {
    const body = doc(
      paragraph('p1', 'Rapat pleno terbuka digelar di aula KPU Kabupaten Blora.'),
      paragraph('p2', 'Ketua KPU menyampaikan bahwa rekapitulasi berjalan lancar.'),
    );
    const { id } = await writer.ws.releases.createRelease({
      fields: { title: 'Rapat pleno rekapitulasi', body, office: 'KPU Kabupaten Blora' },
    });
    let w = await writer.review.getWorkflow({ releaseId: id });
    await writer.review.transition({ releaseId: id, to: 'diajukan', baseHash: w.contentHash });
    await writer.sync.run();
    expect(statusAtHq(id)).toBe('diajukan');

    // The provincial reviewer syncs: the release waits in "Menunggu tinjauan".
    await reviewer.sync.run();
    expect((await reviewer.review.reviewQueue({})).items.map((q) => q.id)).toEqual([id]);
    const seen = await reviewer.ws.releases.getRelease({ id });
    const p2 = 'Ketua KPU menyampaikan bahwa rekapitulasi berjalan lancar.';
    const thread = await reviewer.review.addComment({
      releaseId: id,
      blockId: 'p2',
      from: p2.indexOf('rekapitulasi'),
      to: p2.indexOf(' lancar'),
      body: 'Rekapitulasi tingkat apa?',
    });
    // Suggest mode: "digelar" → "dilaksanakan" as a proposal.
    const suggested = edit(seen.body, 'Budi Peninjau', (s) =>
      s.tr.insertText('dilaksanakan', posOf(s, 'digelar'), posOf(s, 'digelar') + 7),
    );
    expect(pendingSuggestions(suggested)).toHaveLength(2);
    await reviewer.ws.releases.saveRelease({ id, fields: { body: suggested } });
    const r1 = await reviewer.review.getWorkflow({ releaseId: id });
    await reviewer.review.transition({
      releaseId: id,
      to: 'perlu_revisi',
      baseHash: r1.contentHash,
      note: 'Lihat komentar.',
    });
    await reviewer.sync.run();
    expect(statusAtHq(id)).toBe('perlu_revisi');

    // The writer syncs: status, thread anchored on its words, the suggestion with author and time.
    await writer.sync.run();
    expect(localStatus(writer, id)).toBe('perlu_revisi');
    let threads = (await writer.review.listThreads({ releaseId: id })).items;
    expect(threads).toEqual([
      expect.objectContaining({ id: thread.id, orphaned: false, quote: 'rekapitulasi berjalan', status: 'open' }),
    ]);
    expect(threads[0]!.messages[0]).toMatchObject({
      author: 'Budi Peninjau',
      role: 'peninjau',
      body: 'Rekapitulasi tingkat apa?',
    });
    const mine = await writer.ws.releases.getRelease({ id });
    expect(pendingSuggestions(mine.body).map((s) => [s.kind, s.text, s.author])).toEqual([
      ['delete', 'digelar', 'Budi Peninjau'],
      ['insert', 'dilaksanakan', 'Budi Peninjau'],
    ]);
    // Edit around the commented passage, then accept the suggestion.
    let next = edit(mine.body, null, (s) => s.tr.insertText('Hari ini, ', posOf(s, 'Ketua')));
    next = edit(next, null, (s) =>
      s.tr.insertText(' suara tingkat kecamatan', posOf(s, 'rekapitulasi') + 'rekapitulasi'.length),
    );
    next = edit(next, null, (s) => decideSuggestions(s, null, true)!);
    await writer.ws.releases.saveRelease({ id, fields: { body: next } });
    threads = (await writer.review.listThreads({ releaseId: id })).items;
    expect(threads[0]!.anchor.quote).toBe('rekapitulasi suara tingkat kecamatan berjalan');
    await writer.review.replyToComment({ threadId: thread.id, body: 'Sudah saya perjelas.' });
    await writer.review.resolveThread({ threadId: thread.id });
    w = await writer.review.getWorkflow({ releaseId: id });
    expect(w.pendingSuggestions).toBe(0);
    await writer.review.transition({ releaseId: id, to: 'diajukan', baseHash: w.contentHash });
    await writer.sync.run();
    expect(statusAtHq(id)).toBe('diajukan');

    // The reviewer approves and publishes.
    await reviewer.sync.run();
    const rt = (await reviewer.review.listThreads({ releaseId: id })).items[0]!;
    expect(rt).toMatchObject({ status: 'resolved', resolvedBy: 'Sari Penulis' });
    expect(rt.messages.map((m) => m.body)).toEqual(['Rekapitulasi tingkat apa?', 'Sudah saya perjelas.']);
    let r = await reviewer.review.getWorkflow({ releaseId: id });
    expect(r.status).toBe('diajukan');
    r = await reviewer.review.transition({ releaseId: id, to: 'disetujui', baseHash: r.contentHash });
    r = await reviewer.review.transition({ releaseId: id, to: 'terbit', baseHash: r.contentHash });
    await reviewer.sync.run();
    expect(statusAtHq(id)).toBe('terbit');
    await writer.sync.run();

    // Same state and text everywhere, and the same history of transitions.
    expect(localStatus(writer, id)).toBe('terbit');
    expect(localStatus(reviewer, id)).toBe('terbit');
    const headBody = hq.server.storage.getReleaseHead(id)!.fields!.body;
    expect((await writer.ws.releases.getRelease({ id })).body).toEqual(headBody);
    expect((await reviewer.ws.releases.getRelease({ id })).body).toEqual(headBody);
    const hqTransitions = hq.server.storage
      .listRevisions(id)
      .filter((rev) => rev.event === 'transition')
      .map((rev) => [rev.fromStatus, rev.status, rev.actor.name, rev.actor.role]);
    expect(hqTransitions).toEqual([
      ['draf', 'diajukan', 'Sari Penulis', 'penulis'],
      ['diajukan', 'perlu_revisi', 'Budi Peninjau', 'peninjau'],
      ['perlu_revisi', 'diajukan', 'Sari Penulis', 'penulis'],
      ['diajukan', 'disetujui', 'Budi Peninjau', 'peninjau'],
      ['disetujui', 'terbit', 'Budi Peninjau', 'peninjau'],
    ]);
    for (const d of [writer, reviewer]) {
      const audit = (await d.review.listAudit({ releaseId: id })).items.filter((a) => a.action === 'transition');
      expect(audit.map((a) => [a.fromStatus, a.toStatus, a.actor, a.role])).toEqual(hqTransitions);
      expect(audit.every((a) => a.hqTime !== null)).toBe(true);
      const resolution = (await d.review.listAudit({ releaseId: id })).items.find((a) => a.action === 'resolve');
      expect(resolution).toMatchObject({ actor: 'Sari Penulis', role: 'penulis', hqTime: expect.any(String) });
    }
    const wv = await writer.review.getWorkflow({ releaseId: id });
    expect(wv).toMatchObject({ status: 'terbit', changedBy: 'Budi Peninjau', changedRole: 'peninjau' });
  }, 120_000);

  it('a suggestion on a paragraph the writer changed meanwhile becomes a conflict with both versions, not a loss', async () => {
    const { id } = await writer.ws.releases.createRelease({
      fields: {
        title: 'Jadwal',
        body: doc(paragraph('q1', 'Pendaftaran dibuka hari Senin.'), paragraph('q2', 'Info lebih lanjut di kantor.')),
        office: 'KPU Kabupaten Blora',
      },
    });
    await writer.sync.run();
    await reviewer.sync.run();
    const base = await reviewer.ws.releases.getRelease({ id });
    const suggested = edit(base.body, 'Budi Peninjau', (s) =>
      s.tr.insertText('Selasa', posOf(s, 'Senin'), posOf(s, 'Senin') + 5),
    );
    await reviewer.ws.releases.saveRelease({ id, fields: { body: suggested } });
    // Meanwhile, offline, the writer rewrites the same paragraph.
    const own = await writer.ws.releases.getRelease({ id });
    await writer.ws.releases.saveRelease({
      id,
      fields: { body: edit(own.body, null, (s) => s.tr.insertText(' pukul 08.00', posOf(s, 'Senin') + 5)) },
    });
    await writer.sync.run();
    await reviewer.sync.run();
    const conflicts = (await reviewer.ws.sync.handlers.listConflicts({ releaseId: id })).items;
    expect(conflicts).toHaveLength(1);
    const block = conflicts[0]!.blocks.find((b) => b.blockId === 'q1')!;
    expect(JSON.stringify(block.mine)).toContain('suggestionInsert');
    expect(JSON.stringify(block.theirs)).toContain('pukul 08.00');
  }, 120_000);
});

describe('concurrent review work', () => {
  it('replies written offline on both sides are all kept, and a resolve/reopen race ends the same everywhere (HQ order)', async () => {
    const { id } = await writer.ws.releases.createRelease({
      fields: {
        title: 'Balasan serentak',
        body: doc(paragraph('r1', 'Jumlah TPS di Blora sebanyak 2.000.')),
        office: 'KPU Kabupaten Blora',
      },
    });
    await writer.sync.run();
    await reviewer.sync.run();
    const t = await reviewer.review.addComment({
      releaseId: id,
      blockId: 'r1',
      from: 0,
      to: 10,
      body: 'Angka pastinya?',
    });
    await reviewer.sync.run();
    await writer.sync.run();
    // Offline on both sides: a reply each; the writer resolves, the reviewer replies again.
    await writer.review.replyToComment({ threadId: t.id, body: 'Tepatnya 2.013.' });
    await writer.review.resolveThread({ threadId: t.id });
    await reviewer.review.replyToComment({ threadId: t.id, body: 'Mohon cek data KPU RI.' });
    await reviewer.review.resolveThread({ threadId: t.id });
    await writer.sync.run();
    await reviewer.sync.run();
    await writer.sync.run();
    const both = async () => [
      (await writer.review.listThreads({ releaseId: id })).items[0]!,
      (await reviewer.review.listThreads({ releaseId: id })).items[0]!,
    ];
    let [a, b] = await both();
    expect(a!.messages.map((m) => m.body).sort()).toEqual(
      ['Angka pastinya?', 'Mohon cek data KPU RI.', 'Tepatnya 2.013.'].sort(),
    );
    // The same order on both sides: HQ's.
    expect(b!.messages.map((m) => m.body)).toEqual(a!.messages.map((m) => m.body));
    expect([a!.status, b!.status]).toEqual(['resolved', 'resolved']);
    expect(a!.synced && b!.synced).toBe(true);
    // Reopened on one side: open on both after sync.
    await reviewer.review.reopenThread({ threadId: t.id });
    await reviewer.sync.run();
    await writer.sync.run();
    [a, b] = await both();
    expect([a!.status, b!.status]).toEqual(['open', 'open']);
  }, 60_000);
});

describe('approval pinned to the text', () => {
  it('an edit after approval sends the release back to Diajukan at HQ, with a notice on both workstations', async () => {
    const { id } = await writer.ws.releases.createRelease({
      fields: { title: 'Dipatok', body: doc(paragraph('d1', 'Teks yang disetujui.')), office: 'KPU Kabupaten Blora' },
    });
    const w = await writer.review.getWorkflow({ releaseId: id });
    await writer.review.transition({ releaseId: id, to: 'diajukan', baseHash: w.contentHash });
    await writer.sync.run();
    await reviewer.sync.run();
    const r = await reviewer.review.getWorkflow({ releaseId: id });
    await reviewer.review.transition({ releaseId: id, to: 'disetujui', baseHash: r.contentHash });
    await reviewer.sync.run();
    await writer.sync.run();
    expect((await writer.review.getWorkflow({ releaseId: id })).status).toBe('disetujui');
    const own = await writer.ws.releases.getRelease({ id });
    await writer.ws.releases.saveRelease({
      id,
      fields: { body: edit(own.body, null, (s) => s.tr.insertText(' Ditambah.', posOf(s, 'disetujui.') + 10)) },
    });
    const mine = await writer.review.getWorkflow({ releaseId: id });
    expect(mine).toMatchObject({ status: 'diajukan', notice: expect.stringMatching(/setelah disetujui/) });
    await writer.sync.run();
    expect(statusAtHq(id)).toBe('diajukan');
    await reviewer.sync.run();
    const theirs = await reviewer.review.getWorkflow({ releaseId: id });
    expect(theirs).toMatchObject({
      status: 'diajukan',
      notice: expect.stringMatching(/diubah oleh Sari Penulis setelah disetujui/),
    });
    expect(theirs.allowed).toContain('disetujui');
    const audit = (await reviewer.review.listAudit({ releaseId: id })).items;
    expect(audit.map((a) => a.action)).toContain('notice');
  }, 60_000);
});

describe('embargo', () => {
  it("a publication scheduled by the reviewer holds at HQ and shows its time on the writer's workstation", async () => {
    const { id } = await writer.ws.releases.createRelease({
      fields: { title: 'Embargo', body: doc(paragraph('e1', 'Diumumkan besok pagi.')), office: 'KPU Kabupaten Blora' },
    });
    const w = await writer.review.getWorkflow({ releaseId: id });
    await writer.review.transition({ releaseId: id, to: 'diajukan', baseHash: w.contentHash });
    await writer.sync.run();
    await reviewer.sync.run();
    let r = await reviewer.review.getWorkflow({ releaseId: id });
    r = await reviewer.review.transition({ releaseId: id, to: 'disetujui', baseHash: r.contentHash });
    r = await reviewer.review.transition({
      releaseId: id,
      to: 'terbit',
      baseHash: r.contentHash,
      at: '2099-12-31T01:00:00.000Z',
    });
    expect(r.publishAt).toBe('2099-12-31T01:00:00.000Z');
    await reviewer.sync.run();
    expect(hq.server.storage.getReleaseHead(id)).toMatchObject({
      status: 'terbit',
      publishAt: '2099-12-31T01:00:00.000Z',
    });
    await writer.sync.run();
    expect(await writer.review.getWorkflow({ releaseId: id })).toMatchObject({
      status: 'terbit',
      publishAt: '2099-12-31T01:00:00.000Z',
      changedBy: 'Budi Peninjau',
    });
  }, 60_000);
});

describe('authorization at HQ', () => {
  it('a penulis cannot approve: refused in the workstation and, forged, at HQ', async () => {
    const { id } = await writer.ws.releases.createRelease({
      fields: { title: 'Uji', body: doc(paragraph('a1', 'Teks uji.')), office: 'KPU Kabupaten Blora' },
    });
    const w = await writer.review.getWorkflow({ releaseId: id });
    await writer.review.transition({ releaseId: id, to: 'diajukan', baseHash: w.contentHash });
    await writer.sync.run();
    expect(statusAtHq(id)).toBe('diajukan');
    const w2 = await writer.review.getWorkflow({ releaseId: id });
    expect(w2.allowed).not.toContain('disetujui');
    await expect(
      Promise.resolve().then(() =>
        writer.review.transition({ releaseId: id, to: 'disetujui', baseHash: w2.contentHash }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // Forged: the writer's own device token, a hand-made push entry.
    const client = new HqClient({ baseUrl: hq.url, token: writer.token() });
    const me = await client.me();
    const head = hq.server.storage.getReleaseHead(id)!;
    const res = await client.push(writer.deviceId(), [
      { seq: me.nextSeq, kind: 'workflow.transition', releaseId: id, baseRevision: head.revision, to: 'disetujui' },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'transition_not_allowed' });
    expect(statusAtHq(id)).toBe('diajukan');
  }, 60_000);

  it('a reviewer of another province can neither read nor annotate the release', async () => {
    const { id } = await writer.ws.releases.createRelease({
      fields: { title: 'Rahasia Blora', body: doc(paragraph('b1', 'Teks.')), office: 'KPU Kabupaten Blora' },
    });
    await writer.sync.run();
    const other = await desk('jabar', await code('KPU Kota Bandung', 'Peninjau Jabar', 'peninjau', 'province'));
    try {
      await other.sync.run();
      expect(other.ws.store.db.prepare('SELECT 1 FROM releases WHERE id = ?').get(id)).toBeUndefined();
      const client = new HqClient({ baseUrl: hq.url, token: other.token() });
      const page = await client.pull(0, 500);
      expect(page.changes.some((c) => c.releaseId === id)).toBe(false);
      const me = await client.me();
      await expect(
        client.push(other.deviceId(), [
          {
            seq: me.nextSeq,
            kind: 'annotation.put',
            releaseId: id,
            annotationId: '0190a0b0-0000-7000-8000-0000000000aa',
            annotationType: 'review.thread',
            baseRevision: 1,
            data: {},
          },
        ]),
      ).rejects.toMatchObject({ status: 403 });
    } finally {
      await other.sync.close();
      await other.ws.close();
    }
  }, 60_000);

  it('HQ rejects a transition made from a stale revision; the reviewer approving an outdated text is refused and sees why', async () => {
    const { id } = await writer.ws.releases.createRelease({
      fields: { title: 'Basi', body: doc(paragraph('c1', 'Versi pertama.')), office: 'KPU Kabupaten Blora' },
    });
    const w = await writer.review.getWorkflow({ releaseId: id });
    await writer.review.transition({ releaseId: id, to: 'diajukan', baseHash: w.contentHash });
    await writer.sync.run();
    await reviewer.sync.run();
    // Forged stale entry straight to HQ: baseRevision older than the head.
    const client = new HqClient({ baseUrl: hq.url, token: reviewer.token() });
    const head = hq.server.storage.getReleaseHead(id)!;
    const me = await client.me();
    const res = await client.push(reviewer.deviceId(), [
      { seq: me.nextSeq, kind: 'workflow.transition', releaseId: id, baseRevision: head.revision - 1, to: 'disetujui' },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'stale_revision' });
    // The head's revision but a fingerprint of other words: refused as well.
    const res2 = await client.push(reviewer.deviceId(), [
      {
        seq: res.nextSeq,
        kind: 'workflow.transition',
        releaseId: id,
        baseRevision: head.revision,
        to: 'disetujui',
        contentHash: 'a'.repeat(64),
      },
    ]);
    expect(res2.results[0]).toMatchObject({ status: 'rejected', reason: 'stale_revision' });
    // Through the workstations: the reviewer approves what they saw while the writer changed it.
    const r = await reviewer.review.getWorkflow({ releaseId: id });
    const own = await writer.ws.releases.getRelease({ id });
    await writer.ws.releases.saveRelease({
      id,
      fields: { body: edit(own.body, null, (s) => s.tr.insertText(' Diperbarui.', posOf(s, 'pertama.') + 8)) },
    });
    await writer.sync.run();
    await reviewer.review.transition({ releaseId: id, to: 'disetujui', baseHash: r.contentHash });
    await reviewer.sync.run();
    expect(statusAtHq(id)).toBe('diajukan');
    expect(localStatus(reviewer, id)).toBe('diajukan');
    const view = await reviewer.review.getWorkflow({ releaseId: id });
    expect(view.rejected).toMatch(/berbeda|stale/);
    expect((await reviewer.review.listAudit({ releaseId: id })).items.some((a) => a.action === 'rejected')).toBe(true);
  }, 60_000);
});
