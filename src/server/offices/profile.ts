import { readOfficeProfile } from '../../shared/office';
import type { OfficeProfile, TimeZoneLabel } from '../../shared/office';
import type { HqStorage, OfficeRow } from '../storage/types';

/**
 * The profile an office's workstations receive: its identity and every setting whose stored
 * value still fits today's schema. A value that does not fit is left out, so one bad setting
 * never stops an office from syncing.
 */
export function officeProfile(storage: Pick<HqStorage, 'officeSettings'>, office: OfficeRow): OfficeProfile {
  const profile = readOfficeProfile({
    ...storage.officeSettings(office.id),
    id: office.id,
    name: office.name,
    province: office.province,
    provinceCode: office.provinceCode,
    regencyCode: office.regencyCode,
  });
  if (!profile) throw new Error(`office ${office.id} has no readable identity`);
  return profile;
}

/** The zone an office's times are shown in (its setting, else its province); WIB for an unknown office. */
export function officeZone(storage: Pick<HqStorage, 'officeSettings'>, office: OfficeRow | null): TimeZoneLabel {
  return office ? officeProfile(storage, office).timeZone : 'WIB';
}
