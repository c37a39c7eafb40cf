import { mergeWords } from '../../shared/spelling/office-words';
import { MAX_OFFICE_WORDS_PER_REQUEST } from '../../shared/sync/protocol';
import { HqError, type HqClient } from './hq-client';
import { readOfficeProfile } from './office-profile';
import { addLog } from './tables/log';
import { localOfficeWords, markOfficeWordsSent, queueOfficeWord, unsentOfficeWords } from './tables/office-words';
import type { Db } from '../store';

/** The words the spellchecker accepts beyond its dictionary: the office's (from HQ) and this workstation's. */
export function officeWords(db: Db): string[] {
  return mergeWords(readOfficeProfile(db)?.dictionary ?? [], localOfficeWords(db));
}

export function addOfficeWord(db: Db, word: string): string[] {
  queueOfficeWord(db, word);
  return officeWords(db);
}

/**
 * Sends the words added here since the last sync, before the sync asks HQ for the office's
 * profile (which then carries them). A word HQ refuses (shape, the office's cap) is logged and
 * not sent again; a network failure leaves them queued for the next run.
 */
export async function sendOfficeWords(db: Db, client: HqClient): Promise<void> {
  for (;;) {
    const words = unsentOfficeWords(db, MAX_OFFICE_WORDS_PER_REQUEST);
    if (words.length === 0) return;
    try {
      await client.addOfficeWords(words);
    } catch (error) {
      if (!(error instanceof HqError) || error.kind !== 'http') throw error;
      // An HQ from before office dictionaries: keep the words for when it has them.
      if (error.status === 404) return;
      // Only a refusal of the words themselves drops them; anything else fails the run as usual.
      if (error.status !== 400 && error.status !== 413) throw error;
      addLog(db, 'warn', 'syncLog.officeWordsRefused', { words: words.join(', '), detail: error.message });
    }
    markOfficeWordsSent(db, words);
  }
}
