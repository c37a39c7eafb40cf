import { WartaError, type Handlers } from '../../../shared/contract';
import type { releaseMethods } from '../../../shared/contract/releases';
import { backupDatabase } from '../../store/backup';
import { importImage } from '../../store/attachments';
import { toStorageError } from '../../store/errors';
import {
  commitRelease,
  createRelease,
  deleteRelease,
  getRelease,
  listReleases,
  requireRow,
} from '../../store/releases';
import { getRevision, listRevisions } from '../../store/revisions';
import { searchReleases } from '../../store/search';
import type { Store } from '../../store/store';

export type ReleaseHandlers = Pick<Handlers, keyof typeof releaseMethods>;

/** Runs a store call, turning disk-full / read-only / lock failures into messages for the writer. */
function guarded<A extends unknown[], R>(what: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      const out = fn(...args);
      if (out instanceof Promise) return out.catch((e: unknown) => Promise.reject(toStorageError(e, what))) as R;
      return out;
    } catch (error) {
      throw toStorageError(error, what);
    }
  };
}

/** The releases area of the contract, backed by the local store. */
export function createReleaseHandlers(store: Store): ReleaseHandlers {
  const { db } = store;
  return {
    createRelease: guarded('Membuat rilis', ({ fields }) => createRelease(store, fields ?? {})),
    getRelease: guarded('Membuka rilis', ({ id }) => getRelease(db, id)),
    saveRelease: guarded('Menyimpan rilis', ({ id, fields, expectedRev }) => {
      // Checked and committed in one synchronous turn: nothing can store in between.
      if (expectedRev !== undefined && requireRow(db, id).local_rev !== expectedRev) {
        throw new WartaError('conflict', `Rilis ${id} sudah berubah sejak revisi lokal ${expectedRev}`);
      }
      return commitRelease(store, id, fields, { author: store.authorName(), reason: 'edited', outbox: 'save' });
    }),
    deleteRelease: guarded('Menghapus rilis', ({ id }) => {
      deleteRelease(store, id);
      return { deleted: true as const };
    }),
    listReleases: guarded('Memuat daftar rilis', (q) => listReleases(db, q)),
    searchReleases: guarded('Mencari rilis', ({ query, limit }) => ({ items: searchReleases(db, query, limit) })),
    listRevisions: guarded('Memuat riwayat', ({ releaseId }) => {
      requireRow(db, releaseId);
      return { items: listRevisions(db, releaseId) };
    }),
    getRevision: guarded('Membuka revisi', ({ releaseId, rev }) => {
      const revision = getRevision(db, releaseId, rev);
      if (!revision) throw new WartaError('not_found', `Revisi ${rev} dari rilis ${releaseId} tidak ditemukan.`);
      return revision;
    }),
    restoreRevision: guarded('Memulihkan revisi', ({ releaseId, rev }) => {
      const revision = getRevision(db, releaseId, rev);
      if (!revision) throw new WartaError('not_found', `Revisi ${rev} dari rilis ${releaseId} tidak ditemukan.`);
      // The slug is not restored: a chosen slug (perhaps already public) stays; an automatic one follows the title.
      const { slug: _slug, ...fields } = revision.fields;
      return commitRelease(store, releaseId, fields, {
        author: store.authorName(),
        reason: 'restored',
        outbox: 'save',
        restoredFrom: rev,
      });
    }),
    importImage: guarded('Mengimpor gambar', ({ name, dataBase64 }) => importImage(store, name, dataBase64)),
    backupDatabase: guarded('Mencadangkan', () => backupDatabase(store)),
  };
}
