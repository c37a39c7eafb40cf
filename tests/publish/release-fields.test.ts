import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { setOfficeSetting } from '../../src/server/offices';
import { NinjsItemSchema, ReleasesPageSchema } from '../../src/server/public';
import { fields } from '../helpers/docs';
import { enrollDevice, newId, push, type Device } from '../helpers/hq-api';
import { startHq, type Hq } from '../helpers/hq';

// The release number HQ gave and the contact person travel to the public page, the feed and
// the API with the release.
describe('number and contact person on the public site', () => {
  let hq: Hq;
  let writer: Device;
  let reviewer: Device;
  beforeAll(async () => {
    hq = await startHq(undefined, 0, { publicSite: true });
    writer = await enrollDevice(hq.server, hq.url, { office: 'KPU Kabupaten Blora', name: 'Ani', role: 'penulis' });
    reviewer = await enrollDevice(hq.server, hq.url, {
      office: 'KPU Kabupaten Blora',
      name: 'Rina',
      role: 'peninjau',
    });
    setOfficeSetting(hq.server.storage, 'KPU Kabupaten Blora', 'numberPattern', '"{seq}/HM.02-SP/{regency}/{year}"');
  });
  afterAll(() => hq.close());

  it('the page, /feed.xml and /api/v1/releases show "Nomor" and "Narahubung"', async () => {
    const id = newId();
    const f = fields({
      title: 'Penetapan DPT Kabupaten Blora',
      slug: 'penetapan-dpt-blora',
      contact: { name: 'Siti Aminah', role: 'Kasubbag Teknis', phone: '0812-3456-7890' },
    });
    const sent = await push(hq.url, writer, [
      { kind: 'release.upsert', releaseId: id, baseRevision: 0, fields: f },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 1, to: 'diajukan' },
    ]);
    expect(sent.body.results[0]).toMatchObject({ status: 'accepted', number: '1/HM.02-SP/3316/2025' });
    const published = await push(hq.url, reviewer, [
      { kind: 'workflow.transition', releaseId: id, baseRevision: 2, to: 'disetujui' },
      { kind: 'workflow.transition', releaseId: id, baseRevision: 3, to: 'terbit' },
    ]);
    expect(published.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    const page = await (await fetch(`${hq.url}/berita/penetapan-dpt-blora`)).text();
    expect(page).toContain('Nomor: 1/HM.02-SP/3316/2025');
    expect(page).toContain('Narahubung: Siti Aminah (Kasubbag Teknis), 0812-3456-7890');

    const feed = await new Parser().parseString(await (await fetch(`${hq.url}/feed.xml`)).text());
    const item = feed.items.find((i) => i.title === 'Penetapan DPT Kabupaten Blora');
    expect(item?.['content:encoded']).toContain('Nomor: 1/HM.02-SP/3316/2025');
    expect(item?.['content:encoded']).toContain('Narahubung: Siti Aminah');

    const api = ReleasesPageSchema.parse(await (await fetch(`${hq.url}/api/v1/releases`)).json());
    const entry = NinjsItemSchema.parse(api.items.find((i) => i.slugline === 'penetapan-dpt-blora'));
    expect(entry.altids).toContainEqual({ role: 'release-number', value: '1/HM.02-SP/3316/2025' });
    expect(entry.people).toEqual([{ name: 'Siti Aminah', rel: 'contact' }]);
    expect(entry.descriptions).toContainEqual({
      role: 'contact',
      contenttype: 'text/plain',
      value: 'Narahubung: Siti Aminah (Kasubbag Teknis), 0812-3456-7890',
    });
  });
});
