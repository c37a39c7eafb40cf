/**
 * Seeded randomized rounds at the HTTP level: three devices of one office edit five releases,
 * push batches that are replayed, overlapped, sent with gaps and out of order, and pull with
 * random page sizes from stale cursors. Afterwards HQ's history must be exact: every device
 * seq applied once, revisions contiguous, every revision in the change log once, every
 * device's pulled copy equal to HQ's head, and no accepted edit lost.
 * WARTA_HQ_ROUNDS raises the round count (default 200).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HqServer } from '../../src/server/app';
import type { EntryResult, PullResponse, PushEntry, WireFields } from '../../src/shared/sync/protocol';
import { seededRandom as rng } from '../../src/shared/random/seeded';
import { fields } from '../helpers/docs';
import { startHq } from '../helpers/hq';
import { call, enrollDevice, newId, type Device } from '../helpers/hq-api';
import { removeDir } from '../helpers/tmp';

const ROUNDS = Number(process.env.WARTA_HQ_ROUNDS ?? 200);
const SEED = Number(process.env.WARTA_HQ_SEED ?? 20251204);

interface Sim {
  dev: Device;
  name: string;
  /** Every entry this device ever queued, by seq (seq = index + 1). */
  log: PushEntry[];
  /** Results HQ gave, by seq (first answer; replays must match it). */
  results: Map<number, EntryResult>;
  acked: number;
  cursor: number;
  /** The device's copy of each release: revision and fields as last pulled. */
  copies: Map<string, { revision: number; fields: WireFields | null }>;
}

let hq: HqServer;
let url: string;
let dataDir: string;

beforeAll(async () => {
  ({ server: hq, url, dataDir } = await startHq());
});
afterAll(async () => {
  await hq?.close();
  removeDir(dataDir);
});

