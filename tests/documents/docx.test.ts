import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import type { DocNode } from '../../src/shared/domain';
import { startServices } from '../store/helpers';
import { tempDir } from '../helpers/tmp';
import { png, sampleDocx } from './sample-docx';
import { MAX_DOCX_UNPACKED_BYTES } from '../../src/main/documents/import/zip-entries';
import { releaseToDocx } from '../../src/main/documents/export/docx';
import { outline as outlineOf, type Outline } from '../helpers/docs';

/** The document as a node-by-node outline; figures by caption. */
const outline = (n: DocNode): Outline => outlineOf(n, (a) => String(a['caption']));
const p = (...kids: Outline[]): Outline => ['paragraph', ...kids];
const li = (...kids: Outline[]): Outline => ['listItem', ...kids];
const cell = (t: string): Outline => ['tableCell', p(t)];

/** The document without what the editor adds on its own (block ids, default attributes). */
function strip(n: DocNode): DocNode {
  const attrs = Object.fromEntries(
    Object.entries(n.attrs ?? {}).filter(([k, v]) => k !== 'id' && v !== null && v !== ''),
  );
  return {
    type: n.type,
    ...(Object.keys(attrs).length ? { attrs } : {}),
    ...(n.text !== undefined ? { text: n.text } : {}),
    ...(n.marks?.length
      ? {
          marks: n.marks.map((m) => ({
            type: m.type,
            ...(m.type === 'link' ? { attrs: { href: m.attrs?.['href'] } } : {}),
          })),
        }
      : {}),
    ...(n.content?.length ? { content: n.content.map(strip) } : {}),
  };
}

