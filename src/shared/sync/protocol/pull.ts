import { z } from 'zod';
import { IdSchema, StatusSchema, TimestampSchema } from '../../domain/release';
import { RoleSchema } from '../../domain/role';
import { PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT } from './limits';
import { RevisionSchema, WireFieldsSchema } from './wire-fields';

/** Who made a change, as HQ confirmed it. `hqTime` is HQ's clock at apply: display only. */
const ChangeActorSchema = z.object({
  deviceId: IdSchema,
  personId: IdSchema,
  name: z.string(),
  role: RoleSchema,
  office: z.string(),
  hqTime: TimestampSchema,
});
export type ChangeActor = z.infer<typeof ChangeActorSchema>;

const RELEASE_EVENTS = ['created', 'edited', 'merged', 'resolved', 'transition', 'deleted'] as const;
const ReleaseEventSchema = z.enum(RELEASE_EVENTS);
export type ReleaseEvent = z.infer<typeof ReleaseEventSchema>;

/** Every change in HQ's log has a global cursor and belongs to one release. */
const changeHead = { cursor: z.number().int().positive(), releaseId: IdSchema };

/**
 * A new revision of a release (or its tombstone: `deleted: true`, `fields: null`).
 * Every revision appears exactly once in the log; revisions of one release ascend.
 */
const ReleaseChangeSchema = z.object({
  ...changeHead,
  type: z.literal('release'),
  revision: z.number().int().positive(),
  officeId: IdSchema,
  deleted: z.boolean(),
  fields: WireFieldsSchema.nullable(),
  status: StatusSchema,
  /** Set when status is terbit with an embargo. */
  publishAt: TimestampSchema.nullable(),
  event: ReleaseEventSchema,
  /** transition: from → to, and the note. */
  fromStatus: StatusSchema.nullable(),
  note: z.string().nullable(),
  by: ChangeActorSchema,
});
export type ReleaseChange = z.infer<typeof ReleaseChangeSchema>;

/** The latest state of one annotation. */
const AnnotationChangeSchema = z.object({
  ...changeHead,
  type: z.literal('annotation'),
  annotationId: IdSchema,
  annotationType: z.string(),
  version: z.number().int().positive(),
  baseRevision: RevisionSchema,
  data: z.record(z.string(), z.unknown()),
  by: ChangeActorSchema,
});
export type AnnotationChange = z.infer<typeof AnnotationChangeSchema>;

const ChangeSchema = z.discriminatedUnion('type', [ReleaseChangeSchema, AnnotationChangeSchema]);

/** GET /api/v1/sync/pull query. */
export const PullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
});

/**
 * Changes visible to this device with cursor > query.cursor, ascending. Store `nextCursor`
 * once the page is applied; ask again while `hasMore`. `nextCursor` may jump past changes the
 * device may not read.
 */
export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
