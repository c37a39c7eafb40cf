import type { ChangeActor } from '../../shared/sync/protocol';
import { isDeleteLocked } from '../../shared/workflow';
import type { HqStorage } from '../storage/types';

/** Who an admin's restore at HQ is recorded as: no device, no enrolled person. */
const HQ_ADMIN = { deviceId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };

export type RestoreOutcome =
  { ok: true; revision: number; title: string } | { ok: false; problem: 'not_found' | 'not_deleted' | 'no_text' };

/**
 * An admin takes a deleted release out of the trash at HQ: a new revision with the last text
 * it had, in the status it was deleted in (a tombstone naming a public status comes back as a
 * draft, off the public site). Workstations pull it like any other change and see it return.
 */
export function restoreDeletedRelease(storage: HqStorage, releaseId: string, at = new Date()): RestoreOutcome {
  return storage.transaction(() => {
    const head = storage.getReleaseHead(releaseId);
    if (!head) return { ok: false, problem: 'not_found' };
    if (!head.deleted) return { ok: false, problem: 'not_deleted' };
    const last = storage
      .listRevisions(releaseId)
      .filter((r) => !r.deleted && r.fields)
      .pop();
    if (!last?.fields) return { ok: false, problem: 'no_text' };
    const hqTime = at.toISOString();
    const actor: ChangeActor = { ...HQ_ADMIN, name: 'Admin HQ', role: 'admin', office: 'HQ', hqTime };
    const locked = isDeleteLocked(head);
    const revision = head.revision + 1;
    storage.appendRevision(
      {
        releaseId,
        officeId: head.officeId,
        revision,
        deleted: false,
        fields: last.fields,
        status: locked ? 'draf' : head.status,
        publishAt: locked ? null : head.publishAt,
        event: 'edited',
        fromStatus: locked ? head.status : null,
        note: 'Dipulihkan dari Sampah di server pusat.',
        actor,
      },
      hqTime,
    );
    return { ok: true, revision, title: last.fields.title };
  });
}
