import { blockingFailures, ChecklistLevelsSchema, isCheckedTransition, runChecklist } from '../../shared/checklist';
import type { Status } from '../../shared/domain/release';
import type { HqStorage, ReleaseHead } from '../storage/types';

type ChecklistStorage = Pick<HqStorage, 'officeSettings' | 'releaseAnnotations'>;

/** Comment threads on the release whose latest resolve/reopen event (in HQ order) is not a resolve. */
function openThreadCount(storage: Pick<HqStorage, 'releaseAnnotations'>, releaseId: string): number {
  const records = storage.releaseAnnotations(releaseId, ['review.thread', 'review.event']);
  const resolved = new Map<string, boolean>();
  for (const r of records) {
    if (r.type !== 'review.event') continue;
    const { threadId, action } = r.data as { threadId?: unknown; action?: unknown };
    if (typeof threadId === 'string') resolved.set(threadId, action === 'resolve');
  }
  return records.filter((r) => r.type === 'review.thread' && resolved.get(r.id) !== true).length;
}

/**
 * HQ's checklist on submitting and publishing: the office's levels (office setting `checklist`)
 * over HQ's head text and HQ's own record of open comments — the same shared rules the
 * workstation ran, so a forged push cannot skip them. Returns the refusal naming the failing
 * rules, or null.
 */
export function checklistBlocker(storage: ChecklistStorage, head: ReleaseHead, to: Status): string | null {
  if (!isCheckedTransition(to) || !head.fields) return null;
  const levels = ChecklistLevelsSchema.safeParse(storage.officeSettings(head.officeId)['checklist']);
  const findings = runChecklist(
    { fields: head.fields, openComments: openThreadCount(storage, head.id) },
    levels.success ? levels.data : undefined,
  );
  const failing = blockingFailures(findings);
  if (failing.length === 0) return null;
  const detail = findings
    .filter((f) => failing.includes(f.rule))
    .map((f) => {
      const params = Object.entries(f.params).map(([k, v]) => `${k}=${String(v)}`);
      return params.length ? `${f.rule} (${params.join(', ')})` : f.rule;
    });
  return `checklist: the office's blocking rules fail: ${detail.join('; ')}`;
}
