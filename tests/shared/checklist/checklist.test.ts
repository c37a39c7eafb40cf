import { describe, expect, it } from 'vitest';
import {
  blockingFailures,
  CHECKLIST_RULES,
  runChecklist,
  type ChecklistLevels,
  type ChecklistRule,
} from '../../../src/shared/checklist';
import { doc, paragraph } from '../../helpers/docs';
import { wellFormed, withParagraph, WELL_FORMED_PARAGRAPHS } from './fixtures';

const ALL_BLOCK = Object.fromEntries(CHECKLIST_RULES.map((r) => [r, 'block'])) as ChecklistLevels;
const failing = (fields = wellFormed(), openComments: number | null = 0): ChecklistRule[] =>
  runChecklist({ fields, openComments }, ALL_BLOCK)
    .filter((f) => !f.ok)
    .map((f) => f.rule);

describe('checklist', () => {
  it('a seed-like well-formed release gives no finding, even with every rule blocking', () => {
    const findings = runChecklist({ fields: wellFormed(), openComments: 0 }, ALL_BLOCK);
    expect(findings.map((f) => f.rule)).toEqual([...CHECKLIST_RULES]);
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(blockingFailures(findings)).toEqual([]);
  });

  it('flags a weekday that does not match the date, naming the right one', () => {
    const fields = withParagraph('p5', 'Rapat lanjutan digelar pada Rabu (11/12/2025) di aula yang sama.');
    const date = runChecklist({ fields, openComments: 0 }, ALL_BLOCK).find((f) => f.rule === 'date')!;
    expect(date).toMatchObject({ ok: false, params: { found: 'Rabu (11/12/2025)', expected: 'Kamis (11/12/2025)' } });
  });

  it('flags a date written another way than "Kamis (4/12/2025)"', () => {
    expect(failing(withParagraph('p5', 'Rapat digelar Kamis, 4-12-2025 di aula.'))).toEqual(['date']);
    expect(failing(withParagraph('p5', 'Rapat digelar Kamis (4/12/2025) di aula.'))).toEqual([]);
    expect(failing(withParagraph('p5', "Rapat digelar Jum'at (5/12/2025) di aula."))).toEqual(['date']);
  });

  it('flags a release whose only quotation is not attributed to anyone', () => {
    const unattributed = withParagraph(
      'p3',
      '\u201cKami mengajak seluruh masyarakat memeriksa namanya di daftar pemilih.\u201d',
    );
    expect(failing(unattributed)).toEqual(['quote']);
    // Straight quotes and other attribution verbs count too.
    expect(failing(withParagraph('p3', '"Daftar pemilih sudah final," tegas Muhammad Ali.'))).toEqual([]);
    // A quotation in one paragraph and a verb in the next is no attribution.
    const split = wellFormed({
      body: doc(
        ...WELL_FORMED_PARAGRAPHS.filter(([id]) => id !== 'p3').map(([id, t]) => paragraph(id, t)),
        paragraph('q1', '\u201cSilakan periksa daftar pemilih.\u201d'),
        paragraph('q2', 'ujar Muhammad Ali.'),
      ),
    });
    expect(failing(split)).toEqual(['quote']);
  });

  it('flags an image without alt text, caption or credit, and a missing contact', () => {
    const lead = { attachment: 'a'.repeat(64), alt: 'Rapat', caption: '', credit: '' };
    const images = runChecklist({ fields: wellFormed({ leadImage: lead }), openComments: 0 }).find(
      (f) => f.rule === 'images',
    )!;
    expect(images).toMatchObject({ ok: false, level: 'warn', params: { count: 1, missing: 'caption, credit' } });
    const figure = {
      type: 'figure',
      attrs: { id: 'f1', attachment: 'b'.repeat(64), alt: 'Foto', caption: 'Keterangan', credit: '' },
    };
    const body = doc(...WELL_FORMED_PARAGRAPHS.map(([id, t]) => paragraph(id, t)), figure);
    expect(failing(wellFormed({ body }))).toEqual(['images']);
    expect(failing(wellFormed({ contact: { name: 'Siti', role: '', phone: '' } }))).toEqual(['contact']);
  });

  it('checks the headline length, the dateline place, the word count and open review', () => {
    expect(failing(wellFormed({ title: 'x'.repeat(101) }))).toEqual(['headline']);
    expect(failing(wellFormed({ dateline: 'Atlantis' }))).toEqual(['dateline']);
    expect(failing(wellFormed({ dateline: 'Kota Makassar' }))).toEqual([]);
    expect(failing(wellFormed({ dateline: 'Cepu' }))).toEqual([]);
    expect(failing(wellFormed({ body: doc(paragraph('p1', 'Terlalu pendek.')) }))).toContain('wordCount');
    expect(failing(wellFormed(), 2)).toEqual(['openReview']);
  });

  it('applies the office levels: off rules are not listed, only block rules block', () => {
    const fields = wellFormed({ contact: { name: '', role: '', phone: '' }, dateline: 'Atlantis' });
    const findings = runChecklist({ fields, openComments: 0 }, { contact: 'block', dateline: 'off' });
    expect(findings.map((f) => f.rule)).not.toContain('dateline');
    expect(blockingFailures(findings)).toEqual(['contact']);
    // Without a setting every rule only warns.
    expect(blockingFailures(runChecklist({ fields, openComments: 0 }))).toEqual([]);
  });
});
