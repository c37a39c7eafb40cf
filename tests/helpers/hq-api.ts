import { v7 as uuidv7 } from 'uuid';
import { enrollPerson } from '../../src/server/admin';
import type { HqServer } from '../../src/server/app';
import type { EnrollResponse, PushEntry, PushResponse, Role, Scope } from '../../src/shared/sync/protocol';

/** A device enrolled at HQ, talking to the sync API directly, as a workstation does. */
export interface Device {
  deviceId: string;
  token: string;
  person: EnrollResponse['person'];
  nextSeq: number;
}

/** Enroll a person (as the CLI does) and exchange the code over HTTP. */
export async function enrollDevice(
  hq: HqServer,
  url: string,
  o: { office: string; name: string; role: Role; scope?: Scope },
): Promise<Device> {
  const { code } = await enrollPerson(hq.storage, o);
  const res = await fetch(new URL('/api/v1/enroll', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: `${o.name}'s laptop` }),
  });
  if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as EnrollResponse;
  return { ...body, nextSeq: 1 };
}

/** One HTTP request to HQ; the body comes back parsed when it is JSON. */
export async function call(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; raw?: string | Buffer; contentType?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let payload: string | Buffer | undefined;
  if (init.raw !== undefined) {
    payload = init.raw;
    headers['content-type'] = init.contentType ?? 'application/json';
  } else if (init.body !== undefined) {
    payload = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(new URL(path, url), {
    method: init.method ?? (payload === undefined ? 'GET' : 'POST'),
    headers,
    body: payload ?? null,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

export const newId = (): string => uuidv7();

type EntryInput = PushEntry extends infer E ? (E extends PushEntry ? Omit<E, 'seq'> : never) : never;

/** Push entries with the device's next seqs; advances the device's seq on 200. */
export async function push(
  url: string,
  dev: Device,
  entries: EntryInput[],
): Promise<{ status: number; body: PushResponse & { code?: string; expectedSeq?: number } }> {
  const numbered = entries.map((e, i) => ({ ...e, seq: dev.nextSeq + i }));
  const res = await call(url, '/api/v1/sync/push', {
    token: dev.token,
    body: { deviceId: dev.deviceId, entries: numbered },
  });
  if (res.status === 200) dev.nextSeq += entries.length;
  return res as { status: number; body: PushResponse & { code?: string; expectedSeq?: number } };
}

/** The data of a `review.thread` annotation (a comment on `quote` in block `blockId`), as a workstation sends it. */
export function threadData(body: string, quote = 'Rapat', blockId = 'p1'): Record<string, unknown> {
  return {
    anchor: { blockId, from: 0, to: quote.length, quote, original: quote, prefix: '', suffix: '' },
    quote,
    body,
  };
}
