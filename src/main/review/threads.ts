import { v7 as uuidv7 } from 'uuid';
import { WartaError } from '../../shared/contract/define';
import type { Reply, Thread } from '../../shared/contract/review';
import { AnchorSchema, makeAnchor, resolveAnchor, type Anchor } from '../../shared/review/anchor';
import { textBlocks } from '../../shared/review/blocks';
import { type Db, getRelease, nowIso } from '../store';
import { asRole, type ReviewContext } from './actor';
import { addAuditRecord } from './tables/audit';
import { enqueueReview } from './tables/outbox';
import {
  eventsOf,
  getThreadRow,
  putEvent,
  putReply,
  putThread,
  repliesOf,
  threadRowsOf,
  updateAnchor,
  type ReplyRow,
  type ThreadRow,
} from './tables/threads';

function buildThread(db: Db, row: ThreadRow): Thread {
  const replies = repliesOf(db, row.id);
  const events = eventsOf(db, row.id);
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
export function listThreads(db: Db, releaseId: string): Thread[] {
  const release = getRelease(db, releaseId);
  const blocks = textBlocks(release.body);
  const order = new Map(blocks.map((b, i) => [b.id, i]));
  const threads = threadRowsOf(db, releaseId).map((row) => {
    if (row.orphaned === 0) {
      const anchor = AnchorSchema.parse(JSON.parse(row.anchor));
      const res = resolveAnchor(anchor, blocks);
      if (res.status === 'orphaned') {
        updateAnchor(db, row.id, row.anchor, true);
        row.orphaned = 1;
      } else if (JSON.stringify(res.anchor) !== row.anchor) {
        row.anchor = JSON.stringify(res.anchor);
        updateAnchor(db, row.id, row.anchor, false);
      }
    }
    return buildThread(db, row);
  });
  return threads.sort((a, b) => {
    if (a.orphaned !== b.orphaned) return a.orphaned ? 1 : -1;
    const ba = order.get(a.anchor.blockId) ?? Number.MAX_SAFE_INTEGER;
    const bb = order.get(b.anchor.blockId) ?? Number.MAX_SAFE_INTEGER;
    return ba - bb || a.anchor.from - b.anchor.from || a.messages[0]!.createdAt.localeCompare(b.messages[0]!.createdAt);
  });
}

export const countOpenThreads = (db: Db, releaseId: string): number =>
  listThreads(db, releaseId).filter((t) => t.status === 'open').length;

function thread(db: Db, threadId: string): Thread {
  const row = getThreadRow(db, threadId);
  if (!row) throw new WartaError('not_found', 'review.threadNotFound');
  return buildThread(db, row);
}

export function addComment(
  ctx: ReviewContext,
  input: { releaseId: string; blockId: string; from: number; to: number; body: string },
): Thread {
  const { db } = ctx;
  const actor = ctx.actor();
  return db.transaction(() => {
    const release = getRelease(db, input.releaseId);
    const block = textBlocks(release.body).find((b) => b.id === input.blockId);
    if (!block) throw new WartaError('invalid_input', 'review.paragraphNotFound');
    if (input.from >= block.text.length || input.from >= input.to)
      throw new WartaError('invalid_input', 'review.selectWithinParagraph');
    // A selection running on into the next paragraph comments on its part in this one.
    const anchor: Anchor | null = makeAnchor(block, input.from, Math.min(input.to, block.text.length));
    if (!anchor) throw new WartaError('invalid_input', 'review.selectWords');
    const id = uuidv7();
    const now = nowIso();
    putThread(db, {
      id,
      releaseId: input.releaseId,
      anchor: JSON.stringify(anchor),
      quote: anchor.quote,
      body: input.body,
      author: actor.name,
      role: actor.role,
      createdAt: now,
    });
    enqueueReview(db, 'annotation.put', input.releaseId, id, {
      annotationType: 'review.thread',
      data: { anchor, quote: anchor.quote, body: input.body },
    });
    addAuditRecord(db, {
      releaseId: input.releaseId,
      at: now,
      actor: actor.name,
      role: actor.role,
      action: 'comment',
      detail: `“${anchor.quote.slice(0, 80)}”: ${input.body.slice(0, 200)}`,
      ref: `thread:${id}`,
    });
    return thread(db, id);
  })();
}

export function replyToComment(ctx: ReviewContext, input: { threadId: string; body: string }): Thread {
  const { db } = ctx;
  const actor = ctx.actor();
  return db.transaction(() => {
    const t = thread(db, input.threadId);
    const id = uuidv7();
    putReply(db, {
      id,
      threadId: t.id,
      releaseId: t.releaseId,
      body: input.body,
      author: actor.name,
      role: actor.role,
      createdAt: nowIso(),
    });
    enqueueReview(db, 'annotation.put', t.releaseId, id, {
      annotationType: 'review.reply',
      data: { threadId: t.id, body: input.body },
    });
    return thread(db, t.id);
  })();
}

export function setThreadState(ctx: ReviewContext, threadId: string, action: 'resolve' | 'reopen'): Thread {
  const { db } = ctx;
  const actor = ctx.actor();
  return db.transaction(() => {
    const t = thread(db, threadId);
    if ((action === 'resolve') === (t.status === 'resolved')) return t;
    const id = uuidv7();
    const now = nowIso();
    putEvent(db, {
      id,
      threadId: t.id,
      releaseId: t.releaseId,
      action,
      author: actor.name,
      role: actor.role,
      createdAt: now,
    });
    enqueueReview(db, 'annotation.put', t.releaseId, id, {
      annotationType: 'review.event',
      data: { threadId: t.id, action },
    });
    addAuditRecord(db, {
      releaseId: t.releaseId,
      at: now,
      actor: actor.name,
      role: actor.role,
      action,
      detail: `“${t.quote.slice(0, 80)}”`,
      ref: `event:${id}`,
    });
    return thread(db, t.id);
  })();
}
