/**
 * The workstation's local store: one SQLite file per data dir plus content-addressed
 * attachments. Plain Node: no electron import, so the web host and tests use it as is.
 */
export { openStore, DB_FILE, type Store, type OpenStoreOptions } from './store';
export { MIGRATIONS } from './migrations';
export type { Db } from './types';
export { readOutbox } from './outbox';
export { createRelease, getRelease, listReleases } from './releases';
export { listRevisions, COALESCE_IDLE_MS } from './revisions';
export { searchReleases, toFtsQuery } from './search';
export { readAttachment } from './attachments';
