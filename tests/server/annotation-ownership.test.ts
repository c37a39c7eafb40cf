import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  applyAnnotation,
  applyTransitionFromHq,
  createReviewHandlers,
  reviewPushExtension,
  ReviewSync,
} from '../../src/main/review';
import { createFileSecretStore } from '../../src/main/services/secrets';
import { SECRET_DEVICE_TOKEN } from '../../src/main/sync';
import { enrollPerson } from '../../src/server/admin';
import type { MeResponse } from '../../src/shared/sync/protocol';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { call, newId, push, threadData, type Device } from '../helpers/hq-api';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, type Workstation } from '../sync/helpers/world';

/**
 * Who owns a review record, attacked with hand-made pushes: a writer's own device token, HQ on
 * 127.0.0.1, two workstations on real SQLite. A writer may not name themselves as the approver
 * in "Jejak audit" nor rewrite a reviewer's comment; resolving goes only where the rules allow.
 */

interface Desk {
  ws: Workstation;
  review: ReturnType<typeof createReviewHandlers>;
  sync: ReviewSync;
  /** The desk's own device, for pushes made by hand (nothing may be queued on the desk then). */
  forge(): Promise<Device>;
}

const OFFICE = 'KPU Kabupaten Blora';
const P1 = 'Rapat pleno terbuka digelar di aula KPU Kabupaten Blora.';

let tmp: ReturnType<typeof makeTempDir>;
let hq: Hq;
let writer: Desk;
let reviewer: Desk;

async function desk(dir: string, name: string, role: 'penulis' | 'peninjau'): Promise<Desk> {
  const { code } = await enrollPerson(hq.server.storage, { office: OFFICE, name, role });
  const ws = openWorkstation(tmp.dir, dir, {
    onAnnotation: applyAnnotation,
    onReleaseChange: applyTransitionFromHq,
    extensions: [reviewPushExtension],
  });
  await ws.sync.handlers.connectToHq({ serverUrl: hq.url, code });
  const secrets = createFileSecretStore(join(ws.dataDir, 'secrets.json'));
  return {
    ws,
    review: createReviewHandlers({ store: ws.store }),
    sync: new ReviewSync({ db: ws.store.db, sync: ws.sync.service }),
    forge: async () => {
      const token = secrets.get(SECRET_DEVICE_TOKEN)!;
      const me = (await call(hq.url, '/api/v1/sync/me', { token })).body as MeResponse;
      const identity = ws.sync.service.identity()!;
      return { deviceId: identity.deviceId, token, person: me.person, nextSeq: me.nextSeq };
    },
  };
}

beforeAll(async () => {
  tmp = makeTempDir('warta-ownership-');
  hq = await startHq(join(tmp.dir, 'hq'));
  writer = await desk('penulis', 'Sari Penulis', 'penulis');
  reviewer = await desk('peninjau', 'Budi Peninjau', 'peninjau');
}, 120_000);

afterAll(async () => {
  await writer?.sync.close();
  await reviewer?.sync.close();
  await closeAll(tmp, writer?.ws, reviewer?.ws, hq);
});

const syncBoth = async () => {
  await writer.sync.run();
  await reviewer.sync.run();
  await writer.sync.run();
};

/** A release the writer wrote and submitted, known to both workstations. */
async function submitted(title: string): Promise<string> {
  const { id } = await writer.ws.releases.createRelease({
    fields: { title, body: doc(paragraph('p1', P1)), office: OFFICE },
  });
  const w = await writer.review.getWorkflow({ releaseId: id });
  await writer.review.transition({ releaseId: id, to: 'diajukan', baseHash: w.contentHash });
  await syncBoth();
  return id;
}

const annotationAtHq = (id: string) => hq.server.storage.getAnnotation(id);

