import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';

/** A file name without path separators or characters Windows refuses (control characters included). */
const safeName = (name: string): string =>
  Array.from(name, (c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c)).join('') || 'rilis.pdf';

/**
 * "Ekspor" → "PDF" on the desktop: the calling page shows the print view for print media, so
 * Chromium's printToPDF of that page is the PDF with the letterhead; the writer chooses where
 * it goes. Returns null when the save dialog was cancelled.
 */
export async function printPageToPdf(sender: WebContents, fileName: string): Promise<{ path: string | null }> {
  const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  const options = {
    defaultPath: safeName(fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { path: null };
  await writeFile(choice.filePath, pdf);
  return { path: choice.filePath };
}
