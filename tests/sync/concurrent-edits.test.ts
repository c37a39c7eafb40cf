import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { doc, paragraph } from '../helpers/docs';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import {
  closeAll,
  hqContent,
  openWorkstation,
  workstationContent,
  writeRelease,
  type Workstation,
} from './helpers/world';
import type { DocNode } from '../../src/shared/domain/doc';

const texts = (body: DocNode): string[] =>
  (body.content ?? []).map((n) => (n.content ?? []).map((t) => t.text ?? '').join(''));

describe('concurrent offline edits', () => {
  const tmp = makeTempDir('warta-sync-concurrent-');
  let hq: Hq;
  let a: Workstation;
  let b: Workstation;

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    a = openWorkstation(tmp.dir, 'a');
    b = openWorkstation(tmp.dir, 'b');
    await a.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Siti') });
    await b.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Budi') });
  });

  afterAll(() => closeAll(tmp, a, b, hq));

  async function shared(title: string): Promise<string> {
    const id = await writeRelease(a, {
      title,
      body: doc(
        paragraph('p1', 'Paragraf pertama.'),
        paragraph('p2', 'Paragraf kedua.'),
        paragraph('p3', 'Paragraf ketiga.'),
      ),
    });
    await a.sync.handlers.syncNow({});
    await b.sync.handlers.syncNow({});
    expect((await b.releases.getRelease({ id })).title).toBe(title);
    return id;
  }

  it('edits to different paragraphs merge and keep both', async () => {
    const id = await shared('Jadwal kampanye terbuka');
    const body = (await a.releases.getRelease({ id })).body;
    // Both offline: a edits p1, b edits p3 and the title.
    await a.releases.saveRelease({
      id,
      fields: {
        body: {
          ...body,
          content: [paragraph('p1', 'Paragraf pertama, diperbarui Siti.'), body.content![1]!, body.content![2]!],
        },
      },
    });
    await b.releases.saveRelease({
      id,
      fields: {
        title: 'Jadwal kampanye terbuka 2029',
        body: {
          ...body,
          content: [body.content![0]!, body.content![1]!, paragraph('p3', 'Paragraf ketiga, diperbarui Budi.')],
        },
      },
    });
    await a.sync.handlers.syncNow({});
    await b.sync.handlers.syncNow({});
    await a.sync.handlers.syncNow({});

    for (const w of [a, b]) {
      const r = await w.releases.getRelease({ id });
      expect(r.title).toBe('Jadwal kampanye terbuka 2029');
      expect(texts(r.body)).toEqual([
        'Paragraf pertama, diperbarui Siti.',
        'Paragraf kedua.',
        'Paragraf ketiga, diperbarui Budi.',
      ]);
      expect(r.syncState).toBe('terkirim');
    }
    expect(workstationContent(a).get(id)).toBe(hqContent(hq).get(id));
    expect(workstationContent(b).get(id)).toBe(hqContent(hq).get(id));
  });

  it('the same paragraph becomes a conflict with both versions, and the resolution reaches the other side', async () => {
    const id = await shared('Hasil rekapitulasi kecamatan');
    const body = (await a.releases.getRelease({ id })).body;
    const withP2 = (text: string) => ({
      ...body,
      content: [body.content![0]!, paragraph('p2', text), body.content![2]!],
    });
    await a.releases.saveRelease({ id, fields: { body: withP2('Versi Siti untuk paragraf kedua.') } });
    await b.releases.saveRelease({ id, fields: { body: withP2('Versi Budi untuk paragraf kedua.') } });

    await a.sync.handlers.syncNow({});
    const statusB = await b.sync.handlers.syncNow({});
    expect(statusB.conflicts).toBe(1);

    const rb = await b.releases.getRelease({ id });
    expect(rb.syncState).toBe('konflik');
    // Nothing was overwritten: b still holds its own words.
    expect(texts(rb.body)[1]).toBe('Versi Budi untuk paragraf kedua.');

    const { items } = await b.sync.handlers.listConflicts({ releaseId: id });
    expect(items).toHaveLength(1);
    const conflict = items[0]!;
    expect(conflict.blocks.map((x) => x.blockId)).toEqual(['p2']);
    expect(texts({ type: 'doc', content: [conflict.blocks[0]!.mine!] })).toEqual(['Versi Budi untuk paragraf kedua.']);
    expect(texts({ type: 'doc', content: [conflict.blocks[0]!.theirs!] })).toEqual([
      'Versi Siti untuk paragraf kedua.',
    ]);
    expect(texts({ type: 'doc', content: [conflict.blocks[0]!.base!] })).toEqual(['Paragraf kedua.']);

    // Typing on while the conflict is open: kept, and the release still shows konflik.
    await b.releases.saveRelease({ id, fields: { summary: 'Ditulis saat konflik' } });
    await b.sync.handlers.syncNow({});
    expect((await b.releases.getRelease({ id })).syncState).toBe('konflik');
    expect((await a.releases.getRelease({ id })).summary).toBe('');

    // Unresolved pieces are refused with a message.
    await expect(b.sync.handlers.resolveConflict({ releaseId: id, resolutions: [], fields: [] })).rejects.toThrow(
      /belum dipilih/,
    );

    const resolved = await b.sync.handlers.resolveConflict({
      releaseId: id,
      resolutions: [
        { blockId: 'p2', choice: 'edited', content: [paragraph('p2', 'Gabungan Siti dan Budi untuk paragraf kedua.')] },
      ],
      fields: [],
    });
    expect(resolved.syncState).toBe('belum_terkirim');
    await b.sync.handlers.syncNow({});
    expect((await b.releases.getRelease({ id })).syncState).toBe('terkirim');
    await a.sync.handlers.syncNow({});

    for (const w of [a, b]) {
      const r = await w.releases.getRelease({ id });
      expect(texts(r.body)).toEqual([
        'Paragraf pertama.',
        'Gabungan Siti dan Budi untuk paragraf kedua.',
        'Paragraf ketiga.',
      ]);
      expect(r.summary).toBe('Ditulis saat konflik');
    }
    expect(workstationContent(a).get(id)).toBe(hqContent(hq).get(id));
    expect(workstationContent(b).get(id)).toBe(hqContent(hq).get(id));
    expect((await b.sync.handlers.listConflicts({})).items).toHaveLength(0);
  });

  it('a conflict found by the push (both edited, b sends second) can be resolved by choosing theirs', async () => {
    const id = await shared('Pelantikan badan adhoc');
    const body = (await a.releases.getRelease({ id })).body;
    await a.releases.saveRelease({
      id,
      fields: {
        summary: 'Ringkasan dari Siti',
        body: { ...body, content: [paragraph('p1', 'Siti'), ...body.content!.slice(1)] },
      },
    });
    await a.sync.handlers.syncNow({});
    await b.releases.saveRelease({
      id,
      fields: {
        summary: 'Ringkasan dari Budi',
        body: { ...body, content: [paragraph('p1', 'Budi'), ...body.content!.slice(1)] },
      },
    });
    // b pushes with an old base: HQ answers conflict (p1 and summary).
    const s = await b.sync.handlers.syncNow({});
    expect(s.conflicts).toBe(1);
    const { items } = await b.sync.handlers.listConflicts({ releaseId: id });
    expect(items[0]!.blocks.map((x) => x.blockId)).toEqual(['p1']);
    expect(items[0]!.fields.map((f) => f.field)).toEqual(['summary']);
    await b.sync.handlers.resolveConflict({
      releaseId: id,
      resolutions: [{ blockId: 'p1', choice: 'theirs' }],
      fields: [{ field: 'summary', choice: 'mine' }],
    });
    await b.sync.handlers.syncNow({});
    await a.sync.handlers.syncNow({});
    for (const w of [a, b]) {
      const r = await w.releases.getRelease({ id });
      expect(texts(r.body)[0]).toBe('Siti');
      expect(r.summary).toBe('Ringkasan dari Budi');
    }
    expect(workstationContent(a)).toEqual(hqContent(hq));
    expect(workstationContent(b)).toEqual(hqContent(hq));
  });
});
