import type { SyncPhase, SyncRunSummary } from '../../shared/contract/sync';
import type { Status } from '../../shared/domain/release';
import { jsonEqual, mergeFields } from '../../shared/sync/merge';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_ENTRIES,
  PULL_DEFAULT_LIMIT,
  referencedAttachments,
  type AnnotationChange,
  type EntryResult,
  type PushEntry,
  type ReleaseChange,
  type WireFields,
} from '../../shared/sync/protocol';
import { nowIso } from '../store/clock';
import { appendOutbox } from '../store/outbox';
import type { Db } from '../store/types';
import type { AttachmentAccess } from './attachments';
import { deleteConflict, emptyBase, getConflict, saveConflict } from './conflicts';
import { HqError, type HqClient } from './hq-client';
import { countLiveReleases, deleteFromHq, outboxUpto, readLocal, setSyncState, writeFromHq } from './local-releases';
import {
  META,
  addLog,
  getBase,
  getMeta,
  pendingPushes,
  reassertConflictStates,
  recordHqRevision,
  setBase,
  setMeta,
  type PushRow,
} from './tables';
import { q } from '../../node/db/statement-cache';

/**
 * One sync run: push (attachments first, then the outbox in seq-numbered batches), then pull
 * the change log page by page. Every step commits before the next network call, so a run cut
 * short anywhere — dropped link, killed process, HQ restart — resumes without loss or
 * duplication: unanswered pushes are resent with the same seq (HQ replays its stored answer),
 * and the pull cursor only moves in the transaction that applied the page.
 */

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
/** A push entry as an extension hands it over: the engine gives it its seq. */
export type QueuedEntry = WithoutSeq<PushEntry>;

/**
 * Lets another feature (review: annotations, workflow transitions) send its own entries in
 * the engine's push queue, so every entry shares the one per-device seq counter and the same
 * durability: seqs are assigned and stored before sending, a resend reuses them, and HQ's
 * stored answer comes back to `onResult`.
 */
export interface PushExtension {
  /** Names this extension's rows in the queue. Not 'release'. */
  owner: string;
  /**
   * Called inside the transaction that assigns seqs, after the release edits of this round
   * were queued (so `sync_push` already shows which releases have an edit in flight).
   * Mark what you return as queued in your own tables in the same call.
   */
  collect(db: Db): { releaseId: string; ref: string; entry: QueuedEntry }[];
  /** HQ's answer for one entry, inside the transaction that applies the batch. */
  onResult(db: Db, ref: string, entry: PushEntry, result: EntryResult): void;
  /** HQ refused the entry as a whole request (400/403): it was never applied and leaves the queue. */
  onRefused(db: Db, ref: string, entry: PushEntry, message: string): void;
}

export interface EngineContext {
  db: Db;
  client: HqClient;
  deviceId: string;
  /** Name written into local history for revisions that came from this workstation via HQ. */
  selfName: string;
  attachments: AttachmentAccess;
  confirmMassDelete: boolean;
  progress(phase: SyncPhase, done: number, total: number): void;
  /** Review annotations from the change log, applied in the page's transaction (issue 4 hooks in here). */
  onAnnotation?: (db: Db, change: AnnotationChange) => void;
  pullLimit?: number;
  /** Entries per push batch (capped by the protocol's MAX_PUSH_ENTRIES). */
  batchSize?: number;
  extensions?: PushExtension[];
}

export interface RunOutcome {
  summary: SyncRunSummary;
  needsConfirmation: { deletes: number; total: number } | null;
}

/** Mass-delete guard: a pull that would delete more than half of the releases (and more than 3) asks first. */
export const MASS_DELETE_RATIO = 0.5;
export const MASS_DELETE_MIN = 3;

const hasOutbox = (db: Db, id: string): boolean => outboxUpto(db, id) !== null;

const trimOutboxFor = (db: Db, id: string, upto: number): void => {
  q(db, 'DELETE FROM outbox WHERE release_id = ? AND seq <= ?').run(id, upto);
};

/** After HQ answered: terkirim unless more local edits are waiting. */
const settleState = (db: Db, id: string): void => {
  const local = readLocal(db, id);
  if (!local || local.syncState === 'konflik' || local.syncState === 'ditolak') return;
  setSyncState(db, id, hasOutbox(db, id) ? 'belum_terkirim' : 'terkirim');
};

// -------------------------------------------------------------------------------------------
// Push

