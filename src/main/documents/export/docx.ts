import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DocNode } from '../../../shared/domain/doc';
import type { Release } from '../../../shared/domain/release';
import { isAllowedLink } from '../../../shared/editor/extensions';
import { SUGGESTION_INSERT } from '../../../shared/editor/review/names';
import { dateline } from '../../../shared/text/dateline';
import { contactLine, numberLine } from '../../../shared/text/release-lines';
import { imageSize } from './image-size';

/** An attachment's bytes and type, or null when the file is not on this workstation. */
export type AttachmentReader = (sha256: string) => { bytes: Buffer; mime: string } | null;

type Block = Paragraph | Table;

const HEADINGS = { 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;
/** Page width between margins, in pixels at 96 dpi (A4, 2.5 cm margins): the widest an image gets. */
const MAX_IMAGE_WIDTH = 600;
const IMAGE_TYPES: Record<string, 'png' | 'jpg' | 'gif'> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};

/** Paragraph styles the import reads back (docs: src/main/documents/import/docx-to-html.ts). */
const PARAGRAPH_STYLES = [
  {
    id: 'Quote',
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    run: { italics: true },
    paragraph: { indent: { left: 720 } },
  },
  { id: 'WartaDateline', name: 'Warta Dateline', basedOn: 'Normal', next: 'Normal', run: { bold: true } },
  { id: 'WartaReleaseField', name: 'Warta Release Field', basedOn: 'Normal', next: 'Normal', run: { size: 20 } },
  { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { italics: true, size: 18 } },
  { id: 'WartaCredit', name: 'Warta Credit', basedOn: 'Normal', next: 'Normal', run: { size: 16, color: '555555' } },
];

const listLevels = (ordered: boolean) =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered
      ? [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!
      : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

class Builder {
  /** Each list gets its own numbering instance, so a second numbered list starts again at 1. */
  private listInstance = 0;
  constructor(private readonly readAttachment: AttachmentReader) {}

  inlines(nodes: DocNode[] | undefined): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const n of nodes ?? []) {
      if (n.type === 'hardBreak') {
        out.push(new TextRun({ break: 1 }));
        continue;
      }
      if (n.type !== 'text' || !n.text) continue;
      const marks = new Map((n.marks ?? []).map((m) => [m.type, m.attrs ?? {}]));
      // An edit suggested and not accepted is not part of the release's text.
      if (marks.has(SUGGESTION_INSERT)) continue;
      const href = String(marks.get('link')?.['href'] ?? '');
      const run = new TextRun({
        text: n.text,
        bold: marks.has('bold'),
        italics: marks.has('italic'),
        strike: marks.has('strike'),
        ...(marks.has('underline') ? { underline: {} } : {}),
        ...(href ? { style: 'Hyperlink' } : {}),
      });
      out.push(href && isAllowedLink(href) ? new ExternalHyperlink({ link: href, children: [run] }) : run);
    }
    return out;
  }

  blocks(nodes: DocNode[] | undefined, style?: string): Block[] {
    return (nodes ?? []).flatMap((n) => this.block(n, style));
  }

  private block(n: DocNode, style?: string): Block[] {
    switch (n.type) {
      case 'paragraph':
        return [new Paragraph({ children: this.inlines(n.content), ...(style ? { style } : {}) })];
      case 'heading': {
        const level = HEADINGS[Number(n.attrs?.['level']) as keyof typeof HEADINGS] ?? HeadingLevel.HEADING_3;
        return [new Paragraph({ heading: level, children: this.inlines(n.content) })];
      }
      case 'blockquote':
        return this.blocks(n.content, 'Quote');
      case 'bulletList':
      case 'orderedList':
        return this.list(n, 0);
      case 'table':
        return [this.table(n)];
      case 'figure':
        return this.figure(n);
      case 'horizontalRule':
        return [new Paragraph({ thematicBreak: true, children: [] })];
      case 'codeBlock':
        return [new Paragraph({ children: [new TextRun({ text: textOf(n), font: 'Courier New' })] })];
      default:
        return n.content ? this.blocks(n.content, style) : [];
    }
  }

  private list(n: DocNode, level: number): Block[] {
    const reference = n.type === 'orderedList' ? 'warta-number' : 'warta-bullet';
    const instance = ++this.listInstance;
    const out: Block[] = [];
    for (const item of n.content ?? []) {
      for (const child of item.content ?? []) {
        if (child.type === 'bulletList' || child.type === 'orderedList') out.push(...this.list(child, level + 1));
        else if (child.type === 'paragraph')
          out.push(new Paragraph({ children: this.inlines(child.content), numbering: { reference, level, instance } }));
        else out.push(...this.block(child));
      }
    }
    return out;
  }

  private table(n: DocNode): Table {
    const rows = (n.content ?? []).map((row) => {
      const cells = row.content ?? [];
      // Written only when true: mammoth reads any w:tblHeader, even val="false", as a header row.
      const header = cells.length > 0 && cells.every((c) => c.type === 'tableHeader');
      return new TableRow({
        ...(header ? { tableHeader: true } : {}),
        children: cells.map((c) => {
          const children = this.blocks(c.content);
          return new TableCell({
            children: children.length ? children : [new Paragraph({ children: [] })],
            columnSpan: Number(c.attrs?.['colspan'] ?? 1) || 1,
            rowSpan: Number(c.attrs?.['rowspan'] ?? 1) || 1,
          });
        }),
      });
    });
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }

  private figure(n: DocNode): Block[] {
    const attrs = n.attrs ?? {};
    const out: Block[] = [];
    const file = this.readAttachment(String(attrs['attachment'] ?? ''));
    const type = file ? IMAGE_TYPES[file.mime] : undefined;
    const size = file ? imageSize(file.bytes) : null;
    if (file && type && size && size.width > 0 && size.height > 0) {
      const scale = Math.min(1, MAX_IMAGE_WIDTH / size.width);
      const alt = String(attrs['alt'] ?? '');
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type,
              data: file.bytes,
              transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
              altText: { name: 'figure', title: alt, description: alt },
            }),
          ],
        }),
      );
    }
    const caption = String(attrs['caption'] ?? '');
    const credit = String(attrs['credit'] ?? '');
    if (caption) out.push(new Paragraph({ style: 'Caption', children: [new TextRun(caption)] }));
    if (credit) out.push(new Paragraph({ style: 'WartaCredit', children: [new TextRun(credit)] }));
    return out;
  }
}

