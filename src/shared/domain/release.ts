import { z } from 'zod';
import { DocSchema } from './doc';
import { Sha256Schema } from './digest';

export const CATEGORIES = ['berita-terkini', 'pengumuman', 'kegiatan', 'siaran-pers', 'opini', 'artikel'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** Workflow states (transitions: src/shared/workflow). Starts as `draf`. */
export const STATUSES = ['draf', 'diajukan', 'perlu_revisi', 'disetujui', 'terbit', 'ditarik', 'dikoreksi'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Where a release stands with HQ: not sent yet, sent, in conflict, or rejected with a reason. */
const SYNC_STATES = ['belum_terkirim', 'terkirim', 'konflik', 'ditolak'] as const;
const SyncStateSchema = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncStateSchema>;

export const IdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a valid id');
/** Calendar date of the release, `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export const TimestampSchema = z.string().datetime({ offset: true });

export const LeadImageSchema = z.object({
  attachment: Sha256Schema,
  caption: z.string().max(500).default(''),
  credit: z.string().max(200).default(''),
  alt: z.string().max(500).default(''),
});
export type LeadImage = z.infer<typeof LeadImageSchema>;

/** The release's contact person ("Narahubung"), as government releases carry it. */
export const ContactSchema = z.object({
  name: z.string().max(120).default(''),
  role: z.string().max(120).default(''),
  phone: z.string().max(40).default(''),
});
export type Contact = z.infer<typeof ContactSchema>;
export const emptyContact = (): Contact => ({ name: '', role: '', phone: '' });

/** The editable fields of a release — what a writer changes and what sync merges field by field. */
export const ReleaseFieldsSchema = z.object({
  title: z.string().max(300),
  slug: z.string().max(200),
  dateline: z.string().max(100),
  date: IsoDateSchema,
  category: CategorySchema,
  tags: z.array(z.string().min(1).max(60)).max(30),
  summary: z.string().max(2000),
  byline: z.string().max(200),
  office: z.string().max(200),
  leadImage: LeadImageSchema.nullable(),
  body: DocSchema,
  /**
   * The release number ("Nomor"): HQ assigns it from the office's pattern on the release's first
   * accepted push, so it never repeats across the office's workstations; '' until then.
   * Defaults (here and for `contact`) let releases stored and pushed before these fields parse.
   */
  number: z.string().max(100).default(''),
  contact: ContactSchema.default(emptyContact),
});
export type ReleaseFields = z.infer<typeof ReleaseFieldsSchema>;

/** A change to some fields: a field left out stays as it is (no defaults filled in). */
export const ReleasePatchSchema = ReleaseFieldsSchema.extend({
  number: z.string().max(100),
  contact: ContactSchema,
}).partial();

export const ReleaseSchema = ReleaseFieldsSchema.extend({
  id: IdSchema,
  status: StatusSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** Local revision counter: +1 for every stored save. */
  localRev: z.number().int().nonnegative(),
  syncState: SyncStateSchema,
  syncError: z.string().nullable(),
});
export type Release = z.infer<typeof ReleaseSchema>;

/** Fields stored before `number` and `contact` existed (HQ's revision JSON) gain their defaults. */
export function withFieldDefaults<T extends Omit<ReleaseFields, 'number' | 'contact'>>(
  fields: T & Partial<Pick<ReleaseFields, 'number' | 'contact'>>,
): T & Pick<ReleaseFields, 'number' | 'contact'> {
  return { ...fields, number: fields.number ?? '', contact: { ...emptyContact(), ...fields.contact } };
}

/** The writer's fields of a stored release, without the bookkeeping the store adds. */
export function releaseFields(release: Release): ReleaseFields {
  const {
    id: _id,
    status: _status,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    localRev: _localRev,
    syncState: _syncState,
    syncError: _syncError,
    ...fields
  } = release;
  return fields;
}

/** What the library list shows: no body. */
export const ReleaseSummarySchema = ReleaseSchema.omit({ body: true }).extend({
  wordCount: z.number().int().nonnegative(),
});
export type ReleaseSummary = z.infer<typeof ReleaseSummarySchema>;
