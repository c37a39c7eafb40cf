import JSZip from 'jszip';
import { MAX_DOCX_BYTES, WartaError } from '../../shared/contract';
import { api } from '../api';
import { readAsBase64 } from '../common/readFile';
import { todayIso } from '../format/dates';
import { base64ToBytes, DOCX_MIME, saveFile, uniqueName } from './download';
import type { TaskResult } from './progress';

type Run = <T>(
  label: string,
  items: T[],
  step: (item: T, index: number, isCancelled: () => boolean) => Promise<void>,
) => Promise<TaskResult>;

/** One release → its .docx; several → one .zip of .docx files, one at a time with a count. */
export async function exportWord(ids: string[], run: Run): Promise<TaskResult> {
  if (ids.length === 1) {
    const file = await api.exportDocx({ id: ids[0]! });
    saveFile(file.fileName, new Blob([base64ToBytes(file.dataBase64)], { type: DOCX_MIME }));
    return { done: 1, cancelled: false };
  }
  const zip = new JSZip();
  const names = new Set<string>();
  const result = await run('documents.exporting', ids, async (id) => {
    const file = await api.exportDocx({ id });
    zip.file(uniqueName(file.fileName, names), base64ToBytes(file.dataBase64));
  });
  if (!result.cancelled && result.done > 0)
    saveFile(`rilis-${todayIso()}.zip`, await zip.generateAsync({ type: 'blob', mimeType: 'application/zip' }));
  return result;
}

export interface ImportedRelease {
  id: string;
  title: string;
  name: string;
  skippedImages: number;
}

/**
 * A .docx → a new release. Too large a file is refused here, before it is read (main checks
 * again); the release is created only after main converted the whole file, and not at all
 * when the writer cancelled meanwhile.
 */
export async function importWordFile(
  file: File,
  fields: { date: string; byline?: string; office?: string },
  isCancelled: () => boolean,
): Promise<ImportedRelease | null> {
  const name = file.name.slice(0, 255);
  if (file.size > MAX_DOCX_BYTES)
    throw new WartaError('too_large', 'docx.tooLarge', {
      name,
      sizeMb: (file.size / 1048576).toFixed(1),
      limitMb: MAX_DOCX_BYTES / 1048576,
    });
  const converted = await api.convertDocx({ name, dataBase64: await readAsBase64(file) });
  if (isCancelled()) return null;
  const release = await api.createRelease({
    fields: {
      ...fields,
      title: converted.title,
      dateline: converted.dateline,
      body: converted.body,
      ...(converted.contact ? { contact: converted.contact } : {}),
    },
  });
  return { id: release.id, title: release.title, name, skippedImages: converted.skippedImages };
}