function textOf(n: DocNode): string {
  return n.type === 'text' ? (n.text ?? '') : (n.content ?? []).map(textOf).join('');
}

/**
 * A release as a Word document: the office in the page header, the headline (Title style),
 * the dateline, the body with real Word headings, numbered and bulleted lists (nested), quotes
 * (Quote style), tables, links and images with their caption and credit, then the release number
 * and the contact person ("Narahubung"). The styles are the
 * ones the import maps back, so release → .docx → release keeps the document.
 */
export async function releaseToDocx(release: Release, readAttachment: AttachmentReader): Promise<Buffer> {
  const b = new Builder(readAttachment);
  const children: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(release.title)] }),
    new Paragraph({ style: 'WartaDateline', children: [new TextRun(dateline(release.dateline, release.date))] }),
    ...b.blocks(release.body.content),
    // The lines that close a government release: its number and who to call about it.
    ...[numberLine(release.number), contactLine(release.contact)]
      .filter(Boolean)
      .map((line) => new Paragraph({ style: 'WartaReleaseField', children: [new TextRun(line)] })),
  ];
  const doc = new Document({
    creator: release.byline || release.office || 'Warta',
    title: release.title,
    styles: { paragraphStyles: PARAGRAPH_STYLES },
    numbering: {
      config: [
        { reference: 'warta-bullet', levels: listLevels(false) },
        { reference: 'warta-number', levels: listLevels(true) },
      ],
    },
    sections: [
      {
        ...(release.office
          ? {
              headers: {
                default: new Header({
                  children: [new Paragraph({ children: [new TextRun({ text: release.office, bold: true })] })],
                }),
              },
            }
          : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Where a file read fails, the figure keeps its caption and loses its image rather than the export failing. */
export const readAttachmentFile =
  (lookup: (sha256: string) => { path: string; mime: string } | null): AttachmentReader =>
  (sha256) => {
    const file = lookup(sha256);
    if (!file) return null;
    try {
      return { bytes: readFileSync(file.path), mime: file.mime };
    } catch {
      return null;
    }
  };
