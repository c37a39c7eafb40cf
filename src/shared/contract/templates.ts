import { z } from 'zod';
import { IdSchema } from '../domain/release';
import { TemplateSchema } from '../templates/schema';
import { method } from './define';

/** The office's own templates (the built-in ones ship in src/shared/templates). */
export const templateMethods = {
  /** "Simpan sebagai templat": kept here until sync sends it to HQ for the whole office. */
  saveTemplate: method(z.object({ template: TemplateSchema.omit({ id: true }) }), z.object({ id: IdSchema })),
  /** The office's templates as HQ last sent them, then this workstation's not yet sent (`pending`). */
  listOfficeTemplates: method(
    z.object({}),
    z.object({ templates: z.array(z.object({ template: TemplateSchema, pending: z.boolean() })) }),
  ),
};
