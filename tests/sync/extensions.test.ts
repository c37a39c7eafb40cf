import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../src/main/store';
import type { PushExtension } from '../../src/main/sync';
import { seededRandom } from '../../src/shared/random/seeded';
import type { AnnotationChange } from '../../src/shared/sync/protocol';
import { startFaultProxy, type FaultProxy } from './helpers/fault-proxy';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { threadData } from '../helpers/hq-api';
import { makeTempDir } from '../helpers/tmp';
import {
  closeAll,
  hqContent,
  openWorkstation,
  workstationContent,
  writeRelease,
  type Workstation,
} from './helpers/world';

/**
 * A feature outside the sync client (here: a small note list standing in for review
 * comments) hands its own entries to the push queue. Through a faulty link, every note
 * reaches HQ exactly once (a second put would make version 2) and arrives on the other side.
 */

const NOTES = `CREATE TABLE IF NOT EXISTS test_notes (id TEXT PRIMARY KEY, release_id TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'new', answer TEXT)`;

function notesExtension(): PushExtension {
  return {
    owner: 'test-notes',
    collect(db: Db) {
      const rows = db
        .prepare<[], { id: string; release_id: string; body: string; hq_rev: number }>(
          `SELECT n.id, n.release_id, n.body, b.hq_rev FROM test_notes n JOIN sync_base b ON b.release_id = n.release_id
           WHERE n.state = 'new' AND b.hq_rev > 0`,
        )
        .all();
      for (const r of rows) db.prepare("UPDATE test_notes SET state = 'queued' WHERE id = ?").run(r.id);
      return rows.map((r) => ({
        releaseId: r.release_id,
        ref: r.id,
        entry: {
          kind: 'annotation.put' as const,
          releaseId: r.release_id,
          annotationId: r.id,
          annotationType: 'review.thread',
          baseRevision: r.hq_rev,
          data: threadData(r.body),
        },
      }));
    },
    onResult(db, ref, _entry, result) {
      db.prepare("UPDATE test_notes SET state = 'done', answer = ? WHERE id = ?").run(result.status, ref);
    },
    onRefused(db, ref, _entry, message) {
      db.prepare("UPDATE test_notes SET state = 'refused', answer = ? WHERE id = ?").run(message, ref);
    },
  };
}

const received = new Map<string, string[]>();
const onAnnotation = (who: string) => (_db: Db, change: AnnotationChange) => {
  received.set(who, [...(received.get(who) ?? []), `${change.annotationId}@${change.version}`]);
};

describe('push extensions share the seq-numbered queue', () => {
  const tmp = makeTempDir('warta-sync-ext-');
  let hq: Hq;
  let proxy: FaultProxy;
  const open: Workstation[] = [];
  afterAll(() => closeAll(tmp, open, proxy, hq));

  it('sends every note exactly once through a faulty link, interleaved with release edits', async () => {
    const seed = Number(process.env.WARTA_FAULT_SEED ?? 4242);
    hq = await startHq(join(tmp.dir, 'hq'));
    proxy = await startFaultProxy({ target: hq.url, seed, rate: 0 });
    const a = openWorkstation(tmp.dir, 'a', {
      extensions: [notesExtension()],
      onAnnotation: onAnnotation('a'),
      batchSize: 3,
    });
    const b = openWorkstation(tmp.dir, 'b', { onAnnotation: onAnnotation('b'), pullLimit: 4 });
    open.push(a, b);
    a.store.db.exec(NOTES);
    await a.sync.handlers.connectToHq({ serverUrl: proxy.url, code: await hq.code() });
    await b.sync.handlers.connectToHq({ serverUrl: proxy.url, code: await hq.code() });
    proxy.setRate(0.35);

    const random = seededRandom(seed);
    const ids: string[] = [];
    const notes: string[] = [];
    for (let round = 0; round < 30; round++) {
      if (ids.length < 4 || random() < 0.3)
        ids.push(await writeRelease(a, { title: `Rilis catatan ${round}`, body: doc(paragraph(`x${round}`, 'Isi.')) }));
      else {
        const id = ids[Math.floor(random() * ids.length)]!;
        await a.releases.saveRelease({ id, fields: { summary: `Ringkasan ${round}` } });
      }
      for (let i = 0; i < 2; i++) {
        const id = uuidv7();
        notes.push(id);
        a.store.db
          .prepare('INSERT INTO test_notes (id, release_id, body) VALUES (?, ?, ?)')
          .run(id, ids[Math.floor(random() * ids.length)]!, `Catatan ${round}.${i}`);
      }
      await a.sync.handlers.syncNow({});
      if (random() < 0.5) await b.sync.handlers.syncNow({});
    }
    proxy.setRate(0);
    for (let i = 0; i < 4; i++) {
      await a.sync.handlers.syncNow({});
      await b.sync.handlers.syncNow({});
    }

    const states = a.store.db
      .prepare<[], { state: string; answer: string | null }>('SELECT state, answer FROM test_notes')
      .all();
    expect(states.every((s) => s.state === 'done' && s.answer === 'accepted')).toBe(true);
    const stored = hq.server.storage.dump().annotations as { id: string; version: number }[];
    expect(stored.map((r) => r.id).sort()).toEqual([...notes].sort());
    expect(stored.every((r) => r.version === 1)).toBe(true);
    expect(new Set(received.get('b'))).toEqual(new Set(notes.map((n) => `${n}@1`)));
    expect(workstationContent(a)).toEqual(hqContent(hq));
    expect(workstationContent(b)).toEqual(hqContent(hq));
  });
});