/**
 * Turns outbox rows into seq-numbered push entries, committed before anything is sent.
 * At most one entry per release is in flight: the next edit is pushed from the revision HQ
 * answered with, so it never conflicts with the writer's own previous save.
 */
export function assignPushes(db: Db, extensions: readonly PushExtension[] = []): number {
  return db.transaction(() => {
    let next = Number(getMeta(db, META.nextSeq) ?? '1');
    const candidates = q<[], { release_id: string; upto: number }>(
      db,
      `SELECT release_id, MAX(seq) AS upto FROM outbox
         WHERE release_id NOT IN (SELECT release_id FROM sync_push WHERE owner = 'release')
         GROUP BY release_id ORDER BY MIN(seq)`,
    ).all();
    const insert = q(
      db,
      'INSERT INTO sync_push (seq, release_id, kind, base_rev, payload, outbox_upto, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let assigned = 0;
    for (const { release_id: id, upto } of candidates) {
      const local = readLocal(db, id);
      const base = getBase(db, id);
      const resolved = q<[string], { head_rev: number }>(
        db,
        'SELECT head_rev FROM sync_resolved WHERE release_id = ?',
      ).get(id);
      if (!local) {
        trimOutboxFor(db, id, upto);
        continue;
      }
      if (getConflict(db, id)) {
        // An open conflict waits for the writer; deleting the release settles it as a delete.
        if (!local.deleted) continue;
        deleteConflict(db, id);
      }
      if (local.deleted) {
        if (!base || base.deleted) {
          // Never reached HQ, or HQ deleted it too: nothing to tell.
          trimOutboxFor(db, id, upto);
          continue;
        }
        insert.run(next++, id, 'release.delete', base.hqRev, null, upto, nowIso());
        assigned++;
        continue;
      }
      if (!resolved && base && !base.deleted && base.fields && jsonEqual(base.fields, local.fields)) {
        // The text equals what HQ holds (e.g. an undo back to it): nothing to send.
        trimOutboxFor(db, id, upto);
        settleState(db, id);
        continue;
      }
      const kind = resolved ? 'release.resolve' : 'release.upsert';
      const baseRev = resolved ? resolved.head_rev : (base?.hqRev ?? 0);
      insert.run(next++, id, kind, baseRev, JSON.stringify(local.fields), upto, nowIso());
      assigned++;
    }
    for (const ext of extensions) {
      for (const item of ext.collect(db)) {
        q(
          db,
          'INSERT INTO sync_push (seq, release_id, kind, base_rev, payload, outbox_upto, created_at, owner, ref, entry) VALUES (?, ?, ?, ?, NULL, 0, ?, ?, ?, ?)',
        ).run(
          next++,
          item.releaseId,
          item.entry.kind,
          item.entry.baseRevision,
          nowIso(),
          ext.owner,
          item.ref,
          JSON.stringify(item.entry),
        );
        assigned++;
      }
    }
    setMeta(db, META.nextSeq, String(next));
    return assigned;
  })();
}

/** Gives pending entries consecutive seqs from `start` (HQ has applied nothing at or above it). */
function renumberFrom(db: Db, start: number, rows: PushRow[]): void {
  db.transaction(() => {
    for (const r of rows) q(db, 'UPDATE sync_push SET seq = ? WHERE seq = ?').run(-r.seq, r.seq);
    let seq = start;
    for (const r of rows) q(db, 'UPDATE sync_push SET seq = ? WHERE seq = ?').run(seq++, -r.seq);
    setMeta(db, META.nextSeq, String(seq));
  })();
}

const toEntry = (p: PushRow): PushEntry => {
  if (p.owner !== 'release') return { ...p.entry, seq: p.seq } as PushEntry;
  if (p.kind === 'release.delete')
    return { seq: p.seq, kind: 'release.delete', releaseId: p.releaseId, baseRevision: p.baseRev };
  const kind = p.kind === 'release.resolve' ? 'release.resolve' : 'release.upsert';
  return { seq: p.seq, kind, releaseId: p.releaseId, baseRevision: p.baseRev, fields: p.payload! };
};

/** Uploads every attachment the pending entries reference that HQ is not known to hold. */
async function uploadAttachments(ctx: EngineContext, pending: PushRow[], summary: SyncRunSummary): Promise<void> {
  const { db } = ctx;
  const needed = new Set<string>();
  for (const p of pending) if (p.payload) for (const sha of referencedAttachments(p.payload)) needed.add(sha);
  const known = q<[string], { one: number }>(db, 'SELECT 1 AS one FROM sync_uploaded WHERE sha256 = ?');
  const todo = [...needed].filter((sha) => !known.get(sha));
  let done = 0;
  ctx.progress('upload', 0, todo.length);
  for (const sha of todo) {
    const bytes = ctx.attachments.read(sha);
    if (!bytes) {
      addLog(
        db,
        'warn',
        `Lampiran ${sha.slice(0, 12)}… tidak ada di komputer ini; rilis yang memakainya mungkin ditolak.`,
      );
    } else if (!(await ctx.client.hasAttachment(sha))) {
      await ctx.client.putAttachment(sha, bytes);
      summary.uploaded++;
    }
    if (bytes) q(db, 'INSERT OR IGNORE INTO sync_uploaded (sha256) VALUES (?)').run(sha);
    ctx.progress('upload', ++done, todo.length);
  }
}

/** The next batch from the front of the queue, within the protocol's count and byte caps. */
function takeBatch(queue: PushRow[], maxCount: number): PushRow[] {
  const batch: PushRow[] = [];
  let bytes = 200;
  for (const p of queue) {
    const size = JSON.stringify(toEntry(p)).length + 1;
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > MAX_PUSH_BYTES * 0.9)) break;
    batch.push(p);
    bytes += size;
  }
  return batch;
}

