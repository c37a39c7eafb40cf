import type { DocNode } from '../../../shared/domain/doc';
import { importImage, type Store } from '../../store';
import { checkDocxBytes } from './check-file';
import { checkZipEntries } from './zip-entries';
import { docxToHtml } from './docx-to-html';
import { htmlToFields, type ImportedFields } from './html-to-fields';

export interface ConvertedDocx extends ImportedFields {
  images: number;
  skippedImages: number;
}

function figureAttachments(node: DocNode, out: Set<string>): Set<string> {
  if (node.type === 'figure' && typeof node.attrs?.['attachment'] === 'string') out.add(node.attrs['attachment']);
  for (const c of node.content ?? []) figureAttachments(c, out);
  return out;
}

function withoutFigures(node: DocNode, drop: Set<string>): DocNode {
  if (!node.content) return node;
  const content = node.content
    .filter((c) => !(c.type === 'figure' && drop.has(String(c.attrs?.['attachment']))))
    .map((c) => withoutFigures(c, drop));
  return { ...node, content };
}

/**
 * A .docx → a new release's fields. The file is checked by size and content first; its images
 * are stored as attachments only once the whole document converted (so a refused file stores
 * nothing), each through the same checks and cap as any image; one that fails is left out.
 */
export async function convertDocx(store: Store, name: string, bytes: Buffer): Promise<ConvertedDocx> {
  checkDocxBytes(name, bytes);
  checkZipEntries(name, bytes);
  const { html, images } = await docxToHtml(name, bytes);
  const fields = htmlToFields(html, (src) => images.get(src)?.sha256 ?? null);
  const used = figureAttachments(fields.body, new Set());
  const failed = new Set<string>();
  let stored = 0;
  for (const image of images.values()) {
    if (!used.has(image.sha256) || failed.has(image.sha256)) continue;
    try {
      importImage(store, `${name} (gambar)`, image.bytes.toString('base64'));
      stored += 1;
    } catch {
      failed.add(image.sha256); // an EMF drawing, a 40 MB photo: the text still comes in
    }
  }
  const body = failed.size ? withoutFigures(fields.body, failed) : fields.body;
  const title = fields.title || name.replace(/\.docx$/i, '').slice(0, 300);
  return { ...fields, title, body, images: stored, skippedImages: failed.size };
}
