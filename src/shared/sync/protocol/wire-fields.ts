import { z } from 'zod';
import { LeadImageSchema, ReleaseFieldsSchema } from '../../domain/release';

/** The lead image as it travels: every field present (no defaults filled in), nothing extra. */
const LeadImageWire = LeadImageSchema.required().strict();

/**
 * A full release snapshot as it travels (strict: unknown fields → 400): domain ReleaseFields
 * with the same limits, but every field required — a snapshot is never partial.
 */
export const WireFieldsSchema = z.strictObject({ ...ReleaseFieldsSchema.shape, leadImage: LeadImageWire.nullable() });
export type WireFields = z.infer<typeof WireFieldsSchema>;

/** A per-device push sequence number, from 1. */
export const SeqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An HQ revision counter of one release; 0 = never seen by HQ. */
export const RevisionSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
