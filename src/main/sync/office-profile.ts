import { readOfficeProfile as profileFrom, type OfficeProfile } from '../../shared/office';
import { createSettings, type Db } from '../store';

const KEY = 'officeProfile';

/** Kept from the last sync so the office's settings apply offline too. */
export function saveOfficeProfile(db: Db, profile: OfficeProfile): void {
  createSettings(db).set(KEY, profile);
}

/** The office's profile as HQ last sent it, or null before the first sync. */
export function readOfficeProfile(db: Db): OfficeProfile | null {
  // Read setting by setting: one stored by an older version that no longer fits is dropped alone.
  return profileFrom(createSettings(db).getRaw(KEY));
}

/** Forgotten with the enrollment: another office's settings must not linger. */
export function forgetOfficeProfile(db: Db): void {
  createSettings(db).delete(KEY);
}
