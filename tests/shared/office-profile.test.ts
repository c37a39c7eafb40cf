import { describe, expect, it } from 'vitest';
import { readOfficeProfile } from '../../src/shared/office';
import { MeResponseSchema } from '../../src/shared/sync/protocol';

const identity = {
  id: '0192f5a0-0000-7000-8000-00000000000a',
  name: 'KPU Kabupaten Jayapura',
  province: 'Papua',
  provinceCode: '91',
  regencyCode: '91.03',
};

// A newer HQ may send a setting, or a value, this workstation's version cannot read: the office
// must keep every other setting and keep syncing.
describe("reading an office's profile from HQ", () => {
  it('keeps every setting that fits and drops the one that does not', () => {
    const profile = readOfficeProfile({
      ...identity,
      timeZone: 'WIT',
      numberPattern: 'not a pattern without seq',
      dictionary: ['Sentani'],
      futureSetting: { anything: true },
    });
    expect(profile).toMatchObject({ name: 'KPU Kabupaten Jayapura', timeZone: 'WIT', dictionary: ['Sentani'] });
    expect(profile).not.toHaveProperty('numberPattern');
    expect(profile).not.toHaveProperty('futureSetting');
  });

  it("falls back to the province's zone when the zone is one it does not know", () => {
    expect(readOfficeProfile({ ...identity, timeZone: 'UTC+10' })?.timeZone).toBe('WIT');
    expect(readOfficeProfile({ ...identity, provinceCode: '73', timeZone: undefined })?.timeZone).toBe('WITA');
  });

  it('is null when even the identity does not fit', () => {
    expect(readOfficeProfile({ ...identity, id: 'not-an-id' })).toBeNull();
    expect(readOfficeProfile('KPU')).toBeNull();
    expect(readOfficeProfile(null)).toBeNull();
  });

  it("a 'me' answer with an unreadable setting still parses, without that setting", () => {
    const me = MeResponseSchema.parse({
      deviceId: '0192f5a0-0000-7000-8000-0000000000d1',
      deviceName: 'Laptop humas',
      person: {
        id: '0192f5a0-0000-7000-8000-0000000000e1',
        name: 'Sari',
        role: 'penulis',
        office: identity.name,
        officeId: identity.id,
        province: 'Papua',
        scope: 'office',
      },
      nextSeq: 1,
      headCursor: 0,
      office: { ...identity, timeZone: 'WIT', checklist: { rules: 'from a newer HQ' } },
    });
    expect(me.office).toMatchObject({ name: identity.name, timeZone: 'WIT' });
    expect(me.office).not.toHaveProperty('checklist');
  });
});
