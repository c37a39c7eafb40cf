import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { WartaError } from '../../../shared/contract/define';

/** An image of the document, held in memory until the whole conversion has succeeded. */
interface DocxImage {
  sha256: string;
  bytes: Buffer;
}

export interface DocxHtml {
  html: string;
  images: Map<string, DocxImage>;
}

/** Image `src` placeholders the HTML carries until the images are stored. */
export const IMAGE_SRC_PREFIX = 'warta-image:';

/**
 * Word paragraph styles → HTML the import reads: the title (Word's Title style, which our own
 * export writes for the headline), our dateline, number/contact and caption/credit paragraphs, quotes.
 * Everything else follows mammoth's defaults (Heading 1–6 → h1–h6, lists by numbering).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.warta-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Warta Dateline'] => p.warta-dateline:fresh",
  "p[style-name='Warta Release Field'] => p.warta-release-field:fresh",
  "p[style-name='Caption'] => p.warta-caption:fresh",
  "p[style-name='Warta Credit'] => p.warta-credit:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  'comment-reference => !',
];

/** The .docx as HTML (mammoth). A file that is a ZIP but no Word document, or a damaged one, is refused. */
export async function docxToHtml(name: string, bytes: Buffer): Promise<DocxHtml> {
  const images = new Map<string, DocxImage>();
  let n = 0;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        // A document may link files outside itself (file:///…): never read them.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const data = await image.readAsBuffer();
          const key = `${IMAGE_SRC_PREFIX}${n++}`;
          images.set(key, { sha256: createHash('sha256').update(data).digest('hex'), bytes: data });
          return { src: key };
        }),
      },
    );
    return { html: result.value, images };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A ZIP without word/document.xml (an .xlsx, a .zip renamed) is not a Word document.
    if (/main document part|word\/document\.xml/i.test(message))
      throw new WartaError('unsupported_media', 'docx.notDocx', { name });
    throw new WartaError('unsupported_media', 'docx.corrupt', { name });
  }
}
