import type Database from 'better-sqlite3';
import { openHqDatabase } from '../../storage/sqlite/open';
import { statementCache } from '../../../node/db/statement-cache';
import type { PublicationStore } from '../types';
import { mediaRecords } from './media';
import { memoHeads } from './heads';
import { siteReleases, storeSeq } from './releases';
import { viewRecords } from './views';
import { wordPressQueue, type WordPressQueue } from './wordpress-queue';

export type { WpQueueRow } from './wordpress-queue';

/** The public site's `pub_*` tables in HQ's database, plus the WordPress forwarding queue. */
export interface SqlitePublicationStore extends PublicationStore, WordPressQueue {
  close(): void;
}

/**
 * Pass HQ's open database handle to share it (HQ then publishes inside the same transaction
 * as the workflow transition), or a file path to open one of our own. Either way the schema
 * comes from HQ's one migration list, which includes the public site's tables.
 */
export function openPublicationStore(dbOrFile: Database.Database | string): SqlitePublicationStore {
  const ownsDb = typeof dbOrFile === 'string';
  const db = typeof dbOrFile === 'string' ? openHqDatabase(dbOrFile) : dbOrFile;
  const q = statementCache(db);
  const transaction = <T>(fn: () => T): T => db.transaction(fn)();
  const media = mediaRecords(q);
  const inTransaction = (): boolean => db.inTransaction;
  const releases = siteReleases(q, transaction, media, inTransaction);
  const views = viewRecords(q, transaction);
  return {
    transaction,
    ...releases,
    mediaVisible: media.mediaVisible,
    ...views,
    ...memoHeads({ headBySlug: releases.headBySlug, recordView: views.recordView }, () => storeSeq(q), inTransaction),
    ...wordPressQueue(q, transaction),
    close() {
      if (ownsDb && db.open) db.close();
    },
  };
}
