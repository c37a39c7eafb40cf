import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyAnnotation, applyTransitionFromHq, createReviewHandlers } from '../../src/main/review';
import { markTransitionAccepted } from '../../src/main/review/tables/transitions';
import { openStore, type Store } from '../../src/main/store';
import { createRelease } from '../../src/main/store/releases';
import type { ChangeActor, ReleaseChange } from '../../src/shared/sync/protocol';
import { doc, paragraph } from '../helpers/docs';
import { threadData } from '../helpers/hq-api';
import { makeTempDir } from '../helpers/tmp';

/**
 * What a workstation believes from a pull (real SQLite file): a record HQ confirmed for one
 * person is never handed to another, and who moved a release comes only from HQ's log of the
 * transitions it accepted — never from an annotation someone pushed.
 */

const actor = (name: string, role: ChangeActor['role'], hqTime: string): ChangeActor => ({
  deviceId: '0190a0b0-0000-7000-8000-0000000000d1',
  personId: '0190a0b0-0000-7000-8000-0000000000e1',
  name,
  role,
  office: 'KPU Kabupaten Blora',
  hqTime,
});
const BUDI = actor('Budi Peninjau', 'peninjau', '2026-11-30T06:00:00.000Z');
const SARI = actor('Sari Penulis', 'penulis', '2026-11-30T07:00:00.000Z');

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
let review: ReturnType<typeof createReviewHandlers>;
let releaseId: string;

beforeEach(() => {
  tmp = makeTempDir('warta-pulled-');
  store = openStore({ dataDir: join(tmp.dir, 'ws') });
  review = createReviewHandlers({ store });
  as(BUDI);
  releaseId = createRelease(store, { title: 'Rapat', body: doc(paragraph('p1', 'Rapat pleno terbuka.')) }).id;
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const annotation = (
  id: string,
  annotationType: string,
  data: Record<string, unknown>,
  by: ChangeActor,
  cursor: number,
) => ({
  type: 'annotation' as const,
  cursor,
  releaseId,
  annotationId: id,
  annotationType,
  version: 1,
  baseRevision: 1,
  data,
  by,
});

// Later than the local move, as HQ's confirmation of it is.
const T1 = '2099-01-01T08:00:00.000Z';
const T2 = '2099-01-01T09:00:00.000Z';

const transitionChange = (
  revision: number,
  from: ReleaseChange['fromStatus'],
  to: ReleaseChange['status'],
  by: ChangeActor,
  hqTime: string,
): ReleaseChange => ({
  type: 'release',
  cursor: 100 + revision,
  releaseId,
  revision,
  officeId: '0190a0b0-0000-7000-8000-0000000000c1',
  deleted: false,
  fields: null,
  status: to,
  publishAt: null,
  event: 'transition',
  fromStatus: from,
  note: null,
  by: { ...by, hqTime },
});

/** The person acting on this workstation. */
const as = (a: ChangeActor) =>
  store.settings.set('identity', { name: a.name, role: a.role, office: a.office, deviceId: a.deviceId });

const audit = async () => (await review.listAudit({ releaseId })).items;

describe('pulled annotations', () => {
  it('a version naming someone else for a comment HQ confirmed is ignored: text, author and audit stay', async () => {
    const threadId = '0190a0b0-0000-7000-8000-0000000000f1';
    applyAnnotation(store.db, annotation(threadId, 'review.thread', threadData('Pleno kapan?'), BUDI, 7));
    const before = { threads: await review.listThreads({ releaseId }), audit: await audit() };
    expect(before.audit).toEqual([expect.objectContaining({ action: 'comment', actor: 'Budi Peninjau' })]);

    applyAnnotation(store.db, {
      ...annotation(threadId, 'review.thread', threadData('Diganti.'), SARI, 9),
      version: 2,
    });
    applyAnnotation(store.db, annotation(threadId, 'review.reply', { threadId, body: 'Diganti.' }, SARI, 10));
    expect(await review.listThreads({ releaseId })).toEqual(before.threads);
    expect(await audit()).toEqual(before.audit);
  });

  it('a pulled review.transition annotation neither confirms nor re-attributes a move', async () => {
    as(SARI);
    const w = await review.getWorkflow({ releaseId });
    await review.transition({ releaseId, to: 'diajukan', baseHash: w.contentHash });
    const { id: transitionId } = store.db.prepare<[], { id: string }>('SELECT id FROM review_transitions').get()!;
    const forged = (by: ChangeActor, cursor: number) =>
      annotation(
        `0190a0b0-0000-7000-8000-00000000010${cursor}`,
        'review.transition',
        { transitionId, revision: 2, from: 'draf', to: 'diajukan' },
        by,
        cursor,
      );
    applyAnnotation(store.db, forged(BUDI, 1));
    expect(await audit()).toEqual([expect.objectContaining({ actor: 'Sari Penulis', role: 'penulis', hqTime: null })]);
    markTransitionAccepted(store.db, transitionId, 2);
    applyTransitionFromHq(store.db, transitionChange(2, 'draf', 'diajukan', SARI, T1));
    const confirmed = await audit();
    applyAnnotation(store.db, forged(BUDI, 2));
    expect(await audit()).toEqual(confirmed);
    expect(await review.getWorkflow({ releaseId })).toMatchObject({ changedBy: 'Sari Penulis' });
  });
});

describe('transitions from HQ’s log', () => {
  it('confirm a move made here, add another person’s, and never re-attribute a confirmed one', async () => {
    as(SARI);
    const w = await review.getWorkflow({ releaseId });
    await review.transition({ releaseId, to: 'diajukan', baseHash: w.contentHash });
    const { id } = store.db.prepare<[], { id: string }>('SELECT id FROM review_transitions').get()!;
    markTransitionAccepted(store.db, id, 2);
    expect((await audit())[0]).toMatchObject({ actor: 'Sari Penulis', hqTime: null });

    applyTransitionFromHq(store.db, transitionChange(2, 'draf', 'diajukan', SARI, T1));
    applyTransitionFromHq(store.db, transitionChange(3, 'diajukan', 'disetujui', BUDI, T2));
    // The same revisions again (a replayed page), each claiming the other person.
    applyTransitionFromHq(store.db, transitionChange(2, 'draf', 'diajukan', BUDI, T1));
    applyTransitionFromHq(store.db, transitionChange(3, 'diajukan', 'disetujui', SARI, T2));
    // Not a transition: no audit record.
    applyTransitionFromHq(store.db, { ...transitionChange(4, 'disetujui', 'disetujui', SARI, T2), event: 'edited' });

    expect((await audit()).map((a) => [a.fromStatus, a.toStatus, a.actor, a.role, a.hqTime])).toEqual([
      ['draf', 'diajukan', 'Sari Penulis', 'penulis', T1],
      ['diajukan', 'disetujui', 'Budi Peninjau', 'peninjau', T2],
    ]);
    expect(await review.getWorkflow({ releaseId })).toMatchObject({
      changedBy: 'Budi Peninjau',
      changedRole: 'peninjau',
    });
  });
});
