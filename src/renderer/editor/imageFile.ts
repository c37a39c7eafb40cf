import { MAX_IMAGE_BYTES } from '../../shared/contract';
import { api } from '../api';
import { readAsBase64 } from '../common/readFile';

export class ImageTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super('image too large');
  }
}

/**
 * Stores an image from disk in the data dir (checked by its content in main) and returns its
 * sha256. Oversized files are refused here first so the writer is told before a long upload.
 */
export async function importImageFile(file: File): Promise<string> {
  if (file.size > MAX_IMAGE_BYTES) throw new ImageTooLargeError(file.size);
  const dataBase64 = await readAsBase64(file);
  const stored = await api.importImage({ name: file.name.slice(0, 255), dataBase64 });
  return stored.attachment;
}
