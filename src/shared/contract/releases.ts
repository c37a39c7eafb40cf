import { z } from 'zod';
import {
  CategorySchema,
  IdSchema,
  ReleaseFieldsSchema,
  ReleasePatchSchema,
  ReleaseSchema,
  ReleaseSummarySchema,
  StatusSchema,
  TimestampSchema,
} from '../domain/release';
import { Sha256Schema } from '../domain/digest';
import { method } from './define';

export const SORTS = ['updated_desc', 'updated_asc', 'title_asc', 'date_desc'] as const;

/** A piece of highlighted text: `match` marks the words that matched the query. Never HTML. */
const HighlightSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Highlight = z.infer<typeof HighlightSchema>;

const RevisionMetaSchema = z.object({
  rev: z.number().int().positive(),
  createdAt: TimestampSchema,
  author: z.string(),
  title: z.string(),
  wordCount: z.number().int().nonnegative(),
  /** Why it was made: `created`, `edited` (typing, coalesced), `restored`, `merged` (from HQ), `recovered`, `migrated`. */
  reason: z.string(),
  /** For a `restored` revision: the revision whose text it brought back. */
  restoredFrom: z.number().int().positive().nullable().optional(),
});
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;

/** How long a deleted release stays in the trash ("Sampah") before the workstation forgets it. */
export const TRASH_DAYS = 30;

const TrashItemSchema = ReleaseSummarySchema.extend({ deletedAt: TimestampSchema });

/** Images: at most this many bytes each. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

export const releaseMethods = {
  createRelease: method(z.object({ fields: ReleasePatchSchema.optional() }), ReleaseSchema),
  getRelease: method(z.object({ id: IdSchema }), ReleaseSchema),
  /**
   * Store edited fields. Partial: only what changed needs to travel. Send `slug` only when
   * the writer edits it: a slug that differs from the stored one becomes a fixed choice;
   * otherwise a draft's slug follows its title. A save that changes nothing stores nothing.
   * With `expectedRev`, the save is refused with `conflict` when the stored release has moved
   * past that local revision (a sync stored a newer version): the editor then merges.
   */
  saveRelease: method(
    z.object({
      id: IdSchema,
      fields: ReleasePatchSchema,
      expectedRev: z.number().int().nonnegative().optional(),
    }),
    ReleaseSchema,
  ),
  /** Moves the release to the trash (refused with `release.deleteLocked` while it is or will be public). */
  deleteRelease: method(z.object({ id: IdSchema }), z.object({ deleted: z.literal(true) })),
  /** "Sampah": releases deleted within TRASH_DAYS, the latest first. */
  listTrash: method(z.object({}), z.object({ items: z.array(TrashItemSchema) })),
  /** "Pulihkan": back from the trash; the restore syncs to HQ and other workstations. */
  restoreRelease: method(z.object({ id: IdSchema }), ReleaseSchema),
  listReleases: method(
    z.object({
      status: StatusSchema.optional(),
      category: CategorySchema.optional(),
      sort: z.enum(SORTS).default('updated_desc'),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ items: z.array(ReleaseSummarySchema), total: z.number().int().nonnegative() }),
  ),
  searchReleases: method(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(30) }),
    z.object({
      items: z.array(z.object({ release: ReleaseSummarySchema, title: HighlightSchema, snippet: HighlightSchema })),
    }),
  ),
  listRevisions: method(z.object({ releaseId: IdSchema }), z.object({ items: z.array(RevisionMetaSchema) })),
  getRevision: method(
    z.object({ releaseId: IdSchema, rev: z.number().int().positive() }),
    RevisionMetaSchema.extend({ fields: ReleaseFieldsSchema }),
  ),
  /** Restoring makes a new revision; nothing is overwritten. */
  restoreRevision: method(z.object({ releaseId: IdSchema, rev: z.number().int().positive() }), ReleaseSchema),
  /** Image bytes, base64, checked by their content (not their name) and capped at MAX_IMAGE_BYTES. */
  importImage: method(
    z.object({ name: z.string().max(255), dataBase64: z.string().max(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 16) }),
    z.object({ attachment: Sha256Schema, mime: z.enum(IMAGE_MIME_TYPES), bytes: z.number().int().positive() }),
  ),
  /** "Cadangkan": an online backup of the database into the data dir's backups folder. */
  backupDatabase: method(z.object({}), z.object({ path: z.string(), bytes: z.number().int().nonnegative() })),
};
