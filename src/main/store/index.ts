/**
 * The workstation's local store: one SQLite file per data dir plus content-addressed
 * attachments. Plain Node: no electron import, so the web host and tests use it as is.
 */
export { openStore, DB_FILE, type Store, type OpenStoreOptions } from './store';
export { MIGRATIONS } from './migrations';
export type { Db } from './types';
export { createSettings, type Settings } from './settings';
export {
  appendOutbox,
  countReleasesInOutbox,
  outboxUpto,
  readOutbox,
  releasesInOutbox,
  trimReleaseOutbox,
} from './outbox';
export {
  commitRelease,
  countLiveReleases,
  createRelease,
  deleteRelease,
  getRelease,
  getRow,
  listByStatus,
  listReleases,
  markConflicted,
  requireRow,
  setStatus,
  setSyncState,
} from './releases';
export { rowFields, rowToRelease } from './rows';
export { deleteFromHq, releaseSyncView, setNumberFromHq, undeleteFromHq, writeFromHq } from './hq-writes';
export { listTrash, purgeTrash, restoreRelease } from './trash';
export { nowIso } from './clock';
export { toStorageError } from './errors';
export { listRevisions, getRevision, COALESCE_IDLE_MS } from './revisions';
export { searchReleases, toFtsQuery } from './search';
export { importImage, readAttachment, recordAttachment } from './attachments';
export { backupDatabase } from './backup';
export { backupPath, listBackups } from './backups';
export { prepareRestore, swapIn } from './restore';