describe('the audit trail is HQ’s own', () => {
  it('a writer pushing review.transition with the reviewer’s transition id is refused; the reviewer’s "Jejak audit" is unchanged', async () => {
    const id = await submitted('Audit tidak bisa dipalsukan');
    const r = await reviewer.review.getWorkflow({ releaseId: id });
    await reviewer.review.transition({ releaseId: id, to: 'disetujui', baseHash: r.contentHash });
    await syncBoth();
    const before = (await reviewer.review.listAudit({ releaseId: id })).items;
    const approval = before.find((a) => a.action === 'transition' && a.toStatus === 'disetujui');
    expect(approval).toMatchObject({ actor: 'Budi Peninjau', role: 'peninjau', hqTime: expect.any(String) });
    const { id: transitionId } = reviewer.ws.store.db
      .prepare<[string], { id: string }>(
        "SELECT id FROM review_transitions WHERE release_id = ? AND to_status = 'disetujui'",
      )
      .get(id)!;

    const head = hq.server.storage.getReleaseHead(id)!;
    const forged = await push(hq.url, await writer.forge(), [
      {
        kind: 'annotation.put',
        releaseId: id,
        annotationId: newId(),
        annotationType: 'review.transition',
        baseRevision: head.revision,
        data: { transitionId, revision: head.revision, from: 'diajukan', to: 'disetujui' },
      },
    ]);
    expect(forged.status).toBe(200);
    expect(forged.body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid_content' });
    expect(forged.body.results[0]).toHaveProperty('message', expect.stringMatching(/written by HQ/));

    await syncBoth();
    expect((await reviewer.review.listAudit({ releaseId: id })).items).toEqual(before);
    // The writer's workstation names the approver as HQ knows them too.
    const theirs = (await writer.review.listAudit({ releaseId: id })).items.filter((a) => a.action === 'transition');
    expect(theirs.map((a) => [a.fromStatus, a.toStatus, a.actor, a.role])).toEqual([
      ['draf', 'diajukan', 'Sari Penulis', 'penulis'],
      ['diajukan', 'disetujui', 'Budi Peninjau', 'peninjau'],
    ]);
    expect(await writer.review.getWorkflow({ releaseId: id })).toMatchObject({
      changedBy: 'Budi Peninjau',
      changedRole: 'peninjau',
    });
  }, 60_000);
});

describe('a comment belongs to its author', () => {
  it('a writer overwriting a reviewer’s comment by its id is refused; text and author stay at HQ and on both workstations', async () => {
    const id = await submitted('Komentar milik peninjau');
    const thread = await reviewer.review.addComment({
      releaseId: id,
      blockId: 'p1',
      from: 0,
      to: 'Rapat pleno'.length,
      body: 'Rapat pleno tanggal berapa?',
    });
    await syncBoth();
    const stored = annotationAtHq(thread.id)!;
    expect(stored).toMatchObject({ version: 1, actor: { name: 'Budi Peninjau' } });

    const dev = await writer.forge();
    const res = await push(hq.url, dev, [
      {
        kind: 'annotation.put',
        releaseId: id,
        annotationId: thread.id,
        annotationType: 'review.thread',
        baseRevision: 2,
        data: threadData('Komentar ini sudah diganti penulis.', 'Rapat pleno'),
      },
      {
        kind: 'annotation.put',
        releaseId: id,
        annotationId: thread.id,
        annotationType: 'review.reply',
        baseRevision: 2,
        data: { threadId: thread.id, body: 'Diganti lewat balasan.' },
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.status, 'reason' in r ? r.reason : null])).toEqual([
      ['rejected', 'not_author'],
      ['rejected', 'not_author'],
    ]);
    expect(annotationAtHq(thread.id)).toEqual(stored);

    await syncBoth();
    for (const d of [writer, reviewer]) {
      const [t] = (await d.review.listThreads({ releaseId: id })).items;
      expect(t!.messages).toEqual([
        expect.objectContaining({ author: 'Budi Peninjau', role: 'peninjau', body: 'Rapat pleno tanggal berapa?' }),
      ]);
      const comments = (await d.review.listAudit({ releaseId: id })).items.filter((a) => a.action === 'comment');
      expect(comments).toEqual([expect.objectContaining({ actor: 'Budi Peninjau', role: 'peninjau' })]);
    }
  }, 60_000);

  it('the author may change their own record; nobody may push an annotation of a kind a workstation does not write', async () => {
    const id = await submitted('Suntingan sendiri');
    const dev = await writer.forge();
    const own = newId();
    const put = (annotationId: string, annotationType: string, data: Record<string, unknown>) => ({
      kind: 'annotation.put' as const,
      releaseId: id,
      annotationId,
      annotationType,
      baseRevision: 2,
      data,
    });
    const res = await push(hq.url, dev, [
      put(own, 'review.thread', threadData('Catatan penulis.', 'Rapat')),
      put(own, 'review.thread', threadData('Catatan penulis, diperbaiki.', 'Rapat')),
      put(newId(), 'review.audit', { actor: 'Budi Peninjau', action: 'transition' }),
      put(newId(), 'comment', { text: 'jenis tak dikenal' }),
      put(newId(), 'review.thread', { quote: 'Rapat', body: 'tanpa jangkar' }),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    expect(annotationAtHq(own)).toMatchObject({
      version: 2,
      actor: { name: 'Sari Penulis' },
      data: { body: 'Catatan penulis, diperbaiki.' },
    });
    // Fields outside the record's shape (a claimed author) are not stored.
    const extra = await push(hq.url, dev, [
      put(newId(), 'review.thread', { ...threadData('Klaim penulis.'), author: 'Budi Peninjau' }),
    ]);
    expect(extra.body.results[0]!.status).toBe('accepted');
    const rows = hq.server.storage.dump().annotations as { data: string }[];
    expect(rows.some((a) => a.data.includes('Klaim penulis.') && a.data.includes('author'))).toBe(false);
  }, 60_000);
});

describe('resolving and reopening', () => {
  it('a writer resolves a reviewer’s thread of their release as an event of their own — not by taking over the reviewer’s event, nor on a thread elsewhere', async () => {
    const id = await submitted('Diselesaikan penulis');
    const other = await submitted('Rilis lain');
    const thread = await reviewer.review.addComment({
      releaseId: id,
      blockId: 'p1',
      from: 0,
      to: 5,
      body: 'Kata pertama kurang jelas.',
    });
    const elsewhere = await reviewer.review.addComment({
      releaseId: other,
      blockId: 'p1',
      from: 0,
      to: 5,
      body: 'Di rilis lain.',
    });
    await syncBoth();

    // Allowed: the writer settles the comment on their own release.
    await writer.review.resolveThread({ threadId: thread.id });
    await syncBoth();
    expect((await reviewer.review.listThreads({ releaseId: id })).items[0]).toMatchObject({
      status: 'resolved',
      resolvedBy: 'Sari Penulis',
    });

    // The reviewer reopens it: an event of theirs.
    await reviewer.review.reopenThread({ threadId: thread.id });
    await syncBoth();
    const events = (hq.server.storage.dump().annotations as { id: string; type: string; actor: string }[]).filter(
      (a) => a.type === 'review.event' && JSON.parse(a.actor).name === 'Budi Peninjau',
    );
    expect(events).toHaveLength(1);
    const reopenId = events[0]!.id;
    const reopen = annotationAtHq(reopenId)!;

    const event = (annotationId: string, releaseId: string, threadId: string) => ({
      kind: 'annotation.put' as const,
      releaseId,
      annotationId,
      annotationType: 'review.event',
      baseRevision: 2,
      data: { threadId, action: 'resolve' },
    });
    const res = await push(hq.url, await writer.forge(), [
      // Turning the reviewer's reopening into the writer's resolution.
      event(reopenId, id, thread.id),
      // Resolving a thread of another release through this one, or a thread that does not exist.
      event(newId(), id, elsewhere.id),
      event(newId(), id, newId()),
    ]);
    expect(res.body.results.map((r) => [r.status, 'reason' in r ? r.reason : null])).toEqual([
      ['rejected', 'not_author'],
      ['rejected', 'invalid_content'],
      ['rejected', 'invalid_content'],
    ]);
    expect(annotationAtHq(reopenId)).toEqual(reopen);

    await syncBoth();
    for (const d of [writer, reviewer]) {
      expect((await d.review.listThreads({ releaseId: id })).items[0]).toMatchObject({ status: 'open' });
      expect((await d.review.listThreads({ releaseId: other })).items[0]).toMatchObject({ status: 'open' });
      const trail = (await d.review.listAudit({ releaseId: id })).items.filter((a) => a.action === 'reopen');
      expect(trail).toEqual([expect.objectContaining({ actor: 'Budi Peninjau', role: 'peninjau' })]);
    }
  }, 60_000);
});
