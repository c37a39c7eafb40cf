import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import sharp from 'sharp';

export const png = (color: string) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .png()
    .toBuffer();

/** A Word document as Word itself would structure it, built with the docx package. */
export async function sampleDocx(image: Buffer): Promise<Buffer> {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (l: number) => string) =>
    [0, 1, 2].map((level) => ({
      level,
      format,
      text: text(level),
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    }));
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }] },
    numbering: {
      config: [
        { reference: 'bullets', levels: levels(LevelFormat.BULLET, () => '•') },
        { reference: 'numbers', levels: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('KPU Blora Gelar Rapat Pleno')] }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Blora', bold: true }),
              new TextRun(' – rapat '),
              new TextRun({ text: 'terbuka', italics: true }),
              new TextRun(' di '),
              new ExternalHyperlink({
                link: 'https://kab-blora.kpu.go.id/',
                children: [new TextRun({ text: 'laman KPU', style: 'Hyperlink' })],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Agenda')] }),
          new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun('Pembukaan')] }),
          new Paragraph({ numbering: { reference: 'bullets', level: 1 }, children: [new TextRun('Tata tertib')] }),
          new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun('Penetapan')] }),
          new Paragraph({ numbering: { reference: 'numbers', level: 0 }, children: [new TextRun('Pemungutan')] }),
          new Paragraph({ numbering: { reference: 'numbers', level: 1 }, children: [new TextRun('Di TPS')] }),
          new Paragraph({ style: 'Quote', children: [new TextRun('“Semua suara dihitung,” ujar Ketua.')] }),
          new Table({
            rows: [
              new TableRow({
                children: ['Kecamatan', 'Suara'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
              }),
              new TableRow({
                children: ['Cepu', '41.250'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
              }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: image,
                transformation: { width: 40, height: 30 },
                altText: { name: 'foto', title: 'Rapat', description: 'Rapat' },
              }),
            ],
          }),
          new Paragraph({ style: 'Caption', children: [new TextRun('Suasana rapat')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
