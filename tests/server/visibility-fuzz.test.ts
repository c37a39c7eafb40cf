import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollPerson } from '../../src/server/admin';
import { createHqServer, type HqServer } from '../../src/server/app';
import { STATUSES, type Role } from '../../src/shared/domain';
import { seededRandom } from '../../src/shared/random/seeded';
import type { EnrollResponse, PushEntry, PushResponse } from '../../src/shared/sync/protocol';
import { MAX_PUSH_ENTRIES } from '../../src/shared/sync/protocol';
import { contentHash, isPublicAt, ruleFor } from '../../src/shared/workflow';
import { fields } from '../helpers/docs';
import { newId } from '../helpers/hq-api';
import { removeDir, tempDir } from '../helpers/tmp';

// Whatever the pushes — edits, transitions by the right (and wrong) roles, deletes, restores,
// embargo times around an injected clock — a release is on the public site exactly when the
// one visibility rule says so of HQ's head. Real HQ in-process (Fastify inject), real SQLite.
const SEED = Number(process.env.WARTA_VIS_SEED ?? 20261203);
const RELEASES = 500;
const ROUNDS = 10;
const HOUR = 3600_000;

type EntryInput = PushEntry extends infer E ? (E extends PushEntry ? Omit<E, 'seq'> : never) : never;

let clock = Date.parse('2027-03-01T08:00:00.000Z');
const now = (): Date => new Date(clock);
const dataDir = tempDir();
let hq: HqServer;

interface Dev {
  deviceId: string;
  token: string;
  role: Role;
  nextSeq: number;
}
const devs: Dev[] = [];

async function enroll(name: string, role: Role): Promise<Dev> {
  const { code } = await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name, role });
  const res = await hq.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code, deviceName: name } });
  expect(res.statusCode).toBe(201);
  const body = res.json<EnrollResponse>();
  return { deviceId: body.deviceId, token: body.token, role, nextSeq: 1 };
}

async function push(dev: Dev, entries: EntryInput[]): Promise<PushResponse> {
  const numbered = entries.map((e, i) => ({ ...e, seq: dev.nextSeq + i }));
  const res = await hq.app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: { authorization: `Bearer ${dev.token}` },
    payload: { deviceId: dev.deviceId, entries: numbered },
  });
  expect(res.statusCode, res.body).toBe(200);
  dev.nextSeq += entries.length;
  return res.json<PushResponse>();
}

/** Ids of everything the public API lists right now (a release's title ends with its id's last 8 digits). */
async function listed(bySuffix: Map<string, string>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await hq.app.inject({ method: 'GET', url: `/api/v1/releases?perPage=100&page=${page}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: { headlines: { value: string }[] }[]; next: string | null }>();
    for (const item of body.items) {
      const title = item.headlines[0]!.value;
      ids.add(bySuffix.get(/Rilis ([0-9a-f]{8})/.exec(title)?.[1] ?? '') ?? title);
    }
    if (!body.next) return ids;
  }
}

beforeAll(async () => {
  hq = await createHqServer({ dataDir, publicSite: true, now });
  devs.push(await enroll('Penulis', 'penulis'), await enroll('Peninjau', 'peninjau'), await enroll('Admin', 'admin'));
});

afterAll(async () => {
  await hq?.close();
  removeDir(dataDir);
});

describe('public visibility under random push sequences', () => {
  it(`matches the rule on HQ's head for ${RELEASES} releases (seed ${SEED})`, async () => {
    const rnd = seededRandom(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const ids = Array.from({ length: RELEASES }, () => newId());
    const bySuffix = new Map(ids.map((id) => [id.slice(-8), id]));
    expect(bySuffix.size).toBe(RELEASES);
    const lastFields = new Map<string, ReturnType<typeof fields>>();
    const deviceFor = (roles: readonly Role[]): Dev => {
      // Mostly someone allowed, sometimes anyone (a forged push).
      const allowed = devs.filter((d) => roles.includes(d.role));
      return rnd() < 0.85 && allowed.length ? pick(allowed) : pick(devs);
    };

    for (let round = 0; round < ROUNDS; round++) {
      const batches = new Map<Dev, EntryInput[]>();
      const add = (dev: Dev, e: EntryInput) => batches.set(dev, [...(batches.get(dev) ?? []), e]);
      for (const id of ids) {
        const head = hq.storage.getReleaseHead(id);
        if (!head) {
          const f = fields({ title: `Rilis ${id.slice(-8)}`, slug: '' });
          lastFields.set(id, f);
          add(pick(devs), { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: f });
          continue;
        }
        const r = rnd();
        if (head.deleted) {
          if (r < 0.6)
            add(pick(devs), {
              kind: 'release.upsert',
              releaseId: id,
              baseRevision: head.revision,
              fields: lastFields.get(id)!,
            });
          continue;
        }
        if (r < 0.2) {
          // An edit: a new text, or the same one again.
          const f = rnd() < 0.5 ? fields({ ...head.fields!, title: `${head.fields!.title}.` }) : head.fields!;
          lastFields.set(id, f);
          add(pick(devs), { kind: 'release.upsert', releaseId: id, baseRevision: head.revision, fields: f });
        } else if (r < 0.35) {
          add(pick(devs), { kind: 'release.delete', releaseId: id, baseRevision: head.revision });
        } else {
          const to =
            rnd() < 0.7 ? (pick(STATUSES.filter((s) => ruleFor(head.status, s))) ?? pick(STATUSES)) : pick(STATUSES);
          const rule = ruleFor(head.status, to);
          const schedule = rnd();
          const publishAt =
            to === 'terbit' && schedule < 0.5
              ? new Date(clock + Math.round((rnd() * 6 - 1.5) * HOUR)).toISOString()
              : undefined;
          add(deviceFor(rule?.roles ?? ['admin']), {
            kind: 'workflow.transition',
            releaseId: id,
            baseRevision: head.revision,
            to,
            contentHash: contentHash(head.fields!),
            note: to === 'dikoreksi' || to === 'ditarik' ? 'Catatan' : null,
            ...(publishAt ? { publishAt } : {}),
          });
        }
      }
      for (const dev of [...batches.keys()].sort(() => rnd() - 0.5)) {
        const entries = batches.get(dev)!;
        for (let i = 0; i < entries.length; i += MAX_PUSH_ENTRIES)
          await push(dev, entries.slice(i, i + MAX_PUSH_ENTRIES));
      }
      clock += Math.round(rnd() * 2 * HOUR);

      const at = now().toISOString();
      const shown = await listed(bySuffix);
      const wrong = ids.filter((id) => {
        const head = hq.storage.getReleaseHead(id);
        return head !== null && isPublicAt(head, at) !== shown.has(id);
      });
      expect(wrong.map((id) => ({ round, id, head: hq.storage.getReleaseHead(id), listed: shown.has(id) }))).toEqual(
        [],
      );
    }

    // Every single page and API item agrees too, not only the list.
    const at = now().toISOString();
    let publicCount = 0;
    for (const id of ids) {
      const head = hq.storage.getReleaseHead(id)!;
      const item = await hq.app.inject({ method: 'GET', url: `/api/v1/releases/${id}` });
      const expected = isPublicAt(head, at);
      if (expected) publicCount++;
      expect({ id, status: item.statusCode === 200 }).toEqual({ id, status: expected });
    }
    // The run exercised both outcomes.
    expect(publicCount).toBeGreaterThan(10);
    expect(publicCount).toBeLessThan(RELEASES);
  });
});