function applyResult(ctx: EngineContext, p: PushRow, r: EntryResult, summary: SyncRunSummary): void {
  const { db } = ctx;
  const id = p.releaseId;
  q(db, 'DELETE FROM sync_push WHERE seq = ?').run(p.seq);
  if (p.owner !== 'release') {
    ctx.extensions?.find((e) => e.owner === p.owner)?.onResult(db, p.ref ?? '', toEntry(p), r);
    return;
  }
  switch (r.status) {
    case 'accepted': {
      const deleted = p.kind === 'release.delete';
      const local = readLocal(db, id);
      const status: Status = local?.status ?? 'draf';
      setBase(db, id, { hqRev: r.revision, deleted, fields: deleted ? null : p.payload, status });
      recordHqRevision(db, {
        releaseId: id,
        hqRev: r.revision,
        event: deleted ? 'deleted' : p.kind === 'release.resolve' ? 'resolved' : p.baseRev === 0 ? 'created' : 'edited',
        author: ctx.selfName,
        hqTime: null,
        deleted,
        status,
        fields: deleted ? null : p.payload,
      });
      q(db, 'DELETE FROM sync_resolved WHERE release_id = ?').run(id);
      trimOutboxFor(db, id, p.outboxUpto);
      if (local && !local.deleted) setSyncState(db, id, 'terkirim');
      settleState(db, id);
      summary.pushed++;
      return;
    }
    case 'merged': {
      const local = readLocal(db, id);
      const status: Status = local?.status ?? 'draf';
      setBase(db, id, { hqRev: r.revision, deleted: false, fields: r.fields, status });
      recordHqRevision(db, {
        releaseId: id,
        hqRev: r.revision,
        event: 'merged',
        author: ctx.selfName,
        hqTime: null,
        deleted: false,
        status,
        fields: r.fields,
      });
      q(db, 'DELETE FROM sync_resolved WHERE release_id = ?').run(id);
      trimOutboxFor(db, id, p.outboxUpto);
      summary.pushed++;
      if (!local || local.deleted) return;
      if (p.payload && jsonEqual(local.fields, p.payload)) {
        writeFromHq(db, id, r.fields, {
          status,
          author: 'Server pusat (gabungan)',
          syncState: hasOutbox(db, id) ? 'belum_terkirim' : 'terkirim',
        });
        return;
      }
      // The writer kept typing while the batch travelled: fold HQ's merge into that.
      integrateOverLocal(
        ctx,
        id,
        p.payload ?? r.fields,
        r.fields,
        r.revision,
        'Server pusat (gabungan)',
        status,
        summary,
      );
      return;
    }
    case 'conflict': {
      trimOutboxFor(db, id, p.outboxUpto);
      const local = readLocal(db, id);
      // `deleted` is set both when HQ deleted what we edited (head null) and when we deleted
      // what HQ edited (head present): only the first means the release is gone at HQ.
      if (!r.head) {
        setBase(db, id, { hqRev: r.headRevision, deleted: true, fields: null, status: null });
        if (local && !local.deleted) {
          setSyncState(
            db,
            id,
            'ditolak',
            'Rilis ini sudah dihapus di server pusat. Salinan di komputer ini tetap disimpan.',
          );
          addLog(db, 'warn', 'Rilis sudah dihapus di server pusat; salinan lokal disimpan.', id);
        }
        summary.rejected++;
        return;
      }
      if (!local || local.deleted || p.kind === 'release.delete') {
        // We deleted it, HQ edited it meanwhile: bring HQ's text back rather than lose it.
        writeFromHq(db, id, r.head, { status: local?.status ?? 'draf', author: 'Server pusat', syncState: 'terkirim' });
        setBase(db, id, { hqRev: r.headRevision, deleted: false, fields: r.head, status: local?.status ?? 'draf' });
        addLog(db, 'warn', 'Rilis yang dihapus di sini telah diubah di server pusat; versi pusat dipulihkan.', id);
        return;
      }
      const base = getBase(db, id);
      const baseFields = base?.fields ?? emptyBase(r.head);
      integrateOverLocal(
        ctx,
        id,
        baseFields,
        r.head,
        r.headRevision,
        'Server pusat',
        base?.status ?? local.status,
        summary,
      );
      return;
    }
    case 'rejected': {
      if (r.reason === 'missing_attachment') {
        // Upload again and resend: keep the outbox rows so the next round picks the release up.
        for (const sha of r.missing ?? []) q(db, 'DELETE FROM sync_uploaded WHERE sha256 = ?').run(sha);
        addLog(db, 'warn', `Lampiran belum ada di server pusat; dikirim ulang. (${r.message})`, id);
        return;
      }
      trimOutboxFor(db, id, p.outboxUpto);
      setSyncState(db, id, 'ditolak', r.message);
      addLog(db, 'error', `Ditolak server pusat (${r.reason}): ${r.message}`, id);
      summary.rejected++;
      return;
    }
  }
}

