import type { EntryResult, PushEntry } from '../../../shared/sync/protocol';
import { MAX_OFFICE_TEMPLATES, OfficeTemplatesSchema } from '../../../shared/templates';
import { accepted, rejected, type ApplyContext } from './context';

/**
 * Every sync's first call carries the office's templates to each of its workstations, so their
 * total is capped: one writer must not make every sync of the office heavy.
 */
const MAX_OFFICE_TEMPLATES_BYTES = 1024 * 1024;

/**
 * A writer's "Simpan sebagai templat": added to (or, same id, replacing one in) the device's
 * office's `templates` setting, which travels to the office's workstations in its profile.
 * A stored list that no longer fits the schema starts over rather than block the office.
 */
export function applyOfficeTemplate(
  ctx: ApplyContext,
  entry: Extract<PushEntry, { kind: 'office.template' }>,
): EntryResult {
  const officeId = ctx.who.office.id;
  const stored = OfficeTemplatesSchema.safeParse(ctx.storage.officeSettings(officeId)['templates']);
  const others = (stored.success ? stored.data : []).filter((t) => t.id !== entry.releaseId);
  if (others.length >= MAX_OFFICE_TEMPLATES)
    return rejected(entry, 'too_large', `the office already has ${MAX_OFFICE_TEMPLATES} templates`);
  const next = [...others, { ...entry.template, id: entry.releaseId }];
  const bytes = Buffer.byteLength(JSON.stringify(next));
  if (bytes > MAX_OFFICE_TEMPLATES_BYTES)
    return rejected(entry, 'too_large', `the office's templates would take ${bytes} bytes; at most 1 MiB`);
  ctx.storage.setOfficeSetting(officeId, 'templates', next, ctx.hqTime);
  return accepted(entry, 0);
}
