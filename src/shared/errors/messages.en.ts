import { STATUS_LABELS_EN } from '../domain/labels';
import type { ErrorMessages } from './format';

/** English, for the English interface. Same keys and placeholders as Indonesian (tested). */
export const messagesEn: ErrorMessages = {
  reasons: {
    internal: 'Something went wrong. Try again; if it keeps happening, tell your admin.',
    'contract.invalidInput': 'The {{method}} request was not valid.',
    'contract.unknownMethod': 'The local service does not know the command "{{method}}".',
    'contract.notAvailable': '{{method}} is not available in this build.',
    'dataDir.inUse':
      'The data folder {{dataDir}} is in use by another Warta (the desktop app or npm run web); close that one first.',
    'web.noSession':
      'This browser has no session with Warta. Open the link printed when Warta started, the line “Warta workstation: http://127.0.0.1:…”.',
    'store.dataDirNotWritable':
      'Warta cannot write to its data folder: {{dataDir}} ({{code}}). Check that folder’s permissions or pick another one (--data-dir).',
    'store.cannotOpen': 'The database {{path}} cannot be opened: {{detail}}',
    'store.cannotPrepare': 'The database {{path}} cannot be prepared: {{detail}}',
    'store.newerSchema':
      'The database {{file}} was made by a newer Warta (schema {{found}}; this version knows up to {{latest}}). ' +
      'Update Warta; the file was left unchanged.',
    'storage.diskFull': '{{action}} failed: the disk is full. Free some space and try again; what was saved is safe.',
    'storage.readOnly': '{{action}} failed: the data folder cannot be written ({{code}}).',
    'storage.ioError': '{{action}} failed: disk read/write error ({{code}}).',
    'storage.busy': '{{action}} failed: the database is in use by another process. Try again.',
    'release.notFound': 'Release {{id}} was not found.',
    'release.changedSince': 'Release {{id}} has changed since local revision {{rev}}',
    'release.deleteLocked':
      'A release that is or will be published cannot be deleted. Withdraw it from the site first (reviewer or admin).',
    'release.notInTrash': 'Release {{id}} is not in the trash.',
    'release.tooLarge':
      'The release text is too long to save (the limit is {{limitMb}} MB or {{limitNodes}} paragraphs and text runs); shorten it or split it into several releases.',
    'revision.notFound': 'Revision {{rev}} of release {{releaseId}} was not found.',
    'backup.badName': '"{{name}}" is not the name of a backup in the backups folder.',
    'backup.notFound': 'The backup {{name}} was not found in the backups folder.',
    'backup.damaged':
      'The backup {{name}} is damaged ({{detail}}) and was not restored; the current data is unchanged.',
    'image.notBase64': 'The image data is not valid base64.',
    'image.tooLarge': 'The image "{{name}}" is too large ({{sizeMb}} MB); the limit is {{limitMb}} MB.',
    'image.empty': 'The file "{{name}}" is empty.',
    'image.notAnImage':
      'The file "{{name}}" is not a supported image (its content is not JPEG, PNG, WebP or GIF, whatever its name says).',
    'docx.tooLarge':
      'The file "{{name}}" is too large ({{sizeMb}} MB); a Word document can be at most {{limitMb}} MB. Nothing was imported.',
    'docx.unpackedTooLarge':
      'The file "{{name}}" holds more than {{limitMb}} MB once unpacked, far more than any Word document. It was not opened and nothing was imported.',
    'docx.empty': 'The file "{{name}}" is empty. Nothing was imported.',
    'docx.notDocx':
      'The file "{{name}}" is not a Word document (.docx). Save it from Word as .docx and try again. Nothing was imported.',
    'docx.executable':
      'The file "{{name}}" is a program, not a Word document. It was not opened and nothing was imported.',
    'docx.encrypted':
      'The file "{{name}}" is password-protected (or an old .doc). Open it in Word, remove the password or save it as .docx, and try again. Nothing was imported.',
    'docx.corrupt': 'The file "{{name}}" is damaged and cannot be read as a Word document. Nothing was imported.',
    'review.threadNotFound': 'The comment thread was not found.',
    'review.paragraphNotFound': 'The selected paragraph was not found; save first, then select the text again.',
    'review.selectWithinParagraph': 'Select text within one paragraph to comment on it.',
    'review.selectWords': 'Select the words you want to comment on.',
    'workflow.noChange': 'The release is already {{status}}.',
    'workflow.notAllowed': 'The status cannot change from {{from}} to {{to}}.',
    'workflow.forbiddenRole': 'A {{role}} may not change the status to {{to}}.',
    'workflow.stale': 'The release has changed since you opened it. Reload and check the latest version.',
    'workflow.pendingSuggestions': '{{count}} suggested edits are still waiting to be accepted or rejected.',
    'workflow.notApproved': 'This version has not been approved; approve it before publishing.',
    'workflow.scheduleOnlyOnPublish': 'A publication time can only be chosen when publishing.',
    'workflow.badSchedule': 'The publication time is not valid.',
    'checklist.blocked': 'Not yet: the checklist still fails on {{rules}}. Fix these first (see “Checklist”).',
    'workflow.approvalInvalidated':
      'The release was changed after it was approved, so it is back to Submitted and needs another review.',
    'workflow.embargoCancelled':
      'The release was changed before its publication time, so publishing was cancelled and it is back to Submitted.',
    'sync.badUrl': 'The central server address is not valid. Example: https://pusat.kpu.go.id',
    'sync.urlNotHttp': 'The central server address must start with http:// or https://',
    'sync.urlHasCredentials': 'The central server address must not contain a user name or password',
    'sync.notInConflict': 'This release is not in conflict.',
    'sync.releaseNotFound': 'The release was not found.',
    'sync.unresolvedParts': 'Some parts are still not chosen: {{parts}}',
    'sync.invalidResolution': 'The conflict resolution is not valid.',
    'sync.notEnrolled':
      'This computer is not connected to the central server yet. Open Settings, enter the server address and enrolment code, then press Connect.',
    'sync.enrollFailed': 'Enrolment failed: {{detail}}',
    'sync.unreachable':
      'The central server at {{url}} cannot be reached. Check the address and the connection, then try again.',
    'sync.codeExpired': 'The enrolment code has expired. Ask the central server’s admin for a new one.',
    'sync.codeUsed': 'The enrolment code was already used. Each code works once; ask the admin for a new one.',
    'sync.codeWrong': 'The enrolment code is wrong. Check the code the central server’s admin gave you.',
    'sync.codeInvalid': 'The enrolment code is not valid. Check the code the central server’s admin gave you.',
    'sync.notWartaServer': 'The address {{url}} does not answer as a Warta central server. Check the address.',
    'sync.serverTrouble': 'The central server is having trouble ({{detail}}). Try again shortly.',
    'updates.downloadFailed': 'The update download stopped ({{detail}}); it resumes after the next sync.',
    'updates.tampered':
      'The update file {{file}} does not match the fingerprint (sha512) from the central server and was refused.',
    'updates.notReady': 'No update is ready to install yet.',
    'updates.unsyncedChanges':
      '{{count}} change(s) have not been synced to the central server yet. Restart to update anyway?',
    'updates.notSupported': 'Automatic updates are only available in the installed desktop app.',
    'support.nothingToSend': 'There are no logs from the last {{days}} days to send.',
    'sync.deviceRefused':
      'The central server refused this computer (its token is invalid or was revoked). Reconnect in Settings.',
    'notice.dbDamagedSalvaged':
      'The database was damaged ({{damage}}) and was set aside, not deleted: {{aside}}. {{count}} releases were rescued into a new database.',
    'notice.dbDamagedUnreadable':
      'The database was damaged ({{damage}}) and was set aside, not deleted: {{aside}}. Its content could not be read at all.',
    'notice.dbEarlierSalvaged':
      'A damaged database was set aside, not deleted: {{aside}}. {{count}} releases were rescued into a new database.',
    'notice.dbEarlierUnreadable':
      'A damaged database was set aside, not deleted: {{aside}}. Its content could not be read at all.',
    'syncLog.connected': 'Connected to {{url}} as {{name}} ({{office}}).',
    'syncLog.disconnected': 'Disconnected from the central server. The releases on this computer are kept.',
    'syncLog.awaitingConfirmation': 'Sync is waiting for the deletions to be confirmed.',
    'syncLog.finished':
      'Sync finished: {{pushed}} sent, {{uploaded}} attachments, {{pulled}} received, {{conflicts}} conflicts, {{rejected}} refused.',
    'syncLog.failed': 'Sync failed: {{detail}}',
    'syncLog.officeWordsRefused': 'The central server refused words for the office dictionary ({{words}}): {{detail}}',
    'syncLog.deviceRefused':
      'Sync failed: the central server refused this computer (its token is invalid or was revoked). Reconnect in Settings.',
    'syncLog.conflictResolved': 'Conflict resolved; the result is sent at the next sync.',
    'syncLog.attachmentMissingHere':
      'Attachment {{sha}}… is not on this computer; releases that use it may be refused.',
    'syncLog.attachmentResent': 'The central server did not have the attachment yet; it is sent again. ({{detail}})',
    'syncLog.conflict': 'Conflict: {{blocks}} blocks and {{fields}} fields were changed in two places.',
    'syncLog.deletedAtHqKept': 'The release was already deleted on the central server; the local copy is kept.',
    'syncLog.deletedHereChangedAtHq':
      'The release deleted here was changed on the central server; the central version is restored.',
    'syncLog.deletedAtHqUnsent':
      'The release was deleted on the central server, but it has local changes not sent yet; the local copy is kept.',
    'syncLog.deletedAtHqBy': 'The release was deleted on the central server by {{name}}.',
    'syncLog.deleteRefusedPublic':
      'The central server refused the delete because this release is or will be published; the release is back.',
    'syncLog.massDeleteStopped':
      'Sync stopped: {{deletes}} of {{total}} releases would be deleted. Waiting for confirmation.',
    'syncLog.seqAdjusted': 'The send sequence was matched to the central server (from {{from}}).',
    'syncLog.rejectedBecause': 'Refused by the central server ({{code}}): {{detail}}',
    'syncLog.rejected': 'Refused by the central server: {{detail}}',
    'syncLog.transitionRejected': 'Status change refused: {{detail}}',
    'syncLog.commentRejectedBecause': 'Comment refused by the central server ({{code}}): {{detail}}',
    'syncLog.commentRejected': 'Comment refused by the central server: {{detail}}',
  },
  codes: {
    invalid_input: 'The request was not valid.',
    unknown_method: 'The local service does not know this command.',
    not_found: 'What you asked for was not found.',
    conflict: 'This was changed elsewhere. Reload and try again.',
    too_large: 'The file is too large.',
    unsupported_media: 'This kind of file is not supported.',
    storage: 'Local storage has a problem.',
    forbidden: 'You are not allowed to do this.',
    unauthorized: 'This computer is not connected to the central server.',
    network: 'The server cannot be reached.',
    needs_confirmation: 'This action needs to be confirmed.',
    internal: 'Something went wrong. Try again; if it keeps happening, tell your admin.',
  },
  actions: {
    createRelease: 'Creating the release',
    openRelease: 'Opening the release',
    saveRelease: 'Saving the release',
    deleteRelease: 'Deleting the release',
    listTrash: 'Opening the trash',
    restoreRelease: 'Restoring the release',
    listReleases: 'Loading the release list',
    searchReleases: 'Searching releases',
    listRevisions: 'Loading the history',
    openRevision: 'Opening the revision',
    restoreRevision: 'Restoring the revision',
    restoreBackup: 'Restoring the backup',
    importImage: 'Importing the image',
    backup: 'Backing up',
    listComments: 'Loading comments',
    addComment: 'Sending the comment',
    replyToComment: 'Sending the reply',
    resolveThread: 'Resolving the comment',
    reopenThread: 'Reopening the comment',
    getWorkflow: 'Loading the release status',
    transition: 'Changing the release status',
    listAudit: 'Loading the audit trail',
    reviewQueue: 'Loading the review queue',
  },
  statuses: STATUS_LABELS_EN,
  roles: { penulis: 'writer', peninjau: 'reviewer', admin: 'admin' },
  checklistRules: {
    headline: 'headline length',
    dateline: 'dateline place',
    date: 'weekday and date',
    images: 'image alt text, caption and credit',
    quote: 'attributed quote',
    contact: 'contact person',
    wordCount: 'word count',
    openReview: 'open comments or suggestions',
  },
};
