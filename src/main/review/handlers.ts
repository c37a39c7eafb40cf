import type { Handlers } from '../../shared/contract';
import type { reviewMethods } from '../../shared/contract/review';
import { toStorageError } from '../store/errors';
import type { Store } from '../store/store';
import { ReviewService, type Actor } from './service';

export type ReviewHandlers = Pick<Handlers, keyof typeof reviewMethods>;

/** The person acting here: the enrolled identity, or (not enrolled yet) a local writer. */
export function storeActor(store: Store): () => Actor {
  return () => {
    const id = store.identity();
    return id ? { name: id.name, role: id.role } : { name: store.authorName(), role: 'penulis' };
  };
}

function guarded<A extends unknown[], R>(what: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      throw toStorageError(error, what);
    }
  };
}

/** The review area of the contract (issue 4), backed by the local store. */
export function createReviewHandlers(deps: {
  store: Store;
  service?: ReviewService;
  onChange?: () => void;
}): ReviewHandlers {
  const service = deps.service ?? new ReviewService({ db: deps.store.db, actor: storeActor(deps.store) });
  /** A stored review change: let it travel (the review sync runs in the background). */
  const changed = <T>(value: T): T => {
    deps.onChange?.();
    return value;
  };
  return {
    listThreads: guarded('Memuat komentar', ({ releaseId }) => ({ items: service.listThreads(releaseId) })),
    addComment: guarded('Mengirim komentar', (input) => changed(service.addComment(input))),
    replyToComment: guarded('Mengirim balasan', (input) => changed(service.replyToComment(input))),
    resolveThread: guarded('Menyelesaikan komentar', ({ threadId }) =>
      changed(service.setThreadState(threadId, 'resolve')),
    ),
    reopenThread: guarded('Membuka kembali komentar', ({ threadId }) =>
      changed(service.setThreadState(threadId, 'reopen')),
    ),
    getWorkflow: guarded('Memuat status rilis', ({ releaseId }) => service.getWorkflow(releaseId)),
    transition: guarded('Mengubah status rilis', (input) => changed(service.transition(input))),
    listAudit: guarded('Memuat jejak audit', ({ releaseId }) => ({ items: service.listAudit(releaseId) })),
    reviewQueue: guarded('Memuat antrean tinjauan', () => ({ items: service.reviewQueue() })),
  };
}
