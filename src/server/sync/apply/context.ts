import type { ChangeActor, EntryResult, PushEntry, RejectReason, WireFields } from '../../../shared/sync/protocol';
import type { DeviceIdentity, HqStorage, ReadScope, ReleaseHead, RevisionRow } from '../../storage/types';

/** What every entry of one batch is applied with: one transaction, one device, one HQ time. */
export interface ApplyContext {
  storage: HqStorage;
  who: DeviceIdentity;
  scope: ReadScope;
  actor: ChangeActor;
  hqTime: string;
  /** Called (inside the transaction) for every new release revision: the publishing hook. */
  onRevision?: ((rev: RevisionRow) => void) | undefined;
}

export type NewRevision = Omit<RevisionRow, 'cursor' | 'releaseId' | 'officeId' | 'revision' | 'actor'>;

/** Appends the release's next revision and hands it to the publishing hook; returns its number. */
export function append(
  ctx: ApplyContext,
  head: ReleaseHead | null,
  releaseId: string,
  officeId: string,
  rev: NewRevision,
): number {
  const revision = (head?.revision ?? 0) + 1;
  const row: Omit<RevisionRow, 'cursor'> = { ...rev, releaseId, officeId, revision, actor: ctx.actor };
  const cursor = ctx.storage.appendRevision(row, ctx.hqTime);
  ctx.onRevision?.({ ...row, cursor });
  return revision;
}

type Target = Pick<PushEntry, 'seq' | 'releaseId' | 'baseRevision'>;
type Rejected = Extract<EntryResult, { status: 'rejected' }>;

export const accepted = ({ seq, releaseId }: Target, revision: number): EntryResult => ({
  seq,
  status: 'accepted',
  releaseId,
  revision,
});

export const rejected = ({ seq, releaseId }: Target, reason: RejectReason, message: string): Rejected => ({
  seq,
  status: 'rejected',
  releaseId,
  reason,
  message,
});

export const notFound = (entry: Target): Rejected =>
  rejected(entry, 'not_found', `HQ has no release ${entry.releaseId}`);

export const baseNewerThanHead = (entry: Target, head: ReleaseHead): Rejected =>
  rejected(entry, 'unknown_base', `baseRevision ${entry.baseRevision} is newer than HQ's head ${head.revision}`);

/** HQ keeps its head; the writer sees `theirs` (HQ's fields, or null when HQ deleted it) beside their own. */
export function conflict(
  { seq, releaseId, baseRevision }: Target,
  head: ReleaseHead,
  found: { theirs: WireFields | null; deleted: boolean; conflictBlocks?: string[]; conflictFields?: string[] },
): EntryResult {
  return {
    seq,
    status: 'conflict',
    releaseId,
    headRevision: head.revision,
    baseRevision,
    head: found.theirs,
    conflictBlocks: found.conflictBlocks ?? [],
    conflictFields: found.conflictFields ?? [],
    deleted: found.deleted,
  };
}
