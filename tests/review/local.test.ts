import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../src/shared/contract';
import { dispatch } from '../../src/shared/contract/dispatch';
import type { DocNode } from '../../src/shared/domain/doc';
import { openStore, type Store } from '../../src/main/store';
import { commitRelease, createRelease } from '../../src/main/store/releases';
import { createReviewHandlers } from '../../src/main/review/handlers';
import { readReviewOutbox } from '../../src/main/review/tables/outbox';

/** Local review services on a real SQLite file in a temp dir, called through the contract's dispatch. */

const body = (...paras: [string, string][]): DocNode => ({
  type: 'doc',
  content: paras.map(([id, text]) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] })),
});
const BODY = body(
  ['p1', 'Rapat pleno terbuka digelar di aula KPU Kabupaten Blora.'],
  ['p2', 'Ketua KPU menyampaikan bahwa rekapitulasi berjalan lancar.'],
);

let dir: string;
let store: Store;
let call: <K extends keyof Handlers>(name: K, input: unknown) => Promise<unknown>;

function as(role: 'penulis' | 'peninjau' | 'admin', name: string): void {
  store.settings.set('identity', {
    name,
    role,
    office: 'KPU Kabupaten Blora',
    deviceId: '0190a0b0-0000-7000-8000-000000000001',
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warta-review-'));
  store = openStore({ dataDir: dir });
  const handlers = createReviewHandlers({ store }) as unknown as Handlers;
  call = async (name, input) => {
    const env = await dispatch(handlers, name, input, () => {});
    if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
    return env.value;
  };
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

type View = {
  status: string;
  allowed: string[];
  contentHash: string;
  notice: string | null;
  changedBy: string | null;
  unsynced: boolean;
  pendingSuggestions: number;
};
type ThreadOut = {
  id: string;
  status: string;
  orphaned: boolean;
  quote: string;
  anchor: { blockId: string; from: number; to: number; quote: string };
  messages: { body: string; author: string }[];
};

describe('local review: threads', () => {
  it('comments on a passage, replies, resolves and reopens; every change is queued for HQ', async () => {
    as('peninjau', 'Budi Peninjau');
    const r = createRelease(store, { title: 'Rapat pleno', body: BODY });
    const at = BODY.content![1]!.content![0]!.text!.indexOf('rekapitulasi');
    const t = (await call('addComment', {
      releaseId: r.id,
      blockId: 'p2',
      from: at,
      to: at + 'rekapitulasi berjalan'.length,
      body: 'Sebutkan tingkatnya.',
    })) as ThreadOut;
    expect(t).toMatchObject({
      status: 'open',
      orphaned: false,
      quote: 'rekapitulasi berjalan',
      messages: [{ body: 'Sebutkan tingkatnya.', author: 'Budi Peninjau' }],
    });
    as('penulis', 'Sari Penulis');
    await call('replyToComment', { threadId: t.id, body: 'Tingkat kecamatan.' });
    const resolved = (await call('resolveThread', { threadId: t.id })) as ThreadOut & { resolvedBy: string };
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolvedBy).toBe('Sari Penulis');
    expect(((await call('reopenThread', { threadId: t.id })) as ThreadOut).status).toBe('open');
    expect(readReviewOutbox(store.db).map((e) => [e.kind, e.payload['annotationType']])).toEqual([
      ['annotation.put', 'review.thread'],
      ['annotation.put', 'review.reply'],
      ['annotation.put', 'review.event'],
      ['annotation.put', 'review.event'],
    ]);
    const audit = (await call('listAudit', { releaseId: r.id })) as { items: { action: string; actor: string }[] };
    expect(audit.items.map((a) => [a.action, a.actor])).toEqual([
      ['comment', 'Budi Peninjau'],
      ['resolve', 'Sari Penulis'],
      ['reopen', 'Sari Penulis'],
    ]);
  });

  it('keeps the comment on its words as the writer edits around them, lists in document order, orphans a deleted passage', async () => {
    as('peninjau', 'Budi');
    const r = createRelease(store, { title: 'x', body: BODY });
    const second = await call('addComment', { releaseId: r.id, blockId: 'p2', from: 0, to: 9, body: 'Nama ketua?' });
    const first = (await call('addComment', {
      releaseId: r.id,
      blockId: 'p1',
      from: 6,
      to: 11,
      body: 'Pleno apa?',
    })) as ThreadOut;
    commitRelease(
      store,
      r.id,
      {
        body: body(
          ['p1', 'Hari ini rapat pleno terbuka digelar di aula KPU Kabupaten Blora.'],
          ['p2', 'Ketua KPU menyampaikan bahwa rekapitulasi berjalan lancar.'],
        ),
      },
      { author: 'Sari', reason: 'edited', outbox: 'save' },
    );
    let list = ((await call('listThreads', { releaseId: r.id })) as { items: ThreadOut[] }).items;
    expect(list.map((t) => t.id)).toEqual([first.id, (second as ThreadOut).id]);
    expect(list[0]!.anchor).toMatchObject({ blockId: 'p1', from: 15, to: 20, quote: 'pleno' });
    commitRelease(
      store,
      r.id,
      {
        body: body(
          ['p1', 'Hari ini rapat terbuka digelar di aula KPU Kabupaten Blora.'],
          ['p2', 'Ketua KPU menyampaikan bahwa rekapitulasi berjalan lancar.'],
        ),
      },
      { author: 'Sari', reason: 'edited', outbox: 'save' },
    );
    list = ((await call('listThreads', { releaseId: r.id })) as { items: ThreadOut[] }).items;
    expect(list[1]).toMatchObject({ id: first.id, orphaned: true, quote: 'pleno' });
  });

  it('refuses a comment without words, on an unknown block, or with an empty text', async () => {
    const r = createRelease(store, { title: 'x', body: BODY });
    await expect(
      call('addComment', { releaseId: r.id, blockId: 'zz', from: 0, to: 3, body: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      call('addComment', { releaseId: r.id, blockId: 'p1', from: 5, to: 6, body: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      call('addComment', { releaseId: r.id, blockId: 'p1', from: 0, to: 5, body: '   ' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      call('addComment', { releaseId: r.id, blockId: 'p1', from: 500, to: 505, body: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    // A selection that runs on into the next paragraph keeps its part in this one.
    const t = (await call('addComment', {
      releaseId: r.id,
      blockId: 'p1',
      from: 36,
      to: 200,
      body: 'Kabupaten?',
    })) as ThreadOut;
    expect(t.quote).toBe('KPU Kabupaten Blora.');
  });
});

describe('local review: workflow', () => {
  it('penulis submits; a penulis cannot approve; peninjau approves and publishes with an embargo', async () => {
    as('penulis', 'Sari');
    const r = createRelease(store, { title: 'Rapat pleno', body: BODY });
    let view = (await call('getWorkflow', { releaseId: r.id })) as View;
    expect(view).toMatchObject({ status: 'draf', allowed: ['diajukan'] });
    view = (await call('transition', { releaseId: r.id, to: 'diajukan', baseHash: view.contentHash })) as View;
    expect(view).toMatchObject({ status: 'diajukan', changedBy: 'Sari', unsynced: true });
    expect(view.allowed).not.toContain('disetujui');
    await expect(
      call('transition', { releaseId: r.id, to: 'disetujui', baseHash: view.contentHash }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    as('peninjau', 'Budi');
    const queue = (await call('reviewQueue', {})) as { items: { id: string; changedBy: string }[] };
    expect(queue.items).toEqual([expect.objectContaining({ id: r.id, changedBy: 'Sari' })]);
    view = (await call('getWorkflow', { releaseId: r.id })) as View;
    expect(view.allowed.sort()).toEqual(['disetujui', 'perlu_revisi']);
    view = (await call('transition', { releaseId: r.id, to: 'disetujui', baseHash: view.contentHash })) as View;
    view = (await call('transition', {
      releaseId: r.id,
      to: 'terbit',
      baseHash: view.contentHash,
      at: '2099-01-01T08:00:00+07:00',
    })) as View & { publishAt: string };
    expect(view).toMatchObject({ status: 'terbit', publishAt: '2099-01-01T01:00:00.000Z' });
    expect(((await call('reviewQueue', {})) as { items: unknown[] }).items).toEqual([]);
    const out = readReviewOutbox(store.db)
      .filter((e) => e.kind === 'workflow.transition')
      .map((e) => e.payload['to']);
    expect(out).toEqual(['diajukan', 'disetujui', 'terbit']);
  });

  it('rejects a transition made on a stale text, and an edit after approval returns the release to Diajukan with a notice', async () => {
    as('penulis', 'Sari');
    const r = createRelease(store, { title: 'Rapat pleno', body: BODY });
    const v0 = (await call('getWorkflow', { releaseId: r.id })) as View;
    await call('transition', { releaseId: r.id, to: 'diajukan', baseHash: v0.contentHash });
    as('peninjau', 'Budi');
    const seen = (await call('getWorkflow', { releaseId: r.id })) as View;
    commitRelease(store, r.id, { title: 'Rapat pleno terbuka' }, { author: 'Sari', reason: 'edited', outbox: 'save' });
    await expect(
      call('transition', { releaseId: r.id, to: 'disetujui', baseHash: seen.contentHash }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const fresh = (await call('getWorkflow', { releaseId: r.id })) as View;
    const approved = (await call('transition', {
      releaseId: r.id,
      to: 'disetujui',
      baseHash: fresh.contentHash,
    })) as View;
    expect(approved.status).toBe('disetujui');
    commitRelease(
      store,
      r.id,
      { title: 'Rapat pleno terbuka KPU' },
      { author: 'Sari', reason: 'edited', outbox: 'save' },
    );
    const after = (await call('getWorkflow', { releaseId: r.id })) as View;
    expect(after.status).toBe('diajukan');
    expect(after.notice).toMatch(/setelah disetujui/);
    const audit = (await call('listAudit', { releaseId: r.id })) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(['transition', 'transition', 'notice']);
  });

  it('does not approve while suggested edits are open', async () => {
    as('peninjau', 'Budi');
    const withSuggestion: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { id: 'p1' },
          content: [
            { type: 'text', text: 'Rapat ' },
            {
              type: 'text',
              text: 'pleno ',
              marks: [{ type: 'suggestionInsert', attrs: { id: 's1', author: 'Budi', at: '2026-11-30T05:00:00Z' } }],
            },
            { type: 'text', text: 'digelar.' },
          ],
        },
      ],
    };
    const r = createRelease(store, { title: 'x', body: withSuggestion });
    store.db.prepare("UPDATE releases SET status = 'diajukan' WHERE id = ?").run(r.id);
    const v = (await call('getWorkflow', { releaseId: r.id })) as View;
    expect(v.pendingSuggestions).toBe(1);
    await expect(
      call('transition', { releaseId: r.id, to: 'disetujui', baseHash: v.contentHash }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/saran/) });
  });
});

describe('pulled review records', () => {
  const by = {
    deviceId: '0190a0b0-0000-7000-8000-0000000000d1',
    personId: '0190a0b0-0000-7000-8000-0000000000e1',
    name: 'Budi (HQ)',
    role: 'peninjau' as const,
    office: 'KPU Kabupaten Blora',
    hqTime: '2026-11-30T06:00:00.000Z',
  };
  const change = (releaseId: string, annotationType: string, data: Record<string, unknown>, cursor = 7) => ({
    type: 'annotation' as const,
    cursor,
    releaseId,
    annotationId: '0190a0b0-0000-7000-8000-0000000000f1',
    annotationType,
    version: 1,
    baseRevision: 1,
    data,
    by,
  });

  it('stores a thread once, with the person, role and time HQ confirmed; ignores malformed or unknown records', async () => {
    const { applyAnnotation } = await import('../../src/main/review');
    as('penulis', 'Sari');
    const r = createRelease(store, { title: 'x', body: BODY });
    const anchor = {
      blockId: 'p1',
      from: 6,
      to: 11,
      quote: 'pleno',
      original: 'pleno',
      prefix: 'Rapat ',
      suffix: ' terbuka digelar di aula KPU Kabupaten Blora.',
    };
    applyAnnotation(
      store.db,
      change(r.id, 'review.thread', { anchor: { ...anchor, from: 'x' }, quote: 'pleno', body: 'Rusak' }),
    );
    applyAnnotation(store.db, change(r.id, 'review.unknown', { whatever: 1 }));
    expect(((await call('listThreads', { releaseId: r.id })) as { items: unknown[] }).items).toEqual([]);
    applyAnnotation(store.db, change(r.id, 'review.thread', { anchor, quote: 'pleno', body: 'Pleno apa?' }));
    applyAnnotation(store.db, change(r.id, 'review.thread', { anchor, quote: 'pleno', body: 'Pleno apa?' }));
    const items = ((await call('listThreads', { releaseId: r.id })) as { items: (ThreadOut & { synced: boolean })[] })
      .items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      quote: 'pleno',
      synced: true,
      messages: [{ author: 'Budi (HQ)', body: 'Pleno apa?' }],
    });
    const audit = (await call('listAudit', { releaseId: r.id })) as {
      items: { action: string; actor: string; role: string; hqTime: string }[];
    };
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'comment',
        actor: 'Budi (HQ)',
        role: 'peninjau',
        hqTime: '2026-11-30T06:00:00.000Z',
      }),
    ]);
    // Nothing pulled goes back out.
    expect(readReviewOutbox(store.db)).toEqual([]);
  });
});
