import { getSchema } from '@tiptap/core';
import type { AnyExtension } from '@tiptap/core';
import { DOMSerializer } from '@tiptap/pm/model';
import type { Schema } from '@tiptap/pm/model';
import sanitizeHtml from 'sanitize-html';
import { editorExtensions, isAllowedLink } from '../../../shared/editor';
import type { DocNode } from '../../../shared/domain';
import { isSha256, SHA256_HEX } from '../../../shared/domain/digest';
import { mediaPath, BODY_IMAGE_SIZE, srcsetFor } from '../media/sizes';
import { miniDocument } from './string-dom';

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

const MAX_DEPTH = 40;

/** Marks the review workflow adds. Never published; matched by name, whatever the spelling. */
const isSuggestedInsertion = (mark: { type: string; attrs?: Record<string, unknown> }): boolean => {
  const t = mark.type.toLowerCase();
  if (
    /^(suggestion_?)?(insert|insertion|add|addition)$/.test(t) ||
    /^suggest(ion)?_?(insert|insertion|add|addition)$/.test(t)
  )
    return true;
  if (/^suggest(ion)?$/.test(t)) {
    const kind = String(mark.attrs?.kind ?? mark.attrs?.type ?? mark.attrs?.op ?? '').toLowerCase();
    return /^(insert|insertion|add|addition)$/.test(kind);
  }
  return false;
};
const isReviewMark = (type: string): boolean => /suggest|comment|insertion|deletion|annotation|^ins$|^del$/i.test(type);

