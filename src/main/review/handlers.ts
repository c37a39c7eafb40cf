import type { Handlers } from '../../shared/contract';
import type { reviewMethods } from '../../shared/contract/review';
import type { StorageAction } from '../../shared/errors/reasons';
import { type Store, toStorageError } from '../store';
import type { Actor, ReviewContext } from './actor';
import { listAudit } from './audit';
import { reviewQueue } from './queue';
import { addComment, listThreads, replyToComment, setThreadState } from './threads';
import { getWorkflow, transition } from './workflow';

export type ReviewHandlers = Pick<Handlers, keyof typeof reviewMethods>;

/** The person acting here: the enrolled identity, or (not enrolled yet) a local writer. */
function storeActor(store: Store): () => Actor {
  return () => {
    const id = store.identity();
    return id ? { name: id.name, role: id.role } : { name: store.authorName(), role: 'penulis' };
  };
}

function guarded<A extends unknown[], R>(action: StorageAction, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      throw toStorageError(error, action);
    }
  };
}

/**
 * The review area of the contract, backed by the local store. Every change is written together
 * with its review-outbox row in one transaction, so it travels to HQ exactly as stored.
 */
export function createReviewHandlers(deps: { store: Store; onChange?: () => void }): ReviewHandlers {
  const ctx: ReviewContext = { db: deps.store.db, actor: storeActor(deps.store) };
  const { db } = ctx;
  /** A stored review change: let it travel (the review sync runs in the background). */
  const changed = <T>(value: T): T => {
    deps.onChange?.();
    return value;
  };
  return {
    listThreads: guarded('listComments', ({ releaseId }) => ({ items: listThreads(db, releaseId) })),
    addComment: guarded('addComment', (input) => changed(addComment(ctx, input))),
    replyToComment: guarded('replyToComment', (input) => changed(replyToComment(ctx, input))),
    resolveThread: guarded('resolveThread', ({ threadId }) => changed(setThreadState(ctx, threadId, 'resolve'))),
    reopenThread: guarded('reopenThread', ({ threadId }) => changed(setThreadState(ctx, threadId, 'reopen'))),
    getWorkflow: guarded('getWorkflow', ({ releaseId }) => getWorkflow(ctx, releaseId)),
    transition: guarded('transition', (input) => changed(transition(ctx, input))),
    listAudit: guarded('listAudit', ({ releaseId }) => ({ items: listAudit(ctx, releaseId) })),
    reviewQueue: guarded('reviewQueue', () => ({ items: reviewQueue(db) })),
  };
}
