import { z } from 'zod';
import { IdSchema } from '../../domain/release';
import { RoleSchema } from '../../domain/role';
import { readOfficeProfile } from '../../office/profile';
import { RevisionSchema, SeqSchema } from './wire-fields';

export { ROLES, type Role } from '../../domain/role';

/** What a person may read: their office, their province, or everything (admin). */
export const SCOPES = ['office', 'province', 'all'] as const;
const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

const PersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  /** Office name, e.g. "KPU Kabupaten Blora". */
  office: z.string(),
  officeId: IdSchema,
  /** Province name from idn-area-data, e.g. "Jawa Tengah"; '' when unknown. */
  province: z.string(),
  scope: ScopeSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** POST /api/v1/enroll. The code is single use; HQ stores only its sha256. */
export const EnrollRequestSchema = z.strictObject({
  code: z.string().min(4).max(200),
  /** Shown in `hq devices`, e.g. "Laptop humas". */
  deviceName: z.string().min(1).max(200),
});

/** The token is shown once; keep it secret (safeStorage / 0600 file). */
export const EnrollResponseSchema = z.object({
  deviceId: IdSchema,
  token: z.string(),
  person: PersonSchema,
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

/** GET /api/v1/sync/me. */
export const MeResponseSchema = z.object({
  deviceId: IdSchema,
  deviceName: z.string(),
  person: PersonSchema,
  /** The seq HQ will accept next (last applied + 1). */
  nextSeq: SeqSchema,
  /** The newest change-log cursor at HQ right now. */
  headCursor: RevisionSchema,
  /**
   * The office's settings, as its admin set them at HQ (absent from an HQ older than them).
   * Read setting by setting, so a newer HQ's setting this version cannot read never stops sync.
   */
  office: z
    .unknown()
    .optional()
    .transform((raw) => (raw === undefined ? undefined : (readOfficeProfile(raw) ?? undefined))),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
