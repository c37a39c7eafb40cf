import { v7 as uuidv7 } from 'uuid';
import type { Handlers } from '../../shared/contract';
import type { Db } from '../store';
import { readOfficeProfile } from '../sync';
import { enqueueTemplate, readTemplateOutbox } from './tables/outbox';

type TemplateHandlers = Pick<Handlers, 'saveTemplate' | 'listOfficeTemplates'>;

/** "Simpan sebagai templat" and the office's templates: HQ's (from the profile) and those not sent yet. */
export function createTemplateHandlers(db: Db): TemplateHandlers {
  return {
    saveTemplate({ template }) {
      const id = uuidv7();
      enqueueTemplate(db, id, { ...template, id });
      return { id };
    },
    listOfficeTemplates() {
      const pending = readTemplateOutbox(db);
      const waiting = new Set(pending.map((p) => p.id));
      const fromHq = (readOfficeProfile(db)?.templates ?? []).filter((t) => !t.id || !waiting.has(t.id));
      return {
        templates: [
          ...fromHq.map((template) => ({ template, pending: false })),
          ...pending.map((p) => ({ template: p.template, pending: true })),
        ],
      };
    },
  };
}
