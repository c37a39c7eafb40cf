import { z } from 'zod';
import { ErrorParamsSchema, ErrorReasonSchema } from '../errors/reasons';
import { TimestampSchema } from '../domain/release';
import { RoleSchema } from '../domain/role';
import { method } from './define';

export const LanguageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const IdentitySchema = z.object({
  name: z.string(),
  role: RoleSchema,
  office: z.string(),
  deviceId: z.string(),
});
export type Identity = z.infer<typeof IdentitySchema>;

const NoticeSchema = z.object({
  /** Local id, passed back to `dismissNotice`. */
  id: z.number().int(),
  /** e.g. `db_recovered`: the database was damaged and kept aside. */
  code: z.string(),
  /** Indonesian wording; the interface words `reason` + `params` when present. */
  message: z.string(),
  reason: ErrorReasonSchema.optional().catch(undefined),
  params: ErrorParamsSchema.optional(),
  at: TimestampSchema,
});

export const appMethods = {
  getAppInfo: method(
    z.object({}),
    z.object({
      version: z.string(),
      dataDir: z.string(),
      language: LanguageSchema,
      identity: IdentitySchema.nullable(),
      hqUrl: z.string().nullable(),
      notices: z.array(NoticeSchema),
    }),
  ),
  setLanguage: method(z.object({ language: LanguageSchema }), z.object({ language: LanguageSchema })),
  /** Hides a notice for good (it stays in the database, marked dismissed). */
  dismissNotice: method(z.object({ id: z.number().int().positive() }), z.object({})),
};
