import { z } from 'zod';

/**
 * Every specific failure a service can report, and every notice or sync-log line stored
 * for the user. The renderer words each one in the user's language; for failures the
 * transport category (`ErrorCode`) only picks the HTTP status.
 */
export const ERROR_REASONS = [
  'internal',
  'contract.invalidInput',
  'contract.unknownMethod',
  'contract.notAvailable',
  'dataDir.inUse',
  'web.noSession',
  'store.dataDirNotWritable',
  'store.cannotOpen',
  'store.cannotPrepare',
  'store.newerSchema',
  'storage.diskFull',
  'storage.readOnly',
  'storage.ioError',
  'storage.busy',
  'release.notFound',
  'release.changedSince',
  'revision.notFound',
  'image.notBase64',
  'image.tooLarge',
  'image.empty',
  'image.notAnImage',
  'review.threadNotFound',
  'review.paragraphNotFound',
  'review.selectWithinParagraph',
  'review.selectWords',
  'workflow.noChange',
  'workflow.notAllowed',
  'workflow.forbiddenRole',
  'workflow.stale',
  'workflow.pendingSuggestions',
  'workflow.notApproved',
  'workflow.scheduleOnlyOnPublish',
  'workflow.badSchedule',
  'workflow.approvalInvalidated',
  'workflow.embargoCancelled',
  'sync.badUrl',
  'sync.urlNotHttp',
  'sync.urlHasCredentials',
  'sync.notInConflict',
  'sync.releaseNotFound',
  'sync.unresolvedParts',
  'sync.invalidResolution',
  'sync.notEnrolled',
  'sync.enrollFailed',
  'sync.unreachable',
  'sync.codeExpired',
  'sync.codeUsed',
  'sync.codeWrong',
  'sync.codeInvalid',
  'sync.notWartaServer',
  'sync.serverTrouble',
  'sync.deviceRefused',
  'notice.dbDamagedSalvaged',
  'notice.dbDamagedUnreadable',
  'notice.dbEarlierSalvaged',
  'notice.dbEarlierUnreadable',
  'syncLog.connected',
  'syncLog.disconnected',
  'syncLog.awaitingConfirmation',
  'syncLog.finished',
  'syncLog.failed',
  'syncLog.deviceRefused',
  'syncLog.conflictResolved',
  'syncLog.attachmentMissingHere',
  'syncLog.attachmentResent',
  'syncLog.conflict',
  'syncLog.deletedAtHqKept',
  'syncLog.deletedHereChangedAtHq',
  'syncLog.deletedAtHqUnsent',
  'syncLog.deletedAtHqBy',
  'syncLog.massDeleteStopped',
  'syncLog.seqAdjusted',
  'syncLog.rejectedBecause',
  'syncLog.rejected',
  'syncLog.transitionRejected',
  'syncLog.commentRejectedBecause',
  'syncLog.commentRejected',
] as const;
export const ErrorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;
export const isErrorReason = (value: string): value is ErrorReason =>
  (ERROR_REASONS as readonly string[]).includes(value);

export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/**
 * What the user was doing when storage failed; passed as the `action` param of the
 * `storage.*` reasons and worded from the catalogue too.
 */
export const STORAGE_ACTIONS = [
  'createRelease',
  'openRelease',
  'saveRelease',
  'deleteRelease',
  'listReleases',
  'searchReleases',
  'listRevisions',
  'openRevision',
  'restoreRevision',
  'importImage',
  'backup',
  'listComments',
  'addComment',
  'replyToComment',
  'resolveThread',
  'reopenThread',
  'getWorkflow',
  'transition',
  'listAudit',
  'reviewQueue',
] as const;
export type StorageAction = (typeof STORAGE_ACTIONS)[number];
