import { z } from 'zod';
import { ChecklistRuleSchema } from '../checklist/levels';
import { DocSchema } from '../domain/doc';
import { CategorySchema, IdSchema } from '../domain/release';

/**
 * A release template: the structure and placeholder text a new release starts from, and the
 * checklist rules its kind of release especially needs (shown when picking it).
 */
export const TemplateSchema = z.object({
  /** Set for templates a writer saved (they are replaced by id); an admin's may have none. */
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(80),
  category: CategorySchema,
  title: z.string().max(300).default(''),
  summary: z.string().max(2000).default(''),
  tags: z.array(z.string().min(1).max(60)).max(30).default([]),
  body: DocSchema,
  needs: z.array(ChecklistRuleSchema).max(8).default([]),
});
export type Template = z.infer<typeof TemplateSchema>;

/** An office's own templates (office setting `templates`), shown after the built-in ones. */
export const MAX_OFFICE_TEMPLATES = 50;
export const OfficeTemplatesSchema = z.array(TemplateSchema).max(MAX_OFFICE_TEMPLATES);
