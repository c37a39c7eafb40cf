import { v7 as uuidv7 } from 'uuid';
import { WartaError } from '../../shared/contract/define';
import type { Role } from '../../shared/domain/role';
import type { AuditEntry, QueueItem, Reply, Thread, WorkflowView } from '../../shared/contract/review';
import type { Status } from '../../shared/domain/release';
import { AnchorSchema, makeAnchor, resolveAnchor, type Anchor } from '../../shared/review/anchor';
import { textBlocks } from '../../shared/review/blocks';
import { pendingSuggestions } from '../../shared/review/suggestions';
import {
  allowedTargets,
  contentHash,
  decideTransition,
  initialWorkflowState,
  onContentChanged,
  type RejectionCode,
  type WorkflowState,
} from '../../shared/workflow';
import { STATUS_LABELS_ID } from '../../shared/domain/labels';
import { nowIso } from '../store/clock';
import { getRelease, requireRow } from '../store/releases';
import type { Db } from '../store/types';
import { enqueueReview } from './outbox';

/** Who is acting on this workstation (the enrolled person; a not-enrolled workstation writes). */
export interface Actor {
  name: string;
  role: Role;
}

export interface ReviewServiceOptions {
  db: Db;
  actor: () => Actor;
}

interface ThreadRow {
  id: string;
  release_id: string;
  anchor: string;
  quote: string;
  orphaned: number;
  body: string;
  author: string;
  role: string;
  created_at: string;
  hq_time: string | null;
  hq_cursor: number | null;
}

interface ReplyRow {
  id: string;
  body: string;
  author: string;
  role: string;
  created_at: string;
  hq_time: string | null;
}

interface EventRow {
  action: 'resolve' | 'reopen';
  author: string;
  created_at: string;
  hq_time: string | null;
}

interface WorkflowRow {
  release_id: string;
  approved_hash: string | null;
  publish_at: string | null;
  changed_by: string | null;
  changed_role: string | null;
  changed_at: string | null;
  notice: string | null;
}

const asRole = (r: string | null): Role | null => (r === 'penulis' || r === 'peninjau' || r === 'admin' ? r : null);

const REJECTION_ERROR: Record<RejectionCode, 'forbidden' | 'conflict' | 'invalid_input'> = {
  no_change: 'conflict',
  not_allowed: 'conflict',
  forbidden_role: 'forbidden',
  stale: 'conflict',
  pending_suggestions: 'conflict',
  bad_schedule: 'invalid_input',
  not_approved: 'conflict',
};

/**
 * Review on the workstation: threads, transitions, the approval pin, audit and queue.
 * Every change is written together with its review-outbox row in one transaction, so it
 * travels to HQ exactly as stored (see ./outbox and ./sync).
 */
export class ReviewService {
  private readonly db: Db;
  constructor(private readonly options: ReviewServiceOptions) {
    this.db = options.db;
  }

  private actor(): Actor {
    return this.options.actor();
  }

  // ------------------------------------------------------------------ workflow

  private workflowRow(releaseId: string): WorkflowRow | undefined {
    return this.db.prepare<[string], WorkflowRow>('SELECT * FROM review_workflow WHERE release_id = ?').get(releaseId);
  }

  /**
   * The text the current approval (or publication) was given on: from the newest approving
   * transition, made here (pending or accepted) or pulled from HQ, whichever is newer.
   */
  private approvedHash(releaseId: string, status: Status, row: WorkflowRow | undefined): string | null {
    if (status !== 'disetujui' && status !== 'terbit' && status !== 'dikoreksi') return null;
    const local = this.db
      .prepare<[string], { state: string; content_hash: string; hq_revision: number | null; to_status: string }>(
        "SELECT state, content_hash, hq_revision, to_status FROM review_transitions WHERE release_id = ? AND state <> 'rejected' ORDER BY rowid DESC LIMIT 1",
      )
      .get(releaseId);
    if (local?.state === 'pending')
      return local.to_status === status ? local.content_hash : (row?.approved_hash ?? null);
    let hq: { hq_rev: number; fields: string | null } | undefined;
    try {
      hq = this.db
        .prepare<[string], { hq_rev: number; fields: string | null }>(
          "SELECT hq_rev, fields FROM sync_hq_revisions WHERE release_id = ? AND event = 'transition' AND status IN ('disetujui', 'terbit', 'dikoreksi') ORDER BY hq_rev DESC LIMIT 1",
        )
        .get(releaseId);
    } catch {
      hq = undefined; // no sync tables in this store
    }
    if (hq?.fields && (!local || (local.hq_revision ?? 0) < hq.hq_rev)) {
      return contentHash(JSON.parse(hq.fields) as Parameters<typeof contentHash>[0]);
    }
    return local?.content_hash ?? row?.approved_hash ?? null;
  }

