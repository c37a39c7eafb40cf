import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyAnnotation, applyTransitionFromHq, reviewPushExtension } from '../../src/main/review';
import { createReviewHandlers } from '../../src/main/review/handlers';
import { ReviewSync } from '../../src/main/review/runner';
import { seededRandom } from '../../src/shared/random/seeded';
import { enrollPerson } from '../../src/server/admin';
import { startFaultProxy, type FaultProxy } from '../sync/helpers/fault-proxy';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { openWorkstation, type Workstation } from '../sync/helpers/world';

/**
 * Review traffic through a link that drops, cuts, duplicates, replays, delays and fails
 * requests (seeded): comments, replies, resolutions and transitions from two workstations.
 * Afterwards every review record exists exactly once at HQ and on both workstations, no
 * transition was refused by mistake (a lost answer must not turn into "stale"), and the
 * status is the same everywhere.
 */

const SEED = Number(process.env.WARTA_REVIEW_FAULT_SEED ?? 4242);
const ROUNDS = Number(process.env.WARTA_REVIEW_FAULT_ROUNDS ?? 20);

interface Desk {
  ws: Workstation;
  review: ReturnType<typeof createReviewHandlers>;
  sync: ReviewSync;
}

let tmp: ReturnType<typeof makeTempDir>;
let hq: Hq;
let proxy: FaultProxy;
let writer: Desk;
let reviewer: Desk;

async function desk(name: string, code: string): Promise<Desk> {
  const ws = openWorkstation(tmp.dir, name, {
    onAnnotation: applyAnnotation,
    onReleaseChange: applyTransitionFromHq,
    extensions: [reviewPushExtension],
    requestTimeoutMs: 5_000,
  });
  // Enrollment goes straight to HQ; everything after through the faulty proxy.
  await ws.sync.handlers.connectToHq({ serverUrl: hq.url, code });
  ws.store.settings.set('hqUrl', proxy.url);
  return {
    ws,
    review: createReviewHandlers({ store: ws.store }),
    sync: new ReviewSync({ db: ws.store.db, sync: ws.sync.service }),
  };
}

const waitingReview = (d: Desk) =>
  d.ws.store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM review_outbox').get()!.n;

/** Syncs both sides on a clean link until nothing waits. */
async function settle(): Promise<void> {
  proxy.setRate(0);
  for (let i = 0; i < 8; i++) {
    await writer.sync.run();
    await reviewer.sync.run();
    if (waitingReview(writer) === 0 && waitingReview(reviewer) === 0) break;
  }
  await writer.sync.run();
}

beforeAll(async () => {
  tmp = makeTempDir('warta-sync-review-faults-');
  hq = await startHq(join(tmp.dir, 'hq'));
  proxy = await startFaultProxy({ target: hq.url, seed: SEED, rate: 0 });
  writer = await desk(
    'penulis',
    (await enrollPerson(hq.server.storage, { office: 'KPU Kabupaten Blora', name: 'Sari', role: 'penulis' })).code,
  );
  reviewer = await desk(
    'peninjau',
    (await enrollPerson(hq.server.storage, { office: 'KPU Kabupaten Blora', name: 'Budi', role: 'peninjau' })).code,
  );
}, 120_000);

afterAll(async () => {
  for (const d of [writer, reviewer]) {
    await d?.sync.close();
    await d?.ws.close();
  }
  await proxy?.close();
  await hq?.close();
  tmp?.cleanup();
});

describe('review sync through a faulty link', () => {
  it(`${ROUNDS} seeded rounds: every comment, reply, resolution and transition arrives exactly once`, async () => {
    console.log(`review fault rounds: seed ${SEED} (WARTA_REVIEW_FAULT_SEED to replay)`);
    const random = seededRandom(SEED);
    const { id } = await writer.ws.releases.createRelease({
      fields: {
        title: 'Uji jaringan',
        body: doc(paragraph('p1', 'Rapat pleno terbuka digelar di aula KPU Kabupaten Blora.')),
        office: 'KPU Kabupaten Blora',
      },
    });
    await settle();
    proxy.setRate(0.5);
    for (let round = 0; round < ROUNDS; round++) {
      // The reviewer comments; the writer answers and resolves; the status goes back and forth.
      await reviewer.sync.run().catch(() => null);
      const start = Math.floor(random() * 20);
      if (reviewer.ws.store.db.prepare('SELECT 1 FROM releases WHERE id = ?').get(id)) {
        const thread = await reviewer.review.addComment({
          releaseId: id,
          blockId: 'p1',
          from: start,
          to: start + 10,
          body: `Komentar ${round}`,
        });
        await reviewer.sync.run().catch(() => null);
        await writer.sync.run().catch(() => null);
        if (writer.ws.store.db.prepare('SELECT 1 FROM review_threads WHERE id = ?').get(thread.id)) {
          await writer.review.replyToComment({ threadId: thread.id, body: `Balasan ${round}` });
          await writer.review.resolveThread({ threadId: thread.id });
        }
      }
      const view = await writer.review.getWorkflow({ releaseId: id });
      const to = view.status === 'draf' ? 'diajukan' : view.status === 'diajukan' ? 'draf' : null;
      if (to) await writer.review.transition({ releaseId: id, to, baseHash: view.contentHash });
      await writer.sync.run().catch(() => null);
    }
    await settle();

    const counts = proxy.counts;
    console.log('faults', JSON.stringify(counts));
    expect(Object.entries(counts).filter(([k, v]) => k !== 'pass' && v > 0).length).toBeGreaterThan(2);

    // Every review record exactly once at HQ, and the same records on both workstations.
    const annotations = hq.server.storage.dump().annotations as { id: string; version: number; type: string }[];
    const ids = annotations.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const local = (d: Desk) =>
      [
        ...d.ws.store.db.prepare<[], { id: string }>('SELECT id FROM review_threads').all(),
        ...d.ws.store.db.prepare<[], { id: string }>('SELECT id FROM review_replies').all(),
        ...d.ws.store.db.prepare<[], { id: string }>('SELECT id FROM review_thread_events').all(),
      ]
        .map((r) => r.id)
        .sort();
    const atHq = annotations
      .filter((a) => a.type !== 'review.transition')
      .map((a) => a.id)
      .sort();
    expect(local(writer)).toEqual(atHq);
    expect(local(reviewer)).toEqual(atHq);
    expect(atHq.length).toBeGreaterThan(ROUNDS);

    // No transition refused by mistake; HQ made exactly one revision per accepted transition.
    const states = writer.ws.store.db
      .prepare<[], { state: string; reason: string | null }>('SELECT state, reason FROM review_transitions')
      .all();
    expect(states.filter((s) => s.state !== 'accepted')).toEqual([]);
    const hqTransitions = hq.server.storage.listRevisions(id).filter((r) => r.event === 'transition');
    expect(hqTransitions).toHaveLength(states.length);
    const head = hq.server.storage.getReleaseHead(id)!;
    for (const d of [writer, reviewer]) {
      expect((await d.review.getWorkflow({ releaseId: id })).status).toBe(head.status);
      const audit = (await d.review.listAudit({ releaseId: id })).items.filter((a) => a.action === 'transition');
      expect(audit).toHaveLength(states.length);
    }
  }, 240_000);
});
