import { TemplateSchema, type Template } from '../../../shared/templates';
import { type Db, nowIso } from '../../store';

export interface TemplateOutboxRow {
  id: string;
  template: Template;
  queued: boolean;
}

/** Keeps a saved template until HQ has it (the sync engine then sends it). */
export function enqueueTemplate(db: Db, id: string, template: Template): void {
  db.prepare('INSERT INTO template_outbox (id, template, created_at) VALUES (?, ?, ?)').run(
    id,
    JSON.stringify(template),
    nowIso(),
  );
}

export function readTemplateOutbox(db: Db): TemplateOutboxRow[] {
  const rows = db
    .prepare<[], { id: string; template: string; queued: number }>(
      'SELECT id, template, queued FROM template_outbox ORDER BY created_at, id',
    )
    .all();
  const out: TemplateOutboxRow[] = [];
  for (const r of rows) {
    const parsed = TemplateSchema.safeParse(JSON.parse(r.template));
    if (parsed.success) out.push({ id: r.id, template: parsed.data, queued: r.queued === 1 });
  }
  return out;
}

export function markTemplateQueued(db: Db, id: string): void {
  db.prepare('UPDATE template_outbox SET queued = 1 WHERE id = ?').run(id);
}

export function deleteTemplateOutbox(db: Db, id: string): void {
  db.prepare('DELETE FROM template_outbox WHERE id = ?').run(id);
}
