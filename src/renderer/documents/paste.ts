import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { MAX_IMAGE_BYTES, WartaError } from '../../shared/contract';
import { cleanPastedHtml, plainTextToHtml } from '../../shared/editor/paste';
import { api, errorMessage } from '../api';
import { ImageTooLargeError, importImageFile } from '../editor/imageFile';

/** Reports a pasted image that could not become an attachment (too large, not an image). */
type ReportPasteError = (message: string) => void;

const dataUrlBytes = (src: string): number => Math.floor(((src.length - src.indexOf(',') - 1) * 3) / 4);

/**
 * An image of the paste as an attachment: a data: URL is imported as is; a path or URL the
 * page cannot read (Word's file:///…/clip_image001.png, a Google Docs image) takes the
 * clipboard's image file of the same rank, when the program put one there.
 */
async function importPastedImage(
  src: string,
  file: File | undefined,
  report: ReportPasteError,
): Promise<string | null> {
  try {
    if (/^data:image\//i.test(src)) {
      if (dataUrlBytes(src) > MAX_IMAGE_BYTES) throw new ImageTooLargeError(dataUrlBytes(src));
      return (await api.importImage({ name: 'tempelan', dataBase64: src })).attachment;
    }
    return file ? await importImageFile(file) : null;
  } catch (error) {
    report(errorMessage(error instanceof ImageTooLargeError ? tooLarge(error.bytes) : error));
    return null;
  }
}

const tooLarge = (bytes: number) =>
  new WartaError('too_large', 'image.tooLarge', {
    name: 'tempelan',
    sizeMb: (bytes / 1048576).toFixed(1),
    limitMb: MAX_IMAGE_BYTES / 1048576,
  });

async function pasteWithImages(
  editor: Editor,
  html: string,
  sources: string[],
  files: File[],
  report: ReportPasteError,
) {
  const map = new Map<number, string>();
  let fileIndex = 0;
  for (const [i, src] of sources.entries()) {
    const file = /^data:/i.test(src) ? undefined : files[fileIndex++];
    const sha = await importPastedImage(src, file, report);
    if (sha) map.set(i, sha);
  }
  if (editor.isDestroyed) return;
  editor.commands.focus();
  editor.view.pasteHTML(cleanPastedHtml(html, { imageAttachment: (_src, i) => map.get(i) ?? null }));
}

/**
 * The cleaned HTML goes through ProseMirror's own paste (view.pasteHTML), so a sentence pasted
 * into a paragraph joins it rather than splitting it; that second pass calls this handler with
 * an event without clipboard data, which it leaves to ProseMirror.
 *
 * Paste through the shared cleaner: Word, Google Docs and LibreOffice keep their structure
 * and lose their fonts, colours, comments and junk; the schema then drops what it does not
 * define. Pasted images become attachments first (checked and capped in main like any image).
 */
export const CleanPaste = Extension.create<{ report: ReportPasteError }>({
  name: 'wartaCleanPaste',
  addOptions() {
    return { report: () => undefined };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const report = (message: string) => this.options.report(message);
    return [
      new Plugin({
        key: new PluginKey('wartaCleanPaste'),
        props: {
          // Dropped HTML (dragged from another program) goes through the same cleaner; its
          // images, which cannot be read here, are left out.
          transformPastedHTML: (html) => cleanPastedHtml(html),
          handlePaste: (view, event) => {
            const data = event.clipboardData;
            if (!data) return false;
            const html = data.getData('text/html');
            const files = Array.from(data.files).filter((f) => f.type.startsWith('image/'));
            if (!html) {
              const text = data.getData('text/plain');
              if (text) {
                view.pasteHTML(plainTextToHtml(text));
                return true;
              }
              if (files.length === 0) return false;
              // A screenshot or a copied image file: each becomes a figure.
              void pasteWithImages(
                editor,
                files.map(() => '<img src="clipboard:file">').join(''),
                files.map(() => 'clipboard:file'),
                files,
                report,
              );
              return true;
            }
            const sources: string[] = [];
            cleanPastedHtml(html, { imageAttachment: (src) => (sources.push(src), null) });
            if (sources.length === 0) {
              view.pasteHTML(cleanPastedHtml(html));
              return true;
            }
            void pasteWithImages(editor, html, sources, files, report);
            return true;
          },
        },
      }),
    ];
  },
});