  private workflowState(releaseId: string): WorkflowState {
    const row = this.workflowRow(releaseId);
    const status = requireRow(this.db, releaseId).status as Status;
    return {
      ...initialWorkflowState(),
      status,
      approvedHash: this.approvedHash(releaseId, status, row),
      publishAt: row?.publish_at ?? null,
      changedBy: row?.changed_by ?? null,
      changedRole: asRole(row?.changed_role ?? null),
      changedAt: row?.changed_at ?? null,
    };
  }

  private saveWorkflow(releaseId: string, state: WorkflowState, notice: string | null): void {
    this.db.prepare('UPDATE releases SET status = ? WHERE id = ?').run(state.status, releaseId);
    this.db
      .prepare(
        `INSERT INTO review_workflow (release_id, approved_hash, publish_at, changed_by, changed_role, changed_at, notice)
         VALUES (@release_id, @approved_hash, @publish_at, @changed_by, @changed_role, @changed_at, @notice)
         ON CONFLICT (release_id) DO UPDATE SET approved_hash = excluded.approved_hash, publish_at = excluded.publish_at,
           changed_by = excluded.changed_by, changed_role = excluded.changed_role, changed_at = excluded.changed_at, notice = excluded.notice`,
      )
      .run({
        release_id: releaseId,
        approved_hash: state.approvedHash,
        publish_at: state.publishAt,
        changed_by: state.changedBy,
        changed_role: state.changedRole,
        changed_at: state.changedAt,
        notice,
      });
  }

