import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS } from '../../src/shared/sync/protocol';
import { spawnHq, startHq, type Hq } from '../helpers/hq';
import { call, enrollDevice } from '../helpers/hq-api';
import { removeDir, tempDir, waitFor } from '../helpers/tmp';

const MiB = 1024 * 1024;

const rssOf = (pid: number): number => {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]) * 1024;
};

/** An 8 MB push body that is valid JSON (and expensive to parse: many small objects). */
function bigPushBody(): Buffer {
  const entry = JSON.stringify({ seq: 1, kind: 'release.upsert', fields: { body: { type: 'doc', content: [] } } });
  const parts: string[] = [];
  let size = 0;
  while (size < 8 * 1000 * 1000) {
    parts.push(entry);
    size += entry.length + 1;
  }
  return Buffer.from(`{"deviceId":"x","entries":[${parts.join(',')}]}`);
}

/** POST with node:http; resolves with the status, or null when HQ cut the connection first. */
function post(url: string, path: string, body: Buffer, headers: Record<string, string> = {}): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request(new URL(path, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? null));
    });
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

describe('an unauthenticated push costs HQ no memory', { timeout: 180_000 }, () => {
  let dir = '';
  let hq: Awaited<ReturnType<typeof spawnHq>> | null = null;
  beforeAll(async () => {
    dir = tempDir('warta-hq-edge-');
    hq = await spawnHq(dir);
  });
  afterAll(() => {
    hq?.child.kill('SIGKILL');
    if (dir) removeDir(dir);
  });

  it('16 concurrent 8 MB bodies without a token are refused before parsing: RSS grows < 50 MB', async () => {
    const { child, url } = hq!;
    const pid = child.pid!;
    // Warm up the route once so lazy compilation is not counted.
    await call(url, PATHS.push, { body: { deviceId: 'x', entries: [] } });
    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
    const body = bigPushBody();
    const statuses = await Promise.all(Array.from({ length: 16 }, () => post(url, PATHS.push, body)));
    const health = await call(url, PATHS.health);
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));
    // Each is refused (401) — or cut off mid-upload after the refusal — never parsed.
    for (const s of statuses) expect([401, null]).toContain(s);
    expect(statuses).toContain(401);
    expect(health.status).toBe(200);
    expect(peak - before, `RSS grew by ${Math.round((peak - before) / MiB)} MiB`).toBeLessThan(50 * MiB);
  });
});

describe('HQ edge limits', { timeout: 60_000 }, () => {
  const running: Hq[] = [];
  /** A fresh HQ with short limits per test, so one test's use never spends another's. */
  const limited = async (): Promise<Hq> => {
    const hq = await startHq(undefined, 0, {
      limits: {
        requestTimeoutMs: 1_500,
        headersTimeoutMs: 1_000,
        enroll: { max: 3, windowMs: 60_000 },
        authFailures: { max: 4, windowMs: 60_000 },
        perDevice: { max: 5, windowMs: 60_000 },
      },
    });
    running.push(hq);
    return hq;
  };
  afterAll(async () => {
    for (const hq of running) await hq.close();
  });

  it('a slow body is cut at the request timeout', async () => {
    const hq = await limited();
    const socket = connect(Number(new URL(hq.url).port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString()));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => {});
    socket.write(
      `POST ${PATHS.enroll} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"code":`,
    );
    // One byte now and then: the connection must not stay open past the timeout.
    const drip = setInterval(() => socket.writable && socket.write(' '), 200);
    await waitFor(() => socket.destroyed || received.length > 0, 'HQ to cut the slow body', 10_000);
    clearInterval(drip);
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('enrollment attempts from one address are limited with 429', async () => {
    const hq = await limited();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await call(hq.url, PATHS.enroll, { body: { code: `WRONG-${i}`, deviceName: 'x' } })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Even the right code waits out the window.
    const res = await call(hq.url, PATHS.enroll, { body: { code: await hq.code(), deviceName: 'x' } });
    expect(res).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
  });

  it('each device has its own request limit', async () => {
    const hq = await limited();
    const a = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'A', role: 'penulis' });
    const b = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'B', role: 'penulis' });
    const own: number[] = [];
    for (let i = 0; i < 7; i++) own.push((await call(hq.url, PATHS.me, { token: a.token })).status);
    expect(own).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await call(hq.url, PATHS.me, { token: b.token })).status).toBe(200);
  });

  it('failed tokens from one address are limited with 429, even before a right one', async () => {
    const hq = await limited();
    const dev = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'A', role: 'penulis' });
    const guesses: number[] = [];
    for (let i = 0; i < 6; i++) guesses.push((await call(hq.url, PATHS.me, { token: `guess-${i}` })).status);
    expect(guesses).toEqual([401, 401, 401, 401, 429, 429]);
    // Past the limit even a right token waits: otherwise a correct guess would still show.
    const right = await call(hq.url, PATHS.me, { token: dev.token });
    expect(right).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
  });
});

describe('deep JSON', () => {
  it('a push nested 10,000 deep is a 400 that says so, never a 500 or a parser error', async () => {
    const hq = await startHq();
    try {
      const { token } = await enrollDevice(hq.server, hq.url, {
        office: 'KPU Kabupaten Blora',
        name: 'A',
        role: 'penulis',
      });
      const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
      const objects = '{"constructor":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      for (const raw of [arrays, objects]) {
        const res = await call(hq.url, PATHS.push, { raw, token });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/nested deeper/) });
      }
      // Enrollment's body limit is 4 KiB: nesting that fits in it is refused by depth just the same.
      const small = await call(hq.url, PATHS.enroll, { raw: '['.repeat(1_000) + ']'.repeat(1_000) });
      expect(small).toMatchObject({ status: 400, body: { message: expect.stringMatching(/nested deeper/) } });
    } finally {
      await hq.close();
    }
  });
});

describe('HQ under pressure', () => {
  it('answers 503 with Retry-After instead of stalling', async () => {
    const hq = await startHq(undefined, 0, { limits: { maxHeapUsedBytes: 1 } });
    try {
      const res = await waitFor(
        async () => {
          const r = await fetch(new URL(PATHS.health, hq.url));
          return r.status === 503 ? r : null;
        },
        'a 503 under pressure',
        10_000,
      );
      expect(res.headers.get('retry-after')).toBe('10');
      expect(await res.json()).toMatchObject({ code: 'unavailable' });
    } finally {
      await hq.close();
    }
  });
});