/**
 * Remote text meets local unsent edits: three-way merge against the last revision both had.
 * Clean → store the merge (it still travels to HQ); clash → a conflict record, local text untouched.
 */
function integrateOverLocal(
  ctx: EngineContext,
  id: string,
  baseFields: WireFields,
  theirs: WireFields,
  theirsRev: number,
  theirsAuthor: string,
  theirsStatus: Status,
  summary: SyncRunSummary,
): void {
  const { db } = ctx;
  const local = readLocal(db, id)!;
  const merge = mergeFields(baseFields, local.fields, theirs);
  if (merge.clean) {
    deleteConflict(db, id);
    if (!jsonEqual(merge.fields, local.fields)) {
      writeFromHq(db, id, merge.fields, { status: theirsStatus, author: theirsAuthor, syncState: 'belum_terkirim' });
    }
    setBase(db, id, { hqRev: theirsRev, deleted: false, fields: theirs, status: theirsStatus });
    if (jsonEqual(merge.fields, theirs)) {
      q(db, 'DELETE FROM outbox WHERE release_id = ?').run(id);
      setSyncState(db, id, 'terkirim');
    } else if (!hasOutbox(db, id)) {
      appendOutbox(db, id, 'save', readLocal(db, id)!.localRev);
      setSyncState(db, id, 'belum_terkirim');
    }
    return;
  }
  const existing = getConflict(db, id);
  saveConflict(db, {
    releaseId: id,
    theirsRev,
    theirsAuthor,
    theirsFields: theirs,
    theirsStatus,
    // Keep the original common base if the conflict was already open: it is still the last shared revision.
    baseFields: existing?.baseFields ?? baseFields,
    blocks: merge.conflictBlocks,
    fields: merge.conflictFields,
  });
  setSyncState(
    db,
    id,
    'konflik',
    `Bentrok dengan perubahan dari server pusat (${merge.conflictBlocks.length} blok, ${merge.conflictFields.length} isian)`,
  );
  if (!existing) {
    summary.conflicts++;
    addLog(
      db,
      'warn',
      `Konflik: ${merge.conflictBlocks.length} blok dan ${merge.conflictFields.length} isian diubah di dua tempat.`,
      id,
    );
  }
}

