import type { EntryResult, PushEntry } from '../../../shared/sync/protocol';
import { contentHash, ruleFor } from '../../../shared/workflow';
import { checklistBlocker } from '../../checklist';
import { reviewTransitionBlocker } from '../../review/checks';
import { accepted, append, notFound, rejected, type ApplyContext } from './context';

/**
 * A workflow transition is made on a text: it applies to HQ's head only when that is the text
 * the person saw (same revision, or the same content hash after edits that changed nothing).
 */
export function applyTransition(
  ctx: ApplyContext,
  entry: Extract<PushEntry, { kind: 'workflow.transition' }>,
): EntryResult {
  const { releaseId, baseRevision, to } = entry;
  const head = ctx.storage.getReleaseHead(releaseId);
  if (!head) return notFound(entry);
  if (head.deleted) return rejected(entry, 'deleted', 'the release was deleted');
  const headHash = entry.contentHash && head.fields ? contentHash(head.fields) : null;
  const sameText = headHash !== null && headHash === entry.contentHash;
  if (entry.contentHash && !sameText) {
    return rejected(
      entry,
      'stale_revision',
      `the transition was made on a text that is no longer HQ's head (revision ${head.revision})`,
    );
  }
  if (baseRevision > head.revision || (baseRevision !== head.revision && !sameText)) {
    return rejected(
      entry,
      'stale_revision',
      `the transition was made on revision ${baseRevision}; HQ's head is ${head.revision}`,
    );
  }
  const rule = ruleFor(head.status, to);
  if (!rule || !rule.roles.includes(ctx.who.person.role)) {
    return rejected(
      entry,
      'transition_not_allowed',
      `a ${ctx.who.person.role} may not move a release from ${head.status} to ${to}`,
    );
  }
  const blocked = reviewTransitionBlocker(head.fields, to) ?? checklistBlocker(ctx.storage, head, to);
  if (blocked) return rejected(entry, 'transition_not_allowed', blocked);
  const revision = append(ctx, head, releaseId, head.officeId, {
    deleted: false,
    fields: head.fields,
    status: to,
    publishAt:
      to === 'terbit' ? (entry.publishAt ?? null) : to === 'dikoreksi' || to === 'ditarik' ? head.publishAt : null,
    event: 'transition',
    fromStatus: head.status,
    note: entry.note ?? null,
  });
  return accepted(entry, revision);
}