export interface GateReport {
  droppedNodes: number;
  droppedMarks: number;
  droppedLinks: number;
  droppedSuggestions: number;
  repairedBlocks: number;
}

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

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');
const int = (v: unknown, min: number, max: number, dflt: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : dflt;

/** A link href passes only when it is a plain http(s)/mailto URL with nothing hidden in it. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const href = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (!href || href.length > 2048 || /[\u0000-\u001f\u007f\s<>"'`\\]/.test(href)) return null;
  if (!isAllowedLink(href)) return null;
  try {
    const u = new URL(href);
    if (!['http:', 'https:', 'mailto:'].includes(u.protocol)) return null;
  } catch {
    return null;
  }
  return href;
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
    const doc = this.normalizeDoc(body, report);
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

  private normalizeDoc(body: unknown, report: GateReport): DocNode {
    const raw = isRecord(body) && Array.isArray(body.content) ? body.content : [];
    const blocks: DocNode[] = [];
    let pendingInline: DocNode[] = [];
    const flushInline = (): void => {
      if (pendingInline.length) blocks.push({ type: 'paragraph', content: pendingInline });
      pendingInline = [];
    };
    for (const child of raw) {
      for (const n of this.normalizeNode(child, report, 1)) {
        const type = this.schema.nodes[n.type];
        if (type?.isInline) {
          pendingInline.push(n); // forged: inline content straight in the doc
          continue;
        }
        flushInline();
        blocks.push(this.checkedBlock(n, report));
      }
    }
    flushInline();
    if (!blocks.length) blocks.push({ type: 'paragraph' });
    return { type: 'doc', content: blocks };
  }

  /** ProseMirror's own content check; a block that fails becomes a paragraph of its text. */
  private checkedBlock(n: DocNode, report: GateReport): DocNode {
    try {
      const node = this.schema.nodeFromJSON(n);
      node.check();
      if (!node.type.isBlock) throw new Error('not a block');
      return n;
    } catch {
      report.repairedBlocks += 1;
      const text = textOf(n).trim();
      return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
    }
  }

  private normalizeNode(input: unknown, report: GateReport, depth: number): DocNode[] {
    if (!isRecord(input) || typeof input.type !== 'string' || depth > MAX_DEPTH) {
      report.droppedNodes += 1;
      return [];
    }
    const type = input.type;
    if (type === 'text') {
      const text = typeof input.text === 'string' ? input.text : '';
      if (!text) return [];
      const marks = this.normalizeMarks(input.marks, report);
      if (marks === 'drop') return [];
      return [marks.length ? { type: 'text', text, marks } : { type: 'text', text }];
    }
    const nodeType = this.schema.nodes[type];
    if (!nodeType || type === 'doc') {
      report.droppedNodes += 1;
      return [];
    }
    const attrs = this.normalizeAttrs(type, isRecord(input.attrs) ? input.attrs : {});
    if (attrs === null) {
      report.droppedNodes += 1;
      return [];
    }
    const out: DocNode = { type };
    if (Object.keys(attrs).length) out.attrs = attrs;
    if (Array.isArray(input.content) && !nodeType.isLeaf) {
      const content = input.content.flatMap((c) => this.normalizeNode(c, report, depth + 1));
      if (content.length) out.content = content;
    }
    return [out];
  }

  /** Only the attributes the schema declares, each coerced to what the page may show. */
  private normalizeAttrs(type: string, a: JsonRecord): JsonRecord | null {
    switch (type) {
      case 'heading':
        return { level: int(a.level, 2, 4, a.level === 1 ? 2 : a.level === 5 || a.level === 6 ? 4 : 2) };
      case 'orderedList':
        return { start: int(a.start, 1, 100_000, 1) };
      case 'codeBlock':
        return {
          language: typeof a.language === 'string' && /^[a-z0-9+#-]{1,20}$/i.test(a.language) ? a.language : null,
        };
      case 'figure': {
        if (typeof a.attachment !== 'string' || !isSha256(a.attachment)) return null;
        return {
          attachment: a.attachment,
          alt: str(a.alt, 500),
          caption: str(a.caption, 500),
          credit: str(a.credit, 200),
        };
      }
      case 'tableCell':
      case 'tableHeader':
        return { colspan: int(a.colspan, 1, 20, 1), rowspan: int(a.rowspan, 1, 50, 1) };
      default:
        return {};
    }
  }

  private normalizeMarks(input: unknown, report: GateReport): { type: string; attrs?: JsonRecord }[] | 'drop' {
    if (!Array.isArray(input)) return [];
    const out: { type: string; attrs?: JsonRecord }[] = [];
    for (const m of input) {
      if (!isRecord(m) || typeof m.type !== 'string') continue;
      const mark = { type: m.type, attrs: isRecord(m.attrs) ? m.attrs : {} };
      if (isSuggestedInsertion(mark)) {
        report.droppedSuggestions += 1;
        return 'drop'; // publish the text as it was before the unaccepted suggestion
      }
      if (isReviewMark(mark.type)) continue; // deletions stay as plain text; comments unwrap
      if (!this.schema.marks[mark.type]) {
        report.droppedMarks += 1;
        continue;
      }
      if (mark.type === 'link') {
        const href = safeHref(mark.attrs.href);
        if (!href) {
          report.droppedLinks += 1;
          continue;
        }
        out.push({ type: 'link', attrs: { href } });
        continue;
      }
      if (!out.some((o) => o.type === mark.type)) out.push({ type: mark.type });
    }
    return out;
  }
}

export function textOf(n: DocNode): string {
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  const inner = (n.content ?? [])
    .map(textOf)
    .join(n.type === 'doc' || n.type === 'blockquote' || /List|table|Row/.test(n.type) ? ' ' : '');
  if (n.type === 'figure')
    return [n.attrs?.caption, n.attrs?.credit].filter((v) => typeof v === 'string' && v).join(' ');
  return inner;
}

export const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const MEDIA_SRC = new RegExp(`^/media/(${SHA256_HEX})/w\\d+\\.(jpg|webp)$`);

/** The last word: an allowlist of exactly what the shared schema renders. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'h2',
      'h3',
      'h4',
      'blockquote',
      'ul',
      'ol',
      'li',
      'hr',
      'strong',
      'em',
      's',
      'u',
      'a',
      'pre',
      'code',
      'table',
      'tbody',
      'tr',
      'th',
      'td',
      'figure',
      'figcaption',
      'img',
      'span',
    ],
    allowedAttributes: {
      a: ['href', 'rel'],
      ol: ['start'],
      th: ['colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
      img: ['src', 'srcset', 'sizes', 'alt', 'loading', 'decoding'],
      span: ['class'],
      code: ['class'],
    },
    allowedClasses: { span: ['caption', 'credit'], code: [/^language-[a-z0-9+#-]{1,20}$/i] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = safeHref(attribs.href);
        return { tagName, attribs: href ? { href, rel: 'noopener noreferrer nofollow' } : {} };
      },
      img: (tagName, attribs): sanitizeHtml.Tag => {
        const m = MEDIA_SRC.exec(attribs.src ?? '');
        if (!m) return { tagName, attribs: {} };
        const sha = m[1] as string;
        return {
          tagName,
          attribs: {
            src: attribs.src ?? '',
            srcset: srcsetFor(sha),
            sizes: '(max-width: 720px) 100vw, 720px',
            alt: attribs.alt ?? '',
            loading: 'lazy',
            decoding: 'async',
          },
        };
      },
    },
    // An <img> without a local media source, or a link without a safe href, is dropped/unwrapped.
    exclusiveFilter: (frame) => frame.tag === 'img' && !MEDIA_SRC.test(frame.attribs.src ?? ''),
  });
}
