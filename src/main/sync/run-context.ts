import type { SyncPhase, SyncRunSummary } from '../../shared/contract/sync';
import type { AnnotationChange, ReleaseChange } from '../../shared/sync/protocol';
import type { Db } from '../store';
import type { AttachmentAccess } from './attachments';
import type { HqClient } from './hq-client';
import type { PushExtension } from './push/extension';

/** Everything one sync run works with. */
export interface EngineContext {
  db: Db;
  client: HqClient;
  deviceId: string;
  /** Name written into local history for revisions that came from this workstation via HQ. */
  selfName: string;
  attachments: AttachmentAccess;
  confirmMassDelete: boolean;
  progress(phase: SyncPhase, done: number, total: number): void;
  /** Annotations from the change log (review records), applied in the page's transaction. */
  onAnnotation?: (db: Db, change: AnnotationChange) => void;
  /** Every release change from the log, after it was applied here (review: HQ's accepted transitions). */
  onReleaseChange?: (db: Db, change: ReleaseChange) => void;
  pullLimit?: number;
  /** Entries per push batch (capped by the protocol's MAX_PUSH_ENTRIES). */
  batchSize?: number;
  extensions?: PushExtension[];
}

/** A pull that would delete many releases stops and asks: how many, out of how many live ones. */
export type MassDeleteQuestion = { deletes: number; total: number } | null;

export interface RunOutcome {
  summary: SyncRunSummary;
  needsConfirmation: MassDeleteQuestion;
}
