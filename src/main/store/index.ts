/**
 * The workstation's local store: one SQLite file per data dir plus content-addressed
 * attachments. Plain Node: no electron import, so the web host and tests use it as is.
 */
export { openStore, DB_FILE, LOCAL_AUTHOR, type Store, type OpenStoreOptions } from './store';
export { MIGRATIONS } from './migrations';
export type { Db } from './types';
export type { Settings } from './settings';
export type { Notice } from './notices';
export { readOutbox } from './outbox';
export { commitRelease, createRelease, deleteRelease, getRelease, listReleases } from './releases';
export { listRevisions, getRevision, COALESCE_IDLE_MS } from './revisions';
export { searchReleases, toFtsQuery, toHighlight, indexRelease } from './search';
export { importImage, readAttachment, type AttachmentFile } from './attachments';
export { backupDatabase } from './backup';