describe(`HQ under replays, gaps and stale pulls (${ROUNDS} seeded rounds, seed ${SEED})`, () => {
  it('keeps an exact history', async () => {
    const r = rng(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const sims: Sim[] = [];
    for (const name of ['A', 'B', 'C']) {
      sims.push({
        dev: await enrollDevice(hq, url, { office: 'KPU Kabupaten Blora', name, role: 'penulis' }),
        name,
        log: [],
        results: new Map(),
        acked: 0,
        cursor: 0,
        copies: new Map(),
      });
    }
    const releaseIds = Array.from({ length: 5 }, () => newId());
    const blockIds = ['a', 'b', 'c', 'd'];
    const stats = { gaps: 0, replays: 0 };
    const expectedTexts: { seq: number; sim: Sim; releaseId: string; block: string; text: string }[] = [];

    const queueEdit = (sim: Sim): void => {
      const releaseId = pick(releaseIds);
      const copy = sim.copies.get(releaseId);
      const seq = sim.log.length + 1;
      if (r() < 0.08 && copy?.fields) {
        sim.log.push({ seq, kind: 'release.delete', releaseId, baseRevision: copy.revision });
        return;
      }
      const base = copy?.fields ?? fields({}, ...blockIds.map((b): [string, string] => [b, `${b}0`]));
      const block = pick(blockIds);
      const text = `${sim.name}${seq}`;
      const body = {
        ...base.body,
        content: (base.body.content ?? []).map((n) =>
          n.attrs?.id === block ? { ...n, content: [{ type: 'text', text }] } : n,
        ),
      };
      sim.log.push({
        seq,
        kind: 'release.upsert',
        releaseId,
        baseRevision: copy?.revision ?? 0,
        fields: { ...base, body },
      });
      expectedTexts.push({ seq, sim, releaseId, block, text });
      // The device edits on top of its own edit (as a real workstation would).
      sim.copies.set(releaseId, { revision: copy?.revision ?? 0, fields: { ...base, body } });
    };

    const sendBatch = async (sim: Sim, from: number, count: number): Promise<void> => {
      const entries = sim.log.slice(from - 1, from - 1 + count);
      if (entries.length === 0) return;
      const res = await call(url, '/api/v1/sync/push', {
        token: sim.dev.token,
        body: { deviceId: sim.dev.deviceId, entries },
      });
      if (from > sim.acked + 1) {
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'seq_gap', expectedSeq: sim.acked + 1 });
        stats.gaps++;
        return;
      }
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = res.body as { results: (EntryResult & { replayed?: boolean })[]; nextSeq: number };
      for (const result of body.results) {
        const { replayed, ...plain } = result;
        const first = sim.results.get(result.seq);
        if (first) {
          expect(replayed).toBe(true);
          expect(plain).toEqual(first);
          stats.replays++;
        } else {
          expect(replayed).toBeUndefined();
          sim.results.set(result.seq, plain);
          // A conflict: the device keeps its text and resolves on top of HQ's head.
          if (plain.status === 'conflict' && plain.head) {
            const mine = sim.log[plain.seq - 1]!;
            if (mine.kind === 'release.upsert' || mine.kind === 'release.resolve') {
              sim.copies.set(plain.releaseId, { revision: plain.headRevision, fields: mine.fields });
              sim.log.push({
                seq: sim.log.length + 1,
                kind: 'release.resolve',
                releaseId: plain.releaseId,
                baseRevision: plain.headRevision,
                fields: mine.fields,
              });
            }
          }
        }
      }
      sim.acked = Math.max(sim.acked, body.nextSeq - 1);
    };

    const pull = async (sim: Sim, fromCursor: number, limit: number): Promise<void> => {
      let cursor = fromCursor;
      for (;;) {
        const res = await call(url, `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token: sim.dev.token });
        expect(res.status).toBe(200);
        const page = res.body as PullResponse;
        for (const c of page.changes) {
          if (c.type !== 'release') continue;
          const copy = sim.copies.get(c.releaseId);
          // Newer revisions replace the copy unless the device has unsent edits on it.
          const unsent = sim.log.slice(sim.acked).some((e) => e.releaseId === c.releaseId);
          if ((!copy || c.revision > copy.revision) && !unsent)
            sim.copies.set(c.releaseId, { revision: c.revision, fields: c.fields });
          else if (copy && c.revision > copy.revision)
            sim.copies.set(c.releaseId, { revision: c.revision, fields: copy.fields });
        }
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      sim.cursor = Math.max(sim.cursor, cursor);
    };

    for (let round = 0; round < ROUNDS; round++) {
      const sim = pick(sims);
      const op = r();
      if (op < 0.4) queueEdit(sim);
      else if (op < 0.75) {
        // Resend from somewhere around the acknowledged point: replays, overlaps and gaps.
        const from = Math.max(1, sim.acked + 1 + Math.floor(r() * 5) - 3);
        await sendBatch(sim, from, 1 + Math.floor(r() * 6));
      } else {
        // Pull from the stored cursor, or (a crash lost it) from a little earlier.
        await pull(
          sim,
          r() < 0.3 ? Math.max(0, sim.cursor - Math.floor(r() * 10)) : sim.cursor,
          1 + Math.floor(r() * 7),
        );
      }
    }

    // Flush: every device sends everything in order (resolving any new conflicts), then pulls.
    for (let pass = 0; pass < 6; pass++) {
      for (const sim of sims) while (sim.acked < sim.log.length) await sendBatch(sim, sim.acked + 1, 50);
      for (const sim of sims) await pull(sim, sim.cursor, 50);
    }
    for (const sim of sims) expect(sim.acked, sim.name).toBe(sim.log.length);

    // 1. Every seq of every device applied exactly once.
    const dump = hq.storage.dump() as {
      push_results: { device_id: string; seq: number }[];
      changes: { release_id: string; revision: number | null; type: string }[];
      revisions: { release_id: string; revision: number }[];
    };
    for (const sim of sims) {
      const seqs = dump.push_results.filter((p) => p.device_id === sim.dev.deviceId).map((p) => p.seq);
      expect(seqs).toEqual(Array.from({ length: sim.log.length }, (_, i) => i + 1));
    }
    // 2. Revisions contiguous per release; each in the change log exactly once.
    for (const id of releaseIds) {
      const revs = dump.revisions.filter((x) => x.release_id === id).map((x) => x.revision);
      expect(revs).toEqual(Array.from({ length: revs.length }, (_, i) => i + 1));
      const logged = dump.changes.filter((c) => c.type === 'release' && c.release_id === id).map((c) => c.revision);
      expect(logged).toEqual(revs);
    }
    // 3. Every device's copy equals HQ's head.
    for (const sim of sims) {
      for (const id of releaseIds) {
        const head = hq.storage.getReleaseHead(id);
        if (!head) continue;
        expect(sim.copies.get(id), `${sim.name} ${id}`).toEqual({ revision: head.revision, fields: head.fields });
      }
    }
    // 4. No accepted or merged edit lost: the revision it produced holds its text.
    let checked = 0;
    for (const e of expectedTexts) {
      const res = e.sim.results.get(e.seq)!;
      if (res.status !== 'accepted' && res.status !== 'merged') continue;
      const rev = hq.storage.getRevision(e.releaseId, res.revision);
      // An accepted edit always produced a live revision: one missing at HQ is a lost edit.
      expect(rev, `revision ${res.revision} of seq ${e.seq} of ${e.sim.name}`).toBeTruthy();
      expect(rev?.fields, `fields of seq ${e.seq} of ${e.sim.name}`).toBeTruthy();
      const block = rev?.fields?.body.content?.find((n) => n.attrs?.id === e.block);
      expect(block?.content?.[0]?.text, `seq ${e.seq} of ${e.sim.name}`).toBe(e.text);
      checked++;
    }
    // The rounds really exercised every path.
    const statuses = sims.flatMap((s) => [...s.results.values()].map((x) => x.status));
    for (const status of ['accepted', 'merged', 'conflict'] as const) expect(statuses, status).toContain(status);
    expect(stats.gaps).toBeGreaterThan(0);
    expect(stats.replays).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(0);
  });
});
