import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOfficeSetting } from '../../src/server/offices';
import { runHqCli, startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, type Workstation } from './helpers/world';

// An office's settings are set once at HQ and every workstation of the office receives them at
// its next sync, so they apply offline afterwards.
describe("an office's profile from HQ", () => {
  const tmp = makeTempDir('warta-office-');
  let hq: Hq;
  let blora: Workstation;
  let jayapura: Workstation;

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    blora = openWorkstation(tmp.dir, 'blora');
    jayapura = openWorkstation(tmp.dir, 'jayapura');
    await blora.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora') });
    await jayapura.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Jayapura') });
  });

  afterAll(() => closeAll(tmp, [blora, jayapura], hq));

  it('is unknown before the first sync, then names the office and the zone of its province', async () => {
    expect(await blora.sync.handlers.getOfficeProfile({})).toBeNull();
    await blora.sync.handlers.syncNow({});
    await jayapura.sync.handlers.syncNow({});
    expect(await blora.sync.handlers.getOfficeProfile({})).toMatchObject({
      name: 'KPU Kabupaten Blora',
      province: 'Jawa Tengah',
      regencyCode: '33.16',
      timeZone: 'WIB',
    });
    expect(await jayapura.sync.handlers.getOfficeProfile({})).toMatchObject({
      name: 'KPU Kabupaten Jayapura',
      province: 'Papua',
      timeZone: 'WIT',
    });
  });

  it('an admin setting reaches only that office, at its next sync', async () => {
    // The server runs in this process; the CLI writes the same file (WAL), as an admin's would.
    const set = await runHqCli([
      'office-setting',
      '--data-dir',
      hq.dataDir,
      '--office',
      'KPU Kabupaten Blora',
      '--key',
      'timeZone',
      '--value',
      '"WITA"',
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Set "timeZone" of KPU Kabupaten Blora');
    expect((await blora.sync.handlers.getOfficeProfile({}))?.timeZone).toBe('WIB');
    await blora.sync.handlers.syncNow({});
    await jayapura.sync.handlers.syncNow({});
    expect((await blora.sync.handlers.getOfficeProfile({}))?.timeZone).toBe('WITA');
    expect((await jayapura.sync.handlers.getOfficeProfile({}))?.timeZone).toBe('WIT');
  });

  it.each([
    ['KPU Kabupaten Blora', 'warna', '"merah"', 'unknown setting "warna"'],
    ['KPU Kabupaten Blora', 'timeZone', 'WIT', 'is not JSON'],
    ['KPU Kabupaten Blora', 'timeZone', '"GMT"', 'does not fit'],
    ['KPU Kota Atlantis', 'timeZone', '"WIT"', 'no office named "KPU Kota Atlantis"'],
  ])('%s %s = %s is refused ("%s") and changes nothing', (office, key, value, message) => {
    expect(() => setOfficeSetting(hq.server.storage, office, key, value)).toThrow(message);
    const blora = hq.server.storage.findOfficeByName('KPU Kabupaten Blora')!;
    expect(hq.server.storage.officeSettings(blora.id)).toEqual({ timeZone: 'WITA' });
  });

  it('the command line refuses a call without exactly one value, plainly', async () => {
    const r = await runHqCli([
      'office-setting',
      '--data-dir',
      hq.dataDir,
      '--office',
      'KPU Kabupaten Blora',
      '--key',
      'timeZone',
      '--value',
      '"WIT"',
      '--clear',
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('give exactly one of --value JSON, --value-file FILE or --clear');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a stored value that no longer fits is left out of the profile instead of stopping sync', async () => {
    const office = hq.server.storage.findOfficeByName('KPU Kabupaten Jayapura')!;
    hq.server.storage.setOfficeSetting(office.id, 'timeZone', 'Mars/Olympus', new Date().toISOString());
    const status = await jayapura.sync.handlers.syncNow({});
    expect(status.lastError).toBeNull();
    expect((await jayapura.sync.handlers.getOfficeProfile({}))?.timeZone).toBe('WIT');
    hq.server.storage.setOfficeSetting(office.id, 'timeZone', null, new Date().toISOString());
  });

  it("is forgotten on disconnect, so another office's settings never linger", async () => {
    await blora.sync.handlers.disconnect({});
    expect(await blora.sync.handlers.getOfficeProfile({})).toBeNull();
  });
});
