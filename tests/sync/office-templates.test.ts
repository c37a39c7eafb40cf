import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplateHandlers, templatePushExtension } from '../../src/main/templates';
import { BUILTIN_TEMPLATES } from '../../src/shared/templates';
import { v7 as uuidv7 } from 'uuid';
import { startHq, type Hq } from '../helpers/hq';
import { enrollDevice, push } from '../helpers/hq-api';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, type Workstation } from './helpers/world';

// A template a writer saves on one workstation reaches the office's other workstations through
// HQ, and never another office's.
describe('office templates', () => {
  const tmp = makeTempDir('warta-templates-');
  let hq: Hq;
  let a: Workstation;
  let b: Workstation;
  let other: Workstation;
  const templatesOf = (ws: Workstation) => createTemplateHandlers(ws.store.db);

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    const extra = { extensions: [templatePushExtension] };
    a = openWorkstation(tmp.dir, 'a', extra);
    b = openWorkstation(tmp.dir, 'b', extra);
    other = openWorkstation(tmp.dir, 'other', extra);
    await a.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Ani') });
    await b.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Budi') });
    await other.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Pati', 'Citra') });
  });
  afterAll(() => closeAll(tmp, [a, b, other], hq));

  it('saved offline on one workstation, offered on the office’s other workstation after both sync', async () => {
    const base = BUILTIN_TEMPLATES[0]!;
    const { id } = await templatesOf(a).saveTemplate({
      template: { ...base, name: 'Rilis rapat pleno Blora', title: 'Rapat Pleno [perihal]', needs: ['contact'] },
    });
    // Before any sync: shown on this workstation as not sent yet, unknown elsewhere.
    expect((await templatesOf(a).listOfficeTemplates({})).templates).toEqual([
      { template: expect.objectContaining({ id, name: 'Rilis rapat pleno Blora' }) as unknown, pending: true },
    ]);
    expect((await templatesOf(b).listOfficeTemplates({})).templates).toEqual([]);

    await a.sync.handlers.syncNow({});
    await b.sync.handlers.syncNow({});
    await a.sync.handlers.syncNow({});
    await other.sync.handlers.syncNow({});
    for (const ws of [a, b]) {
      const list = (await templatesOf(ws).listOfficeTemplates({})).templates;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        pending: false,
        template: { id, title: 'Rapat Pleno [perihal]', needs: ['contact'] },
      });
    }
    expect((await templatesOf(other).listOfficeTemplates({})).templates).toEqual([]);
    const blora = hq.server.storage.findOfficeByName('KPU Kabupaten Blora')!;
    expect(hq.server.storage.officeSettings(blora.id)['templates']).toEqual([
      expect.objectContaining({ id, name: 'Rilis rapat pleno Blora' }),
    ]);
  });

  it("a forged push of oversized templates is refused, and the office's templates stay as they were", async () => {
    const blora = hq.server.storage.findOfficeByName('KPU Kabupaten Blora')!;
    const before = hq.server.storage.officeSettings(blora.id)['templates'];
    const forger = await enrollDevice(hq.server, hq.url, {
      office: 'KPU Kabupaten Blora',
      name: 'Dedi',
      role: 'penulis',
    });
    // Each just under a push's size, together far over what every sync of the office should carry.
    const { id: _builtinId, ...builtin } = BUILTIN_TEMPLATES[0]!;
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(300_000) }] };
    const entries = Array.from({ length: 4 }, (_, i) => ({
      releaseId: uuidv7(),
      baseRevision: 0,
      kind: 'office.template' as const,
      template: { ...builtin, name: `Besar ${i}`, body: { type: 'doc', content: [paragraph] } },
    }));
    const results = [];
    for (const entry of entries) {
      const r = await push(hq.url, forger, [entry]);
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
      results.push(...r.body.results);
    }
    expect(results.slice(0, 3).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(results[3]).toMatchObject({ status: 'rejected', reason: 'too_large' });
    const after = hq.server.storage.officeSettings(blora.id)['templates'] as unknown[];
    expect(after).toHaveLength((before as unknown[]).length + 3);
  });
});