  /** Audit rows are only ever added. */
  audit(
    releaseId: string,
    entry: {
      actor: string;
      role: string;
      action: AuditEntry['action'];
      from?: Status | null;
      to?: Status | null;
      detail?: string | null;
      ref?: string | null;
      hqTime?: string | null;
      at?: string;
    },
  ): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO review_audit (release_id, at, actor, role, action, from_status, to_status, detail, ref, hq_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        releaseId,
        entry.at ?? nowIso(),
        entry.actor,
        entry.role,
        entry.action,
        entry.from ?? null,
        entry.to ?? null,
        entry.detail ?? null,
        entry.ref ?? null,
        entry.hqTime ?? null,
      );
  }

  /**
   * Applies the approval pin: an edit made after approval (or during an embargo) sends the
   * release back to Diajukan with a notice. Runs whenever review state is read or changed.
   */
  private applyPin(releaseId: string): void {
    const state = this.workflowState(releaseId);
    const hash = contentHash(getRelease(this.db, releaseId));
    const now = nowIso();
    const { next, notice } = onContentChanged(state, hash, now);
    if (!notice) return;
    this.saveWorkflow(releaseId, next, notice.message);
    this.audit(releaseId, {
      actor: 'Warta',
      role: 'sistem',
      action: 'notice',
      from: state.status,
      to: next.status,
      detail: notice.message,
    });
  }

  getWorkflow(releaseId: string): WorkflowView {
    return this.db.transaction(() => {
      this.applyPin(releaseId);
      return this.view(releaseId);
    })();
  }

  private view(releaseId: string): WorkflowView {
    const release = getRelease(this.db, releaseId);
    const state = this.workflowState(releaseId);
    const row = this.workflowRow(releaseId);
    const hash = contentHash(release);
    const { role } = this.actor();
    const pending = pendingSuggestions(release.body).length;
    const lastTransition = this.db
      .prepare<[string], { state: string; reason: string | null }>(
        'SELECT state, reason FROM review_transitions WHERE release_id = ? ORDER BY rowid DESC LIMIT 1',
      )
      .get(releaseId);
    const allowed = allowedTargets(state.status, role).filter((to) => {
      const d = decideTransition(state, {
        to,
        actor: { name: '', role },
        baseHash: hash,
        currentHash: hash,
        pendingSuggestions: pending,
        now: nowIso(),
      });
      return d.ok || d.code === 'pending_suggestions';
    });
    return {
      releaseId,
      status: state.status,
      allowed,
      role,
      changedBy: state.changedBy,
      changedRole: state.changedRole,
      changedAt: state.changedAt,
      publishAt: state.publishAt,
      notice:
        row?.notice ??
        this.hqReverts(releaseId)
          .filter((r) => r.current)
          .map((r) => r.message)[0] ??
        null,
      pendingSuggestions: pending,
      openThreads: this.listThreads(releaseId).filter((t) => t.status === 'open').length,
      contentHash: hash,
      unsynced: lastTransition?.state === 'pending',
      rejected: lastTransition?.state === 'rejected' ? lastTransition.reason : null,
    };
  }

  transition(input: {
    releaseId: string;
    to: Status;
    baseHash: string;
    at?: string | null | undefined;
    note?: string | undefined;
  }): WorkflowView {
    const actor = this.actor();
    return this.db.transaction(() => {
      this.applyPin(input.releaseId);
      const release = getRelease(this.db, input.releaseId);
      const state = this.workflowState(input.releaseId);
      const hash = contentHash(release);
      const now = nowIso();
      const decision = decideTransition(state, {
        to: input.to,
        actor,
        baseHash: input.baseHash,
        currentHash: hash,
        pendingSuggestions: pendingSuggestions(release.body).length,
        at: input.at ?? null,
        now,
      });
      if (!decision.ok) throw new WartaError(REJECTION_ERROR[decision.code], decision.message);
      this.saveWorkflow(input.releaseId, decision.next, null);
      const id = uuidv7();
      this.db
        .prepare(
          `INSERT INTO review_transitions (id, release_id, from_status, to_status, author, role, created_at, publish_at, content_hash, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.releaseId,
          state.status,
          input.to,
          actor.name,
          actor.role,
          now,
          decision.next.publishAt,
          hash,
          input.note ?? null,
        );
      enqueueReview(this.db, 'workflow.transition', input.releaseId, id, {
        to: input.to,
        publishAt: decision.next.publishAt,
        note: input.note ?? null,
        contentHash: hash,
      });
      const when = decision.next.publishAt ? ` (terbit ${decision.next.publishAt})` : '';
      this.audit(input.releaseId, {
        actor: actor.name,
        role: actor.role,
        action: 'transition',
        from: state.status,
        to: input.to,
        detail: `${STATUS_LABELS_ID[state.status]} → ${STATUS_LABELS_ID[input.to]}${when}`,
        ref: `transition:${id}`,
        at: now,
      });
      return this.view(input.releaseId);
    })();
  }

  // ------------------------------------------------------------------ threads

  private threadRows(releaseId: string): ThreadRow[] {
    return this.db.prepare<[string], ThreadRow>('SELECT * FROM review_threads WHERE release_id = ?').all(releaseId);
  }

  private buildThread(row: ThreadRow): Thread {
    const replies = this.db
      .prepare<[string], ReplyRow>(
        'SELECT id, body, author, role, created_at, hq_time FROM review_replies WHERE thread_id = ? ORDER BY hq_cursor IS NULL, hq_cursor, created_at, id',
      )
      .all(row.id);
    const events = this.db
      .prepare<[string], EventRow>(
        'SELECT action, author, created_at, hq_time FROM review_thread_events WHERE thread_id = ? ORDER BY hq_cursor IS NULL, hq_cursor, local_seq',
      )
      .all(row.id);
    const last = events[events.length - 1];
    const unsyncedEvents = events.some((e) => e.hq_time === null);
    const toReply = (r: ReplyRow): Reply => ({
      id: r.id,
      author: r.author,
      role: asRole(r.role) ?? 'penulis',
      createdAt: r.created_at,
      body: r.body,
      hqTime: r.hq_time,
    });
    return {
      id: row.id,
      releaseId: row.release_id,
      anchor: AnchorSchema.parse(JSON.parse(row.anchor)),
      quote: row.quote,
      orphaned: row.orphaned === 1,
      status: last?.action === 'resolve' ? 'resolved' : 'open',
      resolvedBy: last?.action === 'resolve' ? last.author : null,
      resolvedAt: last?.action === 'resolve' ? (last.hq_time ?? last.created_at) : null,
      messages: [
        toReply({
          id: row.id,
          body: row.body,
          author: row.author,
          role: row.role,
          created_at: row.created_at,
          hq_time: row.hq_time,
        }),
        ...replies.map(toReply),
      ],
      synced: row.hq_time !== null && replies.every((r) => r.hq_time !== null) && !unsyncedEvents,
    };
  }

  /** Re-resolves the anchors against the current body, then lists threads in document order. */
  listThreads(releaseId: string): Thread[] {
    const release = getRelease(this.db, releaseId);
    const blocks = textBlocks(release.body);
    const order = new Map(blocks.map((b, i) => [b.id, i]));
    const update = this.db.prepare('UPDATE review_threads SET anchor = ?, orphaned = ? WHERE id = ?');
    const threads = this.threadRows(releaseId).map((row) => {
      if (row.orphaned === 0) {
        const anchor = AnchorSchema.parse(JSON.parse(row.anchor));
        const res = resolveAnchor(anchor, blocks);
        // Anchors are this workstation's derived state: re-resolving does not travel to HQ.
        if (res.status === 'orphaned') {
          update.run(row.anchor, 1, row.id);
          row.orphaned = 1;
        } else if (JSON.stringify(res.anchor) !== row.anchor) {
          row.anchor = JSON.stringify(res.anchor);
          update.run(row.anchor, 0, row.id);
        }
      }
      return this.buildThread(row);
    });
    return threads.sort((a, b) => {
      if (a.orphaned !== b.orphaned) return a.orphaned ? 1 : -1;
      const ba = order.get(a.anchor.blockId) ?? Number.MAX_SAFE_INTEGER;
      const bb = order.get(b.anchor.blockId) ?? Number.MAX_SAFE_INTEGER;
      return (
        ba - bb || a.anchor.from - b.anchor.from || a.messages[0]!.createdAt.localeCompare(b.messages[0]!.createdAt)
      );
    });
  }

  private thread(threadId: string): Thread {
    const row = this.db.prepare<[string], ThreadRow>('SELECT * FROM review_threads WHERE id = ?').get(threadId);
    if (!row) throw new WartaError('not_found', 'Utas komentar tidak ditemukan.');
    return this.buildThread(row);
  }

  addComment(input: { releaseId: string; blockId: string; from: number; to: number; body: string }): Thread {
    const actor = this.actor();
    return this.db.transaction(() => {
      const release = getRelease(this.db, input.releaseId);
      const block = textBlocks(release.body).find((b) => b.id === input.blockId);
      if (!block)
        throw new WartaError(
          'invalid_input',
          'Paragraf yang dipilih tidak ditemukan; simpan dulu lalu pilih teks lagi.',
        );
      if (input.from >= block.text.length || input.from >= input.to)
        throw new WartaError('invalid_input', 'Pilih teks di dalam satu paragraf untuk dikomentari.');
      // A selection running on into the next paragraph comments on its part in this one.
      const anchor: Anchor | null = makeAnchor(block, input.from, Math.min(input.to, block.text.length));
      if (!anchor) throw new WartaError('invalid_input', 'Pilih kata-kata yang ingin dikomentari.');
      const id = uuidv7();
      const now = nowIso();
      this.db
        .prepare(
          'INSERT INTO review_threads (id, release_id, anchor, quote, body, author, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, input.releaseId, JSON.stringify(anchor), anchor.quote, input.body, actor.name, actor.role, now);
      enqueueReview(this.db, 'annotation.put', input.releaseId, id, {
        annotationType: 'review.thread',
        data: { anchor, quote: anchor.quote, body: input.body },
      });
      this.audit(input.releaseId, {
        actor: actor.name,
        role: actor.role,
        action: 'comment',
        detail: `“${anchor.quote.slice(0, 80)}”: ${input.body.slice(0, 200)}`,
        ref: `thread:${id}`,
        at: now,
      });
      return this.thread(id);
    })();
  }

  replyToComment(input: { threadId: string; body: string }): Thread {
    const actor = this.actor();
    return this.db.transaction(() => {
      const thread = this.thread(input.threadId);
      const id = uuidv7();
      const now = nowIso();
      this.db
        .prepare(
          'INSERT INTO review_replies (id, thread_id, release_id, body, author, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, thread.id, thread.releaseId, input.body, actor.name, actor.role, now);
      enqueueReview(this.db, 'annotation.put', thread.releaseId, id, {
        annotationType: 'review.reply',
        data: { threadId: thread.id, body: input.body },
      });
      return this.thread(thread.id);
    })();
  }

  setThreadState(threadId: string, action: 'resolve' | 'reopen'): Thread {
    const actor = this.actor();
    return this.db.transaction(() => {
      const thread = this.thread(threadId);
      if ((action === 'resolve') === (thread.status === 'resolved')) return thread;
      const id = uuidv7();
      const now = nowIso();
      const seq = this.db
        .prepare<[], { n: number }>('SELECT COALESCE(MAX(local_seq), 0) + 1 AS n FROM review_thread_events')
        .get()!.n;
      this.db
        .prepare(
          'INSERT INTO review_thread_events (id, thread_id, release_id, action, author, role, created_at, local_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, thread.id, thread.releaseId, action, actor.name, actor.role, now, seq);
      enqueueReview(this.db, 'annotation.put', thread.releaseId, id, {
        annotationType: 'review.event',
        data: { threadId: thread.id, action },
      });
      this.audit(thread.releaseId, {
        actor: actor.name,
        role: actor.role,
        action,
        detail: `“${thread.quote.slice(0, 80)}”`,
        ref: `event:${id}`,
        at: now,
      });
      return this.thread(thread.id);
    })();
  }

  // ------------------------------------------------------------------ audit and queue

  listAudit(releaseId: string): AuditEntry[] {
    requireRow(this.db, releaseId);
    const rows = this.db
      .prepare<
        [string],
        {
          at: string;
          hq_time: string | null;
          actor: string;
          role: string;
          action: AuditEntry['action'];
          from_status: Status | null;
          to_status: Status | null;
          detail: string | null;
        }
      >(
        'SELECT at, hq_time, actor, role, action, from_status, to_status, detail FROM review_audit WHERE release_id = ? ORDER BY id',
      )
      .all(releaseId);
    const items: AuditEntry[] = rows.map((r) => ({
      at: r.at,
      hqTime: r.hq_time,
      actor: r.actor,
      role: r.role,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      detail: r.detail,
    }));
    // Approvals HQ withdrew because someone else edited the text (this workstation's own
    // edits already left a local notice).
    const self = this.actor().name;
    for (const r of this.hqReverts(releaseId)) {
      if (r.author === self) continue;
      items.push({
        at: r.at,
        hqTime: r.at,
        actor: r.author,
        role: '',
        action: 'notice',
        fromStatus: r.from,
        toStatus: 'diajukan',
        detail: r.message,
      });
    }
    return items.sort((a, b) => (a.hqTime ?? a.at).localeCompare(b.hqTime ?? b.at));
  }

  /**
   * Edits that took an approval away at HQ (HQ applies the same pin as onContentChanged),
   * read from HQ's history as this workstation mirrors it. `current`: no move since.
   */
  private hqReverts(
    releaseId: string,
  ): { at: string; author: string; from: Status; message: string; current: boolean }[] {
    let rows: { hq_rev: number; event: string; author: string; hq_time: string | null; status: Status | null }[];
    try {
      rows = this.db
        .prepare<
          [string],
          { hq_rev: number; event: string; author: string; hq_time: string | null; status: Status | null }
        >('SELECT hq_rev, event, author, hq_time, status FROM sync_hq_revisions WHERE release_id = ? ORDER BY hq_rev')
        .all(releaseId);
    } catch {
      return []; // no sync tables in this store
    }
    const out: { at: string; author: string; from: Status; message: string; current: boolean }[] = [];
    let prev: Status | null = null;
    for (const r of rows) {
      if (out.length && r.status !== prev) out[out.length - 1]!.current = false;
      if (
        r.event !== 'transition' &&
        r.status === 'diajukan' &&
        (prev === 'disetujui' || prev === 'terbit') &&
        r.hq_time
      ) {
        out.push({
          at: r.hq_time,
          author: r.author,
          from: prev,
          message: `Rilis diubah oleh ${r.author} setelah disetujui, sehingga kembali ke status Diajukan dan perlu ditinjau ulang.`,
          current: true,
        });
      }
      prev = r.status ?? prev;
    }
    const status = requireRow(this.db, releaseId).status;
    return out.map((r) => ({ ...r, current: r.current && status === 'diajukan' }));
  }

  reviewQueue(): QueueItem[] {
    const rows = this.db
      .prepare<
        [],
        {
          id: string;
          title: string;
          office: string;
          status: Status;
          updated_at: string;
          changed_by: string | null;
          changed_at: string | null;
        }
      >(
        `SELECT r.id, r.title, r.office, r.status, r.updated_at, w.changed_by, w.changed_at
         FROM releases r LEFT JOIN review_workflow w ON w.release_id = r.id
         WHERE r.deleted_at IS NULL AND r.status = 'diajukan'
         ORDER BY COALESCE(w.changed_at, r.updated_at)`,
      )
      .all();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      office: r.office,
      status: r.status,
      updatedAt: r.updated_at,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
      openThreads: this.listThreads(r.id).filter((t) => t.status === 'open').length,
    }));
  }
}