export async function push(ctx: EngineContext, summary: SyncRunSummary): Promise<void> {
  const { db } = ctx;
  let batchSize = Math.min(ctx.batchSize ?? MAX_PUSH_ENTRIES, MAX_PUSH_ENTRIES);
  // Edits made while a sync runs are picked up by the next round; the cap keeps a writer who
  // never stops typing from holding the sync in push forever.
  for (let round = 0; round < 8; round++) {
    assignPushes(db, ctx.extensions ?? []);
    const pending = pendingPushes(db);
    if (pending.length === 0) return;
    await uploadAttachments(ctx, pending, summary);
    const total = pending.length;
    ctx.progress('push', 0, total);
    let queue = pending;
    while (queue.length > 0) {
      const batch = takeBatch(queue, batchSize);
      try {
        const res = await ctx.client.push(ctx.deviceId, batch.map(toEntry));
        const bySeq = new Map(res.results.map((r) => [r.seq, r]));
        db.transaction(() => {
          for (const p of batch) {
            const r = bySeq.get(p.seq);
            if (r && r.releaseId === p.releaseId) applyResult(ctx, p, r, summary);
          }
        })();
        // An entry HQ did not answer stays in sync_push and goes out again next round.
        queue = queue.slice(batch.length);
      } catch (error) {
        if (!(error instanceof HqError) || error.kind !== 'http') throw error;
        if (error.code === 'seq_gap' && error.body?.expectedSeq) {
          const expected = error.body.expectedSeq;
          const rows = pendingPushes(db);
          if (rows[0] && rows[0].seq > expected) {
            addLog(db, 'warn', `Nomor urut kiriman disesuaikan dengan server pusat (mulai ${expected}).`);
            renumberFrom(db, expected, rows);
          } else throw error;
        } else if (error.status === 413 && batch.length > 1) {
          batchSize = Math.max(1, Math.floor(batch.length / 2));
        } else if ((error.status === 400 || error.status === 403) && batch.length > 1 && !error.body?.seq) {
          // Find the entry HQ refuses by halving: a whole-request 4xx changed nothing at HQ.
          batchSize = Math.max(1, Math.floor(batch.length / 2));
        } else if (error.status === 400 || error.status === 403 || error.status === 413) {
          const culprit = batch.find((p) => p.seq === error.body?.seq) ?? batch[0]!;
          db.transaction(() => {
            q(db, 'DELETE FROM sync_push WHERE seq = ?').run(culprit.seq);
            if (culprit.owner !== 'release') {
              ctx.extensions
                ?.find((e) => e.owner === culprit.owner)
                ?.onRefused(db, culprit.ref ?? '', toEntry(culprit), error.message);
            } else {
              trimOutboxFor(db, culprit.releaseId, culprit.outboxUpto);
              setSyncState(db, culprit.releaseId, 'ditolak', error.message);
              addLog(db, 'error', `Ditolak server pusat: ${error.message}`, culprit.releaseId);
            }
            // The refused seq was never applied: close the gap it leaves.
            renumberFrom(
              db,
              culprit.seq,
              pendingPushes(db).filter((r) => r.seq > culprit.seq),
            );
          })();
          summary.rejected++;
        } else throw error;
        queue = pendingPushes(db);
      }
      ctx.progress('push', Math.max(0, total - queue.length), total);
    }
  }
}

// -------------------------------------------------------------------------------------------
// Pull

function applyReleaseChange(ctx: EngineContext, c: ReleaseChange, summary: SyncRunSummary): void {
  const { db } = ctx;
  const id = c.releaseId;
  recordHqRevision(db, {
    releaseId: id,
    hqRev: c.revision,
    event: c.event,
    author: c.by.name,
    hqTime: c.by.hqTime,
    deleted: c.deleted,
    status: c.status,
    fields: c.fields,
  });
  const base = getBase(db, id);
  const conflict = getConflict(db, id);
  if (base && c.revision <= base.hqRev && !conflict) return; // already have it (our own push, or a replayed page)
  if (conflict && c.revision <= conflict.theirsRev) return;
  const local = readLocal(db, id);
  const unsent = hasOutbox(db, id) || !!conflict;
  summary.pulled++;

  if (c.deleted || !c.fields) {
    setBase(db, id, { hqRev: c.revision, deleted: true, fields: null, status: c.status });
    if (!local || local.deleted) return;
    if (unsent) {
      // Never delete work HQ has not seen: keep it; the next push tells the writer it was deleted at HQ.
      addLog(
        db,
        'warn',
        'Rilis dihapus di server pusat, tetapi ada perubahan lokal yang belum terkirim; salinan lokal disimpan.',
        id,
      );
      return;
    }
    deleteFromHq(db, id);
    addLog(db, 'info', `Rilis dihapus di server pusat oleh ${c.by.name}.`, id);
    return;
  }

  if (!local || (local.deleted && !unsent) || !unsent) {
    writeFromHq(db, id, c.fields, { status: c.status, author: c.by.name, syncState: 'terkirim' });
    setBase(db, id, { hqRev: c.revision, deleted: false, fields: c.fields, status: c.status });
    return;
  }
  if (local.deleted) {
    // Deleted here, not yet pushed, edited at HQ: the push will say; keep HQ's text as the base.
    setBase(db, id, { hqRev: c.revision, deleted: false, fields: c.fields, status: c.status });
    return;
  }
  const baseFields = conflict?.baseFields ?? base?.fields ?? emptyBase(c.fields);
  integrateOverLocal(ctx, id, baseFields, c.fields, c.revision, c.by.name, c.status, summary);
}

