import { OFFICE_SETTING_KEYS, OFFICE_SETTINGS, isOfficeSettingKey } from '../../shared/office';
import type { HqStorage, OfficeRow } from '../storage/types';

const MAX_VALUE_BYTES = 1024 * 1024;

/**
 * Set (or with `raw === null`, clear) one setting of an office, by the office's stored name.
 * The value is JSON, checked against the key's schema before anything is written.
 */
export function setOfficeSetting(
  storage: HqStorage,
  officeName: string,
  key: string,
  raw: string | null,
  now = new Date(),
): { office: OfficeRow; value: unknown } {
  const office = storage.findOfficeByName(officeName.trim());
  if (!office) throw new Error(`HQ has no office named "${officeName}" (see \`hq devices\`)`);
  if (!isOfficeSettingKey(key))
    throw new Error(`unknown setting "${key}"; the settings are: ${OFFICE_SETTING_KEYS.join(', ')}`);
  let value: unknown = null;
  if (raw !== null) {
    if (Buffer.byteLength(raw) > MAX_VALUE_BYTES) throw new Error('the value is larger than 1 MiB');
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      throw new Error(`the value of "${key}" is not JSON (a text needs quotes: '"WIT"')`);
    }
    const parsed = OFFICE_SETTINGS[key].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new Error(`the value of "${key}" does not fit${where}: ${issue?.message ?? 'invalid'}`);
    }
    value = parsed.data;
  }
  storage.setOfficeSetting(office.id, key, value, now.toISOString());
  return { office, value };
}
