import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { enrollPerson } from '../../src/server/admin';
import { openStorage } from '../../src/server/app';
import type { MeResponse, PullResponse, PushResponse } from '../../src/shared/sync/protocol';
import { fields } from '../helpers/docs';
import { spawnHq, startHq } from '../helpers/hq';
import { call, newId } from '../helpers/hq-api';
import { killHard } from '../helpers/spawn';
import { removeTempDirs, tempDir } from '../helpers/tmp';

afterAll(() => removeTempDirs());

/** A batch heavy enough that applying it takes a while: 100 releases with long bodies. */
function heavyBatch(
  deviceId: string,
  firstSeq: number,
): { body: string; ids: string[]; sent: Map<string, ReturnType<typeof fields>> } {
  const ids: string[] = [];
  const sent = new Map<string, ReturnType<typeof fields>>();
  const entries = Array.from({ length: 100 }, (_, i) => {
    const id = newId();
    ids.push(id);
    const paragraphs = Array.from({ length: 40 }, (_, j): [string, string] => [
      `p${j}`,
      `Paragraf ${j} dari rilis ${i}. `.repeat(30),
    ]);
    const f = fields({ title: `Rilis ${i}` }, ...paragraphs);
    sent.set(id, f);
    return { kind: 'release.upsert', releaseId: id, baseRevision: 0, seq: firstSeq + i, fields: f };
  });
  return { body: JSON.stringify({ deviceId, entries }), ids, sent };
}

async function enrollOffline(dataDir: string): Promise<{ deviceId: string; token: string }> {
  const storage = openStorage(dataDir);
  const { code } = await enrollPerson(storage, { office: 'KPU Kabupaten Blora', name: 'Siti', role: 'penulis' });
  storage.close();
  return { deviceId: '', token: code };
}

/**
 * POST a prepared body. With `beforeBody`, the request goes out with `Expect: 100-continue`:
 * HQ answers "100 Continue" once it holds the request, then `beforeBody` runs, then the body
 * follows — so the request is provably in flight at HQ when `beforeBody` acts.
 */
function postRaw(
  url: string,
  token: string,
  body: string,
  hooks: { onSent?: () => void; beforeBody?: () => void },
): Promise<{ status: number; text: string } | { error: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'content-length': Buffer.byteLength(body),
    };
    if (hooks.beforeBody) headers.expect = '100-continue';
    const req = httpRequest(new URL('/api/v1/sync/push', url), { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    if (hooks.beforeBody) {
      req.on('continue', () => {
        hooks.beforeBody!();
        req.end(body, hooks.onSent);
      });
      req.flushHeaders();
    } else {
      req.end(body, hooks.onSent);
    }
  });
}

describe('shutdown never leaves a half-applied batch', () => {
  it('close() during a batch finishes it: every entry stored, the client gets its answer', async () => {
    const dataDir = tempDir();
    const { token: code } = await enrollOffline(dataDir);
    const { server: hq, url } = await startHq(dataDir);
    const enrolled = (await call(url, '/api/v1/enroll', { body: { code, deviceName: 'x' } })).body as {
      deviceId: string;
      token: string;
    };
    const { body, ids, sent } = heavyBatch(enrolled.deviceId, 1);
    let closing: Promise<void> | null = null;
    // Close as soon as the server has the request (headers in, body arriving or being applied).
    hq.app.server.once('request', () => {
      closing = hq.close();
    });
    const res = await postRaw(url, enrolled.token, body, {});
    await closing;
    expect(closing).not.toBeNull();
    expect(res).toMatchObject({ status: 200 });
    const parsed = JSON.parse((res as { text: string }).text) as PushResponse;
    expect(parsed.results.filter((r) => r.status === 'accepted')).toHaveLength(100);
    // New requests are no longer served.
    await expect(fetch(new URL('/api/v1/health', url))).rejects.toThrow();
    const storage = openStorage(dataDir);
    try {
      for (const id of ids) {
        const head = storage.getReleaseHead(id);
        expect(head?.revision).toBe(1);
        expect(head?.fields, `content of ${id}`).toEqual(sent.get(id));
      }
      expect(storage.getDevice(enrolled.deviceId)?.lastSeq).toBe(100);
    } finally {
      storage.close();
    }
  });

  it('SIGKILL of the HQ process mid-batch: after restart the batch is all there or not at all, and a resend completes it once', async () => {
    const dataDir = tempDir();
    const { token: code } = await enrollOffline(dataDir);
    let { child, url } = await spawnHq(dataDir);
    try {
      const enrolled = (await call(url, '/api/v1/enroll', { body: { code, deviceName: 'x' } })).body as {
        deviceId: string;
        token: string;
      };
      const { body, ids } = heavyBatch(enrolled.deviceId, 1);
      const outcome = await postRaw(url, enrolled.token, body, { onSent: () => child.kill('SIGKILL') });
      await killHard(child);
      ({ child, url } = await spawnHq(dataDir));
      const me = (await call(url, '/api/v1/sync/me', { token: enrolled.token })).body as MeResponse;
      expect([1, 101]).toContain(me.nextSeq);
      const storage = openStorage(dataDir);
      const present = ids.filter((id) => storage.getReleaseHead(id) !== null).length;
      storage.close();
      expect(present).toBe(me.nextSeq === 101 ? 100 : 0);
      if ('status' in outcome) expect(outcome.status).toBe(200); // only if HQ finished before dying

      // The client resends the same batch: stored results replay, or it applies now — once.
      const again = await call(url, '/api/v1/sync/push', { token: enrolled.token, raw: body });
      expect(again.status).toBe(200);
      const pulled: PullResponse['changes'] = [];
      let cursor = 0;
      for (;;) {
        const page = (await call(url, `/api/v1/sync/pull?cursor=${cursor}&limit=500`, { token: enrolled.token }))
          .body as PullResponse;
        pulled.push(...page.changes);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect(pulled).toHaveLength(100);
      expect(new Set(pulled.map((c) => c.releaseId))).toEqual(new Set(ids));
    } finally {
      await killHard(child);
    }
  });

  it('SIGTERM of the HQ process mid-batch finishes the batch before exiting', async () => {
    const dataDir = tempDir();
    const { token: code } = await enrollOffline(dataDir);
    const { child, url } = await spawnHq(dataDir);
    try {
      const enrolled = (await call(url, '/api/v1/enroll', { body: { code, deviceName: 'x' } })).body as {
        deviceId: string;
        token: string;
      };
      const { body, ids } = heavyBatch(enrolled.deviceId, 1);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      const outcome = await postRaw(url, enrolled.token, body, { beforeBody: () => child.kill('SIGTERM') });
      expect(await exited).toBe(0);
      const storage = openStorage(dataDir);
      const present = ids.filter((id) => storage.getReleaseHead(id) !== null).length;
      const lastSeq = storage.getDevice(enrolled.deviceId)!.lastSeq;
      storage.close();
      // The request was in flight when the signal came: it completes (200, all stored).
      expect(outcome).toMatchObject({ status: 200 });
      expect(present).toBe(100);
      expect(lastSeq).toBe(100);
    } finally {
      await killHard(child);
    }
  });
});
