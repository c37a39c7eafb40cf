import { z } from 'zod';
import { DocSchema } from '../domain/doc';
import { ContactSchema, IdSchema } from '../domain/release';
import { method } from './define';

/**
 * A Word document to import: at most this many bytes. Chosen so that the file as base64 fits
 * the web host's 16 MiB request body with room to spare; the renderer checks a file's size
 * before reading it, main checks again.
 */
export const MAX_DOCX_BYTES = 10 * 1024 * 1024;
/** Generous on purpose: a larger file must reach main and be refused there with its size named. */
const MAX_DOCX_BASE64 = 128 * 1024 * 1024;

export const documentMethods = {
  /**
   * A .docx made into a release's fields, without storing the release: the renderer creates it
   * (or not, when the writer cancelled). Its images are stored as attachments, checked and
   * capped like any other image; nothing is stored for a file that is refused.
   */
  convertDocx: method(
    z.object({ name: z.string().max(255), dataBase64: z.string().max(MAX_DOCX_BASE64) }),
    z.object({
      title: z.string().max(300),
      dateline: z.string().max(100),
      /** The contact person, when the file is a release this app exported. */
      contact: ContactSchema.nullable(),
      body: DocSchema,
      /** Images that became attachments, and images left out (an unsupported format or too large). */
      images: z.number().int().nonnegative(),
      skippedImages: z.number().int().nonnegative(),
    }),
  ),
  /** One release as a Word document: its file name and bytes as base64. */
  exportDocx: method(z.object({ id: IdSchema }), z.object({ fileName: z.string(), dataBase64: z.string() })),
  /**
   * Desktop only: the calling page (showing the print view) printed to a PDF the writer saves
   * (Electron's printToPDF); `path` is null when the save was cancelled. The web host has no
   * Electron: its page prints with the browser's own dialog instead.
   */
  printPdf: method(z.object({ fileName: z.string().max(200) }), z.object({ path: z.string().nullable() })),
};
