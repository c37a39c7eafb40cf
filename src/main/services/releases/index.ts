import { WartaError, type Handlers } from '../../../shared/contract';
import type { releaseMethods } from '../../../shared/contract/releases';
import type { StorageAction } from '../../../shared/errors/reasons';
import {
  backupDatabase,
  commitRelease,
  createRelease,
  deleteRelease,
  getRelease,
  getRevision,
  importImage,
  listReleases,
  listRevisions,
  listTrash,
  purgeTrash,
  restoreRelease,
  requireRow,
  searchReleases,
  type Store,
  toStorageError,
} from '../../store';

export type ReleaseHandlers = Pick<Handlers, keyof typeof releaseMethods>;

/** Runs a store call, turning disk-full / read-only / lock failures into messages for the writer. */
function guarded<A extends unknown[], R>(action: StorageAction, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      const out = fn(...args);
      if (out instanceof Promise) return out.catch((e: unknown) => Promise.reject(toStorageError(e, action))) as R;
      return out;
    } catch (error) {
      throw toStorageError(error, action);
    }
  };
}

/** The releases area of the contract, backed by the local store. */
export function createReleaseHandlers(store: Store): ReleaseHandlers {
  const { db } = store;
  // Releases deleted more than TRASH_DAYS ago (and known to HQ) are forgotten at each start.
  purgeTrash(db);
  return {
    createRelease: guarded('createRelease', ({ fields }) => createRelease(store, fields ?? {})),
    getRelease: guarded('openRelease', ({ id }) => getRelease(db, id)),
    saveRelease: guarded('saveRelease', ({ id, fields, expectedRev }) => {
      // Checked and committed in one synchronous turn: nothing can store in between.
      if (expectedRev !== undefined && requireRow(db, id).local_rev !== expectedRev) {
        throw new WartaError('conflict', 'release.changedSince', { id, rev: expectedRev });
      }
      return commitRelease(store, id, fields, { author: store.authorName(), reason: 'edited', outbox: 'save' });
    }),
    deleteRelease: guarded('deleteRelease', ({ id }) => {
      deleteRelease(store, id);
      return { deleted: true as const };
    }),
    listTrash: guarded('listTrash', () => ({ items: listTrash(db) })),
    restoreRelease: guarded('restoreRelease', ({ id }) => restoreRelease(store, id)),
    listReleases: guarded('listReleases', (q) => listReleases(db, q)),
    searchReleases: guarded('searchReleases', ({ query, limit }) => ({ items: searchReleases(db, query, limit) })),
    listRevisions: guarded('listRevisions', ({ releaseId }) => {
      requireRow(db, releaseId);
      return { items: listRevisions(db, releaseId) };
    }),
    getRevision: guarded('openRevision', ({ releaseId, rev }) => {
      const revision = getRevision(db, releaseId, rev);
      if (!revision) throw new WartaError('not_found', 'revision.notFound', { rev, releaseId });
      return revision;
    }),
    restoreRevision: guarded('restoreRevision', ({ releaseId, rev }) => {
      const revision = getRevision(db, releaseId, rev);
      if (!revision) throw new WartaError('not_found', 'revision.notFound', { rev, releaseId });
      // The slug is not restored: a chosen slug (perhaps already public) stays; an automatic one follows the title.
      const { slug: _slug, ...fields } = revision.fields;
      return commitRelease(store, releaseId, fields, {
        author: store.authorName(),
        reason: 'restored',
        outbox: 'save',
        restoredFrom: rev,
      });
    }),
    importImage: guarded('importImage', ({ name, dataBase64 }) => importImage(store, name, dataBase64)),
    backupDatabase: guarded('backup', () => backupDatabase(store)),
  };
}
