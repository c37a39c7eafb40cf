import { getSchema } from '@tiptap/core';
import type { AnyExtension } from '@tiptap/core';
import { DOMSerializer } from '@tiptap/pm/model';
import type { Schema } from '@tiptap/pm/model';
import { editorExtensions } from '../../../shared/editor';
import type { DocNode } from '../../../shared/domain';
import { mediaPath, BODY_IMAGE_SIZE } from '../media/sizes';
import { normalizeDoc, type GateReport } from './normalize';
import { sanitizeBody } from './sanitize';
import { miniDocument } from './string-dom';
import { escapeText, textOf } from './text';

/**
 * THE rendering gate: the only way stored TipTap JSON becomes public HTML.
 *   1. normalize: keep only nodes, marks and attributes the shared editor schema defines, drop
 *      review marks (unaccepted suggested insertions vanish, suggested deletions stay as plain
 *      text, comment highlights are unwrapped), refuse links that are not http/https/mailto;
 *   2. schema check: ProseMirror validates the result; a block that still does not fit is
 *      reduced to a paragraph of its text;
 *   3. generate HTML with the shared extensions' own renderHTML (ProseMirror's DOMSerializer
 *      over the schema built once, writing into a minimal string DOM);
 *   4. allowlist sanitizer (sanitize-html) as the last word, whatever 1–3 let through.
 * Bump RENDER_VERSION when the output changes: stored HTML of an older version is re-rendered.
 */
export const RENDER_VERSION = 1;

export interface RenderedBody {
  html: string;
  text: string;
  /** The normalized document that was rendered. */
  doc: DocNode;
  report: GateReport;
}

export interface GateOptions {
  /** The URL of an attachment's body-size rendition. */
  mediaUrl?: (sha256: string) => string;
}

export class RenderGate {
  private readonly extensions: AnyExtension[];
  private readonly schema: Schema;
  private readonly serializer: DOMSerializer;

  constructor(options: GateOptions = {}) {
    const mediaUrl = options.mediaUrl ?? ((sha: string) => mediaPath(sha, BODY_IMAGE_SIZE, 'jpg'));
    this.extensions = editorExtensions({ generateIds: false, mediaUrl });
    this.schema = getSchema(this.extensions);
    this.serializer = DOMSerializer.fromSchema(this.schema);
  }

  /** What @tiptap/html's generateHTML does, without rebuilding the schema and a DOM per call. */
  private toHtml(doc: DocNode): string {
    const node = this.schema.nodeFromJSON(doc);
    const wrap = miniDocument.createElement('div');
    type Args = Parameters<DOMSerializer['serializeFragment']>;
    this.serializer.serializeFragment(
      node.content,
      { document: miniDocument } as unknown as Args[1],
      wrap as unknown as Args[2],
    );
    return wrap.innerHTML;
  }

  render(body: unknown): RenderedBody {
    const report: GateReport = {
      droppedNodes: 0,
      droppedMarks: 0,
      droppedLinks: 0,
      droppedSuggestions: 0,
      repairedBlocks: 0,
    };
    const doc = normalizeDoc(this.schema, body, report);
    let html: string;
    try {
      html = this.toHtml(doc);
    } catch {
      // Should not happen after the schema check; fall back to the text, never to raw input.
      html = (doc.content ?? []).map((b) => `<p>${escapeText(textOf(b))}</p>`).join('');
      report.repairedBlocks += 1;
    }
    return { html: sanitizeBody(html), text: textOf(doc).replace(/\s+/g, ' ').trim(), doc, report };
  }
}
