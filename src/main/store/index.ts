/**
 * The workstation's local store: one SQLite file per data dir plus content-addressed
 * attachments. Plain Node: no electron import, so the web host and tests use it as is.
 */
export { openStore, DB_FILE, LOCAL_AUTHOR, type Store, type OpenStoreOptions } from './store';
export { MIGRATIONS, type Migration } from './migrations';
export { migrate, latestVersion, orderMigrations } from './migrations/runner';
export { silentLogger, type Db, type StoreLogger } from './types';
export type { Settings } from './settings';
export type { Notice } from './notices';
export { appendOutbox, readOutbox, trimOutbox, type OutboxEntry, type OutboxKind } from './outbox';
export {
  commitRelease,
  createRelease,
  deleteRelease,
  getRelease,
  getRow,
  listReleases,
  setSyncState,
  type CommitOptions,
} from './releases';
export {
  recordRevision,
  listRevisions,
  getRevision,
  COALESCE_IDLE_MS,
  COALESCE_SPAN_MS,
  type RevisionReason,
} from './revisions';
export { searchReleases, toFtsQuery, toHighlight, indexRelease } from './search';
export { importImage, readAttachment, sniffImage, type AttachmentFile } from './attachments';
export { backupDatabase } from './backup';
