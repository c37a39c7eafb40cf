import { WartaError, type Handlers } from '../../shared/contract';
import type { documentMethods } from '../../shared/contract/documents';
import { slugify } from '../../shared/text/slugify';
import { getRelease, readAttachment, toStorageError, type Store } from '../store';
import { readAttachmentFile, releaseToDocx } from './export/docx';
import { convertDocx } from './import';

export type DocumentHandlers = Pick<Handlers, keyof typeof documentMethods>;

/** Word in and out: .docx import (as fields of a new release) and export, on the local store. */
export function createDocumentHandlers(store: Store): DocumentHandlers {
  return {
    convertDocx: async ({ name, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64.replace(/^data:[^,]*;base64,/i, ''), 'base64');
      return convertDocx(store, name, bytes);
    },
    exportDocx: async ({ id }) => {
      let release;
      try {
        release = getRelease(store.db, id);
      } catch (error) {
        throw toStorageError(error, 'openRelease');
      }
      const bytes = await releaseToDocx(
        release,
        readAttachmentFile((sha) => readAttachment(store, sha)),
      );
      const base = release.slug || slugify(release.title) || 'rilis';
      return { fileName: `${base}.docx`, dataBase64: bytes.toString('base64') };
    },
    // The desktop shell answers this itself (it needs the calling window); the web host cannot.
    printPdf: () => {
      throw new WartaError('invalid_input', 'contract.notAvailable', { method: 'printPdf' });
    },
  };
}