/** Releases a page would delete here: live locally and without local work in the way. */
function deletesIn(db: Db, changes: ReleaseChange[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) {
    if (!c.deleted) {
      ids.delete(c.releaseId);
      continue;
    }
    const local = readLocal(db, c.releaseId);
    if (local && !local.deleted && !hasOutbox(db, c.releaseId)) ids.add(c.releaseId);
  }
  return ids;
}

export async function pull(
  ctx: EngineContext,
  summary: SyncRunSummary,
  headCursor: number,
): Promise<RunOutcome['needsConfirmation']> {
  const { db } = ctx;
  const limit = ctx.pullLimit ?? PULL_DEFAULT_LIMIT;
  const start = Number(getMeta(db, META.cursor) ?? '0');
  let cursor = start;
  const liveAtStart = countLiveReleases(db);
  let scanned = false;
  const span = Math.max(0, headCursor - start);
  ctx.progress('pull', 0, span);
  for (;;) {
    const page = await ctx.client.pull(cursor, limit);
    const releaseChanges = page.changes.filter((c): c is ReleaseChange => c.type === 'release');

    if (!ctx.confirmMassDelete && !scanned && deletesIn(db, releaseChanges).size > 0) {
      // The first page that deletes anything: count every delete still ahead, read-only, so
      // the question comes before the first release disappears and states the full size.
      scanned = true;
      const deleting = deletesIn(db, releaseChanges);
      let more = page;
      while (more.hasMore) {
        more = await ctx.client.pull(more.nextCursor, limit);
        const next = more.changes.filter((c): c is ReleaseChange => c.type === 'release');
        for (const c of next) if (!c.deleted) deleting.delete(c.releaseId);
        for (const id of deletesIn(db, next)) deleting.add(id);
      }
      if (deleting.size > MASS_DELETE_MIN && deleting.size > liveAtStart * MASS_DELETE_RATIO) {
        addLog(
          db,
          'warn',
          `Sinkronisasi berhenti: ${deleting.size} dari ${liveAtStart} rilis akan dihapus. Menunggu konfirmasi.`,
        );
        return { deletes: deleting.size, total: liveAtStart };
      }
    }

    // Attachments before the records that point to them.
    for (const c of releaseChanges) {
      if (!c.fields) continue;
      for (const sha of referencedAttachments(c.fields)) {
        if (!ctx.attachments.has(sha)) ctx.attachments.write(sha, await ctx.client.getAttachment(sha));
      }
    }

    db.transaction(() => {
      for (const c of page.changes) {
        if (c.type === 'release') applyReleaseChange(ctx, c, summary);
        else if (c.type === 'annotation') ctx.onAnnotation?.(db, c);
      }
      setMeta(db, META.cursor, String(page.nextCursor));
    })();
    cursor = page.nextCursor;
    ctx.progress('pull', Math.min(span, Math.max(0, cursor - start)), Math.max(span, cursor - start));
    if (!page.hasMore) return null;
  }
}

/** A whole run. Throws HqError when the link or HQ fails; everything done so far stays done. */
export async function runSync(ctx: EngineContext): Promise<RunOutcome> {
  const summary: SyncRunSummary = { pushed: 0, uploaded: 0, pulled: 0, conflicts: 0, rejected: 0 };
  const me = await ctx.client.me();
  if (me.deviceId !== ctx.deviceId) throw new HqError('http', 'Token perangkat tidak cocok dengan perangkat ini', 401);
  // With nothing in flight, HQ's expectation is the truth (e.g. after restoring a backup).
  if (pendingPushes(ctx.db).length === 0) setMeta(ctx.db, META.nextSeq, String(me.nextSeq));
  await push(ctx, summary);
  const needsConfirmation = await pull(ctx, summary, me.headCursor);
  reassertConflictStates(ctx.db);
  if (!needsConfirmation) setMeta(ctx.db, META.lastSyncAt, nowIso());
  ctx.progress('idle', 0, 0);
  return { summary, needsConfirmation };
}
