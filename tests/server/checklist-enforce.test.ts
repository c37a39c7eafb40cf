import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOfficeSetting } from '../../src/server/offices';
import { contentHash } from '../../src/shared/workflow';
import { paragraph } from '../helpers/docs';
import { enrollDevice, newId, push, type Device } from '../helpers/hq-api';
import { startHq, type Hq } from '../helpers/hq';
import { WELL_FORMED_PARAGRAPHS, wellFormed } from '../shared/checklist/fixtures';
import { fields as wireFields } from '../helpers/docs';
import type { WireFields } from '../../src/shared/sync/protocol';

/** The fixture release as it travels, with the lead image left out (no upload needed here). */
const release = (over: Partial<WireFields> = {}): WireFields => {
  const f = wellFormed();
  return wireFields({
    title: f.title,
    dateline: f.dateline,
    date: f.date,
    summary: f.summary,
    body: f.body,
    contact: f.contact,
    ...over,
  });
};

// HQ runs the office's checklist itself on submit and publish, so a device that skips the
// workstation's check (a forged push) is refused, naming the failing rule.
describe("HQ enforces the office's checklist", () => {
  let hq: Hq;
  let writer: Device;
  let reviewer: Device;

  beforeAll(async () => {
    hq = await startHq();
    writer = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'Ani', role: 'penulis' });
    reviewer = await enrollDevice(hq.server, hq.url, {
      office: 'KPU Kabupaten Blora',
      name: 'Rina',
      role: 'peninjau',
    });
    setOfficeSetting(
      hq.server.storage,
      'KPU Kabupaten Blora',
      'checklist',
      JSON.stringify({ contact: 'block', quote: 'block', openReview: 'block', wordCount: 'warn' }),
    );
  });
  afterAll(() => hq.close());

  it('refuses a forged submit of a release without a contact person, naming the rule, and takes it once filled', async () => {
    const id = newId();
    const missing = release({ contact: { name: '', role: '', phone: '' } });
    const forged = await push(hq.url, writer, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: missing },
      {
        kind: 'workflow.transition',
        releaseId: id,
        baseRevision: 1,
        to: 'diajukan',
        contentHash: contentHash(missing),
      },
    ]);
    expect(forged.status).toBe(200);
    expect(forged.body.results[1]).toMatchObject({ status: 'rejected', reason: 'transition_not_allowed' });
    expect((forged.body.results[1] as { message: string }).message).toMatch(/^checklist: .*contact/);
    expect(hq.server.storage.getReleaseHead(id)!.status).toBe('draf');

    const filled = release();
    const ok = await push(hq.url, writer, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 1, fields: filled },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'diajukan', contentHash: contentHash(filled) },
    ]);
    expect(ok.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(hq.server.storage.getReleaseHead(id)!.status).toBe('diajukan');
  });

  it('refuses an unattributed quotation, and publishing while a comment thread is open', async () => {
    const id = newId();
    const unattributed = release({
      body: wellFormed().body,
    });
    unattributed.body = {
      type: 'doc',
      content: WELL_FORMED_PARAGRAPHS.map(([pid, t]) =>
        paragraph(pid, pid === 'p3' ? '\u201cSilakan periksa daftar pemilih.\u201d' : t),
      ),
    };
    const res = await push(hq.url, writer, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: unattributed },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' },
    ]);
    expect((res.body.results[1] as { message: string }).message).toMatch(/^checklist: .*quote/);

    const good = release();
    const thread = newId();
    const submitted = await push(hq.url, writer, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 1, fields: good },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'diajukan' },
    ]);
    expect(submitted.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const anchor = {
      blockId: 'p1',
      from: 0,
      to: 5,
      quote: 'Komis',
      original: 'Komis',
      prefix: '',
      suffix: 'i Pemilihan',
    };
    const commented = await push(hq.url, reviewer, [
      {
        kind: 'annotation.put',
        releaseId: id,
        baseRevision: 3,
        annotationId: thread,
        annotationType: 'review.thread',
        data: { anchor, quote: 'Komis', body: 'Periksa lagi.' },
      },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'disetujui' },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 4, to: 'terbit' },
    ]);
    expect(commented.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect((commented.body.results[2] as { message: string }).message).toMatch(
      /openReview \(suggestions=0, comments=1\)/,
    );

    const resolved = await push(hq.url, reviewer, [
      {
        kind: 'annotation.put',
        releaseId: id,
        baseRevision: 4,
        annotationId: newId(),
        annotationType: 'review.event',
        data: { threadId: thread, action: 'resolve' },
      },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 4, to: 'terbit' },
    ]);
    expect(resolved.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(hq.server.storage.getReleaseHead(id)!.status).toBe('terbit');
  });
});
