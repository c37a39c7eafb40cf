import type { Schema } from '@tiptap/pm/model';
import type { DocNode } from '../../../shared/domain';
import { isSha256 } from '../../../shared/domain/digest';
import { safeHref } from './sanitize';
import { textOf } from './text';

/** Deeper than any real document; stops a forged one from exhausting the stack. */
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

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');
const int = (v: unknown, min: number, max: number, dflt: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : dflt;

/**
 * The gate's first two steps: only what the shared schema defines survives, review marks are
 * resolved to the text as it stood before them, and every block passes ProseMirror's check.
 * Counts what it dropped or repaired in `report`.
 */
export function normalizeDoc(schema: Schema, body: unknown, report: GateReport): DocNode {
  const raw = isRecord(body) && Array.isArray(body.content) ? body.content : [];
  const blocks: DocNode[] = [];
  let pendingInline: DocNode[] = [];
  const flushInline = (): void => {
    if (pendingInline.length) blocks.push({ type: 'paragraph', content: pendingInline });
    pendingInline = [];
  };
  for (const child of raw) {
    for (const n of normalizeNode(schema, child, report, 1)) {
      const type = schema.nodes[n.type];
      if (type?.isInline) {
        pendingInline.push(n); // forged: inline content straight in the doc
        continue;
      }
      flushInline();
      blocks.push(checkedBlock(schema, n, report));
    }
  }
  flushInline();
  if (!blocks.length) blocks.push({ type: 'paragraph' });
  return { type: 'doc', content: blocks };
}

/** ProseMirror's own content check; a block that fails becomes a paragraph of its text. */
function checkedBlock(schema: Schema, n: DocNode, report: GateReport): DocNode {
  try {
    const node = schema.nodeFromJSON(n);
    node.check();
    if (!node.type.isBlock) throw new Error('not a block');
    return n;
  } catch {
    report.repairedBlocks += 1;
    const text = textOf(n).trim();
    return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
  }
}

function normalizeNode(schema: Schema, input: unknown, report: GateReport, depth: number): DocNode[] {
  if (!isRecord(input) || typeof input.type !== 'string' || depth > MAX_DEPTH) {
    report.droppedNodes += 1;
    return [];
  }
  const type = input.type;
  if (type === 'text') {
    const text = typeof input.text === 'string' ? input.text : '';
    if (!text) return [];
    const marks = normalizeMarks(schema, input.marks, report);
    if (marks === 'drop') return [];
    return [marks.length ? { type: 'text', text, marks } : { type: 'text', text }];
  }
  const nodeType = schema.nodes[type];
  if (!nodeType || type === 'doc') {
    report.droppedNodes += 1;
    return [];
  }
  const attrs = normalizeAttrs(type, isRecord(input.attrs) ? input.attrs : {});
  if (attrs === null) {
    report.droppedNodes += 1;
    return [];
  }
  const out: DocNode = { type };
  if (Object.keys(attrs).length) out.attrs = attrs;
  if (Array.isArray(input.content) && !nodeType.isLeaf) {
    const content = input.content.flatMap((c) => normalizeNode(schema, c, report, depth + 1));
    if (content.length) out.content = content;
  }
  return [out];
}

/** Only the attributes the schema declares, each coerced to what the page may show. */
function normalizeAttrs(type: string, a: JsonRecord): JsonRecord | null {
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

function normalizeMarks(
  schema: Schema,
  input: unknown,
  report: GateReport,
): { type: string; attrs?: JsonRecord }[] | 'drop' {
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
    if (!schema.marks[mark.type]) {
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