const attachmentsIn = (dataDir: string) => {
  const dir = join(dataDir, 'attachments');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

describe('.docx import', () => {
  it('a Word document built with the docx package comes in with its headline, headings, nested lists, quote, table, link and image', async () => {
    const dataDir = tempDir('warta-docx-');
    const { handlers: h } = await startServices(dataDir);
    const image = await png('#c00');
    const out = await h.convertDocx({ name: 'rapat.docx', dataBase64: (await sampleDocx(image)).toString('base64') });
    expect(out.title).toBe('KPU Blora Gelar Rapat Pleno');
    expect(out).toMatchObject({ images: 1, skippedImages: 0 });
    expect(outline(out.body)).toEqual([
      'doc',
      p('Blora [bold]', ' – rapat ', 'terbuka [italic]', ' di ', 'laman KPU [link(https://kab-blora.kpu.go.id/)]', '.'),
      ['heading2', 'Agenda'],
      ['bulletList', li(p('Pembukaan'), ['bulletList', li(p('Tata tertib'))]), li(p('Penetapan'))],
      ['orderedList', li(p('Pemungutan'), ['orderedList', li(p('Di TPS'))])],
      ['blockquote', p('“Semua suara dihitung,” ujar Ketua.')],
      ['table', ['tableRow', cell('Kecamatan'), cell('Suara')], ['tableRow', cell('Cepu'), cell('41.250')]],
      ['figure(Suasana rapat)'],
    ]);
    // The image is now an attachment like any other, served by its digest.
    const fig = out.body.content!.find((n) => n.type === 'figure')!;
    expect(attachmentsIn(dataDir)).toContain(fig.attrs!['attachment']);
    // Stored as a release only when the writer's renderer creates it.
    expect((await h.listReleases({ sort: 'updated_desc', limit: 100, offset: 0 })).total).toBe(0);
  });

  it('release → .docx → release keeps the headline, dateline and document', async () => {
    const dataDir = tempDir('warta-docx-');
    const { handlers: h } = await startServices(dataDir);
    const first = await h.convertDocx({
      name: 'rapat.docx',
      dataBase64: (await sampleDocx(await png('#0a0'))).toString('base64'),
    });
    const release = await h.createRelease({
      fields: {
        title: first.title,
        dateline: 'Blora',
        date: '2025-12-04',
        body: first.body,
        office: 'KPU Kabupaten Blora',
      },
    });
    const exported = await h.exportDocx({ id: release.id });
    expect(exported.fileName).toMatch(/\.docx$/);
    const again = await h.convertDocx({ name: exported.fileName, dataBase64: exported.dataBase64 });
    expect(again.title).toBe(release.title);
    expect(again.dateline).toBe('Blora');
    expect(strip(again.body)).toEqual(strip(release.body));
    // The export is a real Word document: its main part names the office in the header.
    const zip = await JSZip.loadAsync(Buffer.from(exported.dataBase64, 'base64'));
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    const headerXml = (await Promise.all(headers.map((f) => zip.file(f)!.async('string')))).join('');
    expect(headerXml).toContain('KPU Kabupaten Blora');
  });
});

describe('the lines that close a government release', () => {
  it('export carries the release number and the contact person; import brings the contact back, not the old number', async () => {
    const dataDir = tempDir('warta-docx-fields-');
    const { handlers: h } = await startServices(dataDir);
    const created = await h.createRelease({
      fields: {
        title: 'Rapat Pleno Rekapitulasi',
        dateline: 'Blora',
        date: '2025-12-04',
        office: 'KPU Kabupaten Blora',
        contact: { name: 'Siti Aminah', role: 'Kasubbag Teknis', phone: '0812-3456-7890' },
      },
    });
    // The number is HQ's; a release that came back from HQ carries it.
    const release = { ...(await h.getRelease({ id: created.id })), number: '7/HM.02-SP/3316/2025' };
    const bytes = await releaseToDocx(release, () => null);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Nomor: 7/HM.02-SP/3316/2025');
    expect(xml).toContain('Narahubung: Siti Aminah (Kasubbag Teknis), 0812-3456-7890');

    const again = await h.convertDocx({ name: 'rapat.docx', dataBase64: bytes.toString('base64') });
    expect(again.contact).toEqual({ name: 'Siti Aminah', role: 'Kasubbag Teknis', phone: '0812-3456-7890' });
    expect(JSON.stringify(again.body)).not.toMatch(/Nomor|Narahubung/);
  });
});

describe('.docx import refuses what is not a Word document, storing nothing', () => {
  const zipOf = async (files: Record<string, string>) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  const cases: [string, () => Promise<Buffer> | Buffer, string, RegExp][] = [
    ['a corrupt .docx', async () => (await sampleDocx(await png('#00c'))).subarray(0, 3000), 'docx.corrupt', /rusak/],
    [
      'a renamed .exe',
      () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 7)]),
      'docx.executable',
      /program/,
    ],
    [
      'a 60 MB file',
      () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60 * 1024 * 1024)]),
      'docx.tooLarge',
      /terlalu besar \(60\.0 MB\)/,
    ],
    [
      'a password-protected .docx',
      () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]),
      'docx.encrypted',
      /kata sandi/,
    ],
    [
      'a ZIP that is no Word document',
      () => zipOf({ 'catatan.txt': 'bukan docx' }),
      'docx.notDocx',
      /bukan dokumen Word/,
    ],
    ['an empty file', () => Buffer.alloc(0), 'docx.empty', /kosong/],
    [
      'a zip bomb named .docx',
      async () => {
        // A few kilobytes that say they unpack past the cap (a real bomb's directory says so too).
        const zip = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': 'a'.repeat(4096) });
        const central = zip.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
        zip.writeUInt32LE(MAX_DOCX_UNPACKED_BYTES + 1, central + 24);
        return zip;
      },
      'docx.unpackedTooLarge',
      /lebih dari 128 MB setelah dibuka/,
    ],
  ];

  it.each(cases)('%s gets a clear message and the library is unchanged', async (_label, make, reason, wording) => {
    const dataDir = tempDir('warta-docx-');
    const { handlers: h } = await startServices(dataDir);
    await h.createRelease({ fields: { title: 'Rilis yang sudah ada' } });
    const before = {
      list: await h.listReleases({ sort: 'updated_desc', limit: 100, offset: 0 }),
      files: attachmentsIn(dataDir),
    };
    const bytes = await make();
    const error = await Promise.resolve(
      h.convertDocx({ name: 'laporan.docx', dataBase64: bytes.toString('base64') }),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WartaError);
    expect((error as WartaError).reason).toBe(reason);
    expect((error as WartaError).message).toMatch(wording);
    expect((error as WartaError).message).toContain('laporan.docx');
    expect(await h.listReleases({ sort: 'updated_desc', limit: 100, offset: 0 })).toEqual(before.list);
    expect(attachmentsIn(dataDir)).toEqual(before.files);
  });
});
