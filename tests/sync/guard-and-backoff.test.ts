import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_BACKOFF, backoffDelay, backoffSchedule } from '../../src/shared/retry/backoff';
import { seededRandom } from '../../src/shared/random/seeded';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir, waitFor } from '../helpers/tmp';
import {
  closeAll,
  hqContent,
  openWorkstation,
  workstationContent,
  writeRelease,
  type Workstation,
} from './helpers/world';

describe('mass-delete guard', () => {
  const tmp = makeTempDir('warta-sync-guard-');
  const open: Workstation[] = [];
  let hq: Hq | null = null;
  afterAll(() => closeAll(tmp, open, hq));

  it('stops a pull that would delete most releases and asks; confirming goes ahead', async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    const a = openWorkstation(tmp.dir, 'a');
    const b = openWorkstation(tmp.dir, 'b', { pullLimit: 2 });
    open.push(a, b);
    await a.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code() });
    await b.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code() });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push(await writeRelease(a, { title: `Rilis penjaga ${i}`, body: doc(paragraph(`g${i}`, `Isi ${i}`)) }));
    await a.sync.handlers.syncNow({});
    await b.sync.handlers.syncNow({});
    expect(workstationContent(b).size).toBe(8);

    // Two deletes: under the threshold, applied without asking.
    for (const id of ids.slice(0, 2)) await a.releases.deleteRelease({ id });
    await a.sync.handlers.syncNow({});
    let s = await b.sync.handlers.syncNow({});
    expect(s.needsConfirmation).toBeNull();
    expect(workstationContent(b).size).toBe(6);

    // Five of the remaining six: the sync stops and asks, nothing is deleted.
    for (const id of ids.slice(2, 7)) await a.releases.deleteRelease({ id });
    await a.sync.handlers.syncNow({});
    s = await b.sync.handlers.syncNow({});
    expect(s.needsConfirmation).toEqual({ deletes: 5, total: 6 });
    expect(workstationContent(b).size).toBe(6);
    // Asking again without confirming still does not delete.
    s = await b.sync.handlers.syncNow({});
    expect(s.needsConfirmation).toEqual({ deletes: 5, total: 6 });
    expect(workstationContent(b).size).toBe(6);
    const log = await b.sync.handlers.listSyncLog({ limit: 20 });
    expect(log.items.some((e) => e.message.includes('Menunggu konfirmasi'))).toBe(true);

    s = await b.sync.handlers.syncNow({ confirmMassDelete: true });
    expect(s.needsConfirmation).toBeNull();
    expect([...workstationContent(b).keys()]).toEqual([ids[7]]);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, reproducibly from a seed', () => {
    const one = backoffSchedule(12, seededRandom(2024));
    const two = backoffSchedule(12, seededRandom(2024));
    expect(one).toEqual(two);
    expect(backoffSchedule(12, seededRandom(2025))).not.toEqual(one);
    one.forEach((delay, i) => {
      const cap = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** i);
      expect(delay).toBeGreaterThanOrEqual(cap / 2);
      expect(delay).toBeLessThanOrEqual(cap);
    });
    // Caps: 5 s, 10 s, 20 s … never beyond 10 minutes.
    expect(Math.max(...one)).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
    expect(one[11]).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.maxMs / 2);
  });

  const tmp = makeTempDir('warta-sync-backoff-');
  const open: Workstation[] = [];
  let hq: Hq | null = null;
  afterAll(() => closeAll(tmp, open, hq));

  it('the sync client schedules its retries on that schedule, and a success resets it', async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    const port = Number(new URL(hq.url).port);
    const NOW = Date.parse('2026-01-05T03:00:00Z');
    const w = openWorkstation(tmp.dir, 'a', { random: seededRandom(77), now: () => NOW, intervalMs: 300_000 });
    open.push(w);
    await w.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code() });
    await writeRelease(w, { title: 'Menunggu server pusat' });
    await hq.close();
    hq = null;

    const expected = seededRandom(77);
    for (let failures = 1; failures <= 6; failures++) {
      const s = await w.sync.handlers.syncNow({});
      expect(s.online).toBe(false);
      expect(s.lastError).toMatch(/tidak dapat dihubungi/);
      expect(s.pending).toBe(1);
      expect(Date.parse(s.nextAttemptAt!) - NOW).toBe(backoffDelay(failures, expected));
    }
    const log = await w.sync.handlers.listSyncLog({ limit: 10 });
    expect(log.items.filter((e) => e.level === 'error')).toHaveLength(6);

    hq = await startHq(join(tmp.dir, 'hq'), port);
    const s = await w.sync.handlers.syncNow({});
    expect(s.lastError).toBeNull();
    expect(s.online).toBe(true);
    expect(s.pending).toBe(0);
    expect(Date.parse(s.nextAttemptAt!) - NOW).toBe(300_000);
    expect(w.sync.service.failureCount).toBe(0);
  });

  it('syncs on its own when HQ becomes reachable again, without waiting out the backoff', async () => {
    hq ??= await startHq(join(tmp.dir, 'hq'));
    const port = Number(new URL(hq.url).port);
    const w = openWorkstation(tmp.dir, 'auto', {
      autoStart: true,
      probeMs: 100,
      // A backoff far longer than the test: only the reachability probe can explain a sync.
      backoff: { baseMs: 3_600_000, maxMs: 3_600_000, factor: 2 },
    });
    open.push(w);
    await w.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code() });
    // Connecting starts a sync by itself.
    await waitFor(async () => (await w.sync.handlers.getSyncStatus({})).lastSyncAt, 'first automatic sync');
    await hq.close();
    hq = null;
    await writeRelease(w, { title: 'Ditulis saat luring' });
    const failed = await w.sync.handlers.syncNow({});
    expect(failed.online).toBe(false);
    expect(failed.pending).toBe(1);

    hq = await startHq(join(tmp.dir, 'hq'), port);
    const done = await waitFor(
      async () => {
        const s = await w.sync.handlers.getSyncStatus({});
        return !s.running && s.pending === 0 && s.online ? s : null;
      },
      'automatic sync after HQ came back',
      60_000,
    );
    expect(done.lastError).toBeNull();
    expect([...hqContent(hq).values()].some((f) => JSON.parse(f).title === 'Ditulis saat luring')).toBe(true);
  });
});
