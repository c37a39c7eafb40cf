import { join } from 'node:path';
import type { DocNode } from '../../../src/shared/domain/doc';
import type { ReleaseFields } from '../../../src/shared/domain/release';
import { canonicalJson } from '../../../src/shared/json/canonical';
import type { WireFields } from '../../../src/shared/sync/protocol';
import { createFileSecretStore } from '../../../src/main/services/secrets';
import { createReleaseHandlers } from '../../../src/main/services/releases';
import { silentLogger } from '../../../src/node/log/silent';
import { openStore, type Store } from '../../../src/main/store';
import { createSyncHandlers, type SyncModule, type SyncServiceOptions } from '../../../src/main/sync';
import { seededRandom } from '../../../src/shared/random/seeded';
import { toWire } from '../../../src/main/sync/local-releases';
import type { Hq } from '../../helpers/hq';

type Closable = { close(): Promise<void> | void } | null | undefined;

/**
 * A test file's teardown: closes what it started in the order given (workstations before the
 * proxy and HQ they talk to), then removes the temp root even if a close failed.
 */
export async function closeAll(tmp: { cleanup(): void }, ...things: (Closable | readonly Closable[])[]): Promise<void> {
  try {
    for (const thing of things.flat()) await thing?.close();
  } finally {
    tmp.cleanup();
  }
}

export interface Workstation {
  name: string;
  dataDir: string;
  store: Store;
  sync: SyncModule;
  releases: ReturnType<typeof createReleaseHandlers>;
  close(): Promise<void>;
}

/** One workstation: the store and the sync module composed as the app does, over a real data dir. */
export function openWorkstation(root: string, name: string, extra: Partial<SyncServiceOptions> = {}): Workstation {
  const dataDir = join(root, name);
  const store = openStore({ dataDir, log: silentLogger });
  const secrets = createFileSecretStore(join(dataDir, 'secrets.json'));
  const sync = createSyncHandlers({
    db: store.db,
    dataDir,
    secrets,
    random: seededRandom(1),
    requestTimeoutMs: 10_000,
    ...extra,
  });
  const releases = createReleaseHandlers(store);
  return {
    name,
    dataDir,
    store,
    sync,
    releases,
    close: async () => {
      await sync.close();
      store.close();
    },
  };
}

/** Writes a release through the same handlers the UI calls. */
export async function writeRelease(ws: Workstation, fields: Partial<ReleaseFields>): Promise<string> {
  const created = await ws.releases.createRelease({ fields });
  return created.id;
}

/** Live releases of a workstation: id → canonical JSON of the fields. */
export function workstationContent(ws: Workstation): Map<string, string> {
  const rows = ws.store.db
    .prepare<[], { id: string }>('SELECT id FROM releases WHERE deleted_at IS NULL ORDER BY id')
    .all();
  const out = new Map<string, string>();
  for (const { id } of rows) {
    const r = ws.store.db.prepare<[string], Record<string, unknown>>('SELECT * FROM releases WHERE id = ?').get(id)!;
    const fields: WireFields = toWire({
      title: String(r.title),
      slug: String(r.slug),
      dateline: String(r.dateline),
      date: String(r.date),
      category: r.category as WireFields['category'],
      tags: JSON.parse(String(r.tags)) as string[],
      summary: String(r.summary),
      byline: String(r.byline),
      office: String(r.office),
      leadImage: r.lead_image ? (JSON.parse(String(r.lead_image)) as WireFields['leadImage']) : null,
      body: JSON.parse(String(r.body)) as DocNode,
      number: String(r.number),
      contact: JSON.parse(String(r.contact)) as WireFields['contact'],
    });
    out.set(id, canonicalJson(fields));
  }
  return out;
}

/** Live releases at HQ: id → canonical JSON of the head's fields. */
export function hqContent(hq: Hq): Map<string, string> {
  const ids = (hq.server.storage.dump().releases as { id: string }[]).map((r) => r.id).sort();
  const out = new Map<string, string>();
  for (const id of ids) {
    const head = hq.server.storage.getReleaseHead(id);
    if (head && !head.deleted && head.fields) out.set(id, canonicalJson(head.fields));
  }
  return out;
}

/** HQ's revisions as "id#rev:deleted:fields" strings, for exact-once comparison. */
export function hqRevisions(hq: Hq): string[] {
  const ids = (hq.server.storage.dump().releases as { id: string }[]).map((r) => r.id).sort();
  const out: string[] = [];
  for (const id of ids) {
    for (const rev of hq.server.storage.listRevisions(id)) {
      out.push(`${id}#${rev.revision}:${rev.deleted ? 'x' : canonicalJson(rev.fields)}`);
    }
  }
  return out.sort();
}

/** The HQ revisions a workstation holds (its mirror of HQ history), same format. */
export function workstationRevisions(ws: Workstation): string[] {
  return ws.store.db
    .prepare<[], { release_id: string; hq_rev: number; deleted: number; fields: string | null }>(
      'SELECT release_id, hq_rev, deleted, fields FROM sync_hq_revisions ORDER BY release_id, hq_rev',
    )
    .all()
    .map((r) => `${r.release_id}#${r.hq_rev}:${r.deleted ? 'x' : canonicalJson(JSON.parse(r.fields!) as unknown)}`)
    .sort();
}

export const pendingOutbox = (ws: Workstation): number =>
  ws.store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox').get()!.n;
