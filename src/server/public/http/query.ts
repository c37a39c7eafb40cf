import { z } from 'zod';
import { CategorySchema } from '../../../shared/domain';

// Public URLs are typed by hand and shared around: a malformed parameter falls back to its
// default instead of failing the page.
const pageNum = z.coerce.number().int().min(1).max(10_000).catch(1);
export const OptionalSlugSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/)
  .optional()
  .catch(undefined);

/** The list filters, under their Indonesian names (site) and English ones (API). */
export const ListQuerySchema = z.object({
  kantor: OptionalSlugSchema,
  office: OptionalSlugSchema,
  kategori: CategorySchema.optional().catch(undefined),
  category: CategorySchema.optional().catch(undefined),
  tag: z.string().trim().min(1).max(60).optional().catch(undefined),
  halaman: pageNum.optional(),
  page: pageNum.optional(),
  perPage: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
type ListQueryIn = z.infer<typeof ListQuerySchema>;

export const filtersOf = (q: ListQueryIn) => ({
  officeSlug: q.kantor ?? q.office,
  category: q.kategori ?? q.category,
  tag: q.tag,
  page: q.halaman ?? q.page ?? 1,
});
