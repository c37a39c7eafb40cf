import { z } from 'zod';
import { IdSchema } from '../domain/release';
import { LetterheadSchema } from './letterhead';
import { OfficeDictionarySchema } from '../spelling/office-words';
import { ChecklistLevelsSchema } from '../checklist/levels';
import { NumberPatternSchema } from '../numbering/pattern';
import { OfficeTemplatesSchema } from '../templates/schema';
import { TimeZoneSchema, zoneOfProvince } from './time-zone';

/**
 * What an office sets at HQ and every workstation of the office receives at each sync. Each key
 * is one setting with its own schema; HQ validates a value when an admin sets it and again when
 * it builds the profile, so a value written by an older HQ that no longer fits is left out.
 * To add a setting, add its key here: storage, the CLI and the sync carry it unchanged.
 */
export const OFFICE_SETTINGS = {
  /** Overrides the zone derived from the province (an office HQ could not place). */
  timeZone: TimeZoneSchema,
  /** The letterhead of printed and PDF releases: office name, address, contacts, logo. */
  letterhead: LetterheadSchema,
  /** Words the office's writers added to the spellchecker ("Tambahkan ke kamus"). */
  dictionary: OfficeDictionarySchema,
  /** How HQ numbers the office's releases, e.g. `{seq}/HM.02-SP/{regency}/{year}`; none = no numbers. */
  numberPattern: NumberPatternSchema,
  /** The checklist's level per rule (block, warn, off) for submitting and publishing. */
  checklist: ChecklistLevelsSchema,
  /** The office's own release templates, offered beside the built-in ones. */
  templates: OfficeTemplatesSchema,
} satisfies Record<string, z.ZodType>;

export type OfficeSettingKey = keyof typeof OFFICE_SETTINGS;
export const OFFICE_SETTING_KEYS = Object.keys(OFFICE_SETTINGS) as OfficeSettingKey[];

export const isOfficeSettingKey = (key: string): key is OfficeSettingKey => Object.hasOwn(OFFICE_SETTINGS, key);

/** The office's identity, as HQ enrolled it (idn-area-data codes where the name is known). */
const OfficeIdentitySchema = z.object({
  id: IdSchema,
  name: z.string(),
  province: z.string(),
  provinceCode: z.string().nullable(),
  regencyCode: z.string().nullable(),
});

export const OfficeProfileSchema = OfficeIdentitySchema.extend({
  ...z.object(OFFICE_SETTINGS).partial().shape,
  /** Always present: the zone every time of this office is shown in (setting, else province). */
  timeZone: TimeZoneSchema,
});
export type OfficeProfile = z.infer<typeof OfficeProfileSchema>;

/**
 * A profile read setting by setting: one that does not fit this version's schema (a value from a
 * newer HQ, say) is left out rather than costing the office all its settings, and a zone that
 * does not fit falls back to the province's. Null when even the identity does not fit.
 */
export function readOfficeProfile(raw: unknown): OfficeProfile | null {
  const identity = OfficeIdentitySchema.safeParse(raw);
  if (!identity.success) return null;
  const given = raw as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  for (const key of OFFICE_SETTING_KEYS) {
    if (given[key] === undefined) continue;
    const parsed = OFFICE_SETTINGS[key].safeParse(given[key]);
    if (parsed.success) settings[key] = parsed.data;
  }
  return OfficeProfileSchema.parse({
    ...settings,
    ...identity.data,
    timeZone: settings['timeZone'] ?? zoneOfProvince(identity.data.provinceCode),
  });
}
