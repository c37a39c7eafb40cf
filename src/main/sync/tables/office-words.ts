import { prepareCached } from '../../../node/db/statement-cache';
import { nowIso, type Db } from '../../store';

/** office_words: the words this workstation added to its office's dictionary. */

/** Adds a word (once); it waits for the next sync to reach HQ. */
export function queueOfficeWord(db: Db, word: string): void {
  prepareCached(db, 'INSERT OR IGNORE INTO office_words (word, added_at) VALUES (?, ?)').run(word, nowIso());
}

/** Every word added here, in the order added. */
export function localOfficeWords(db: Db): string[] {
  return (prepareCached(db, 'SELECT word FROM office_words ORDER BY added_at, word').all() as { word: string }[]).map(
    (r) => r.word,
  );
}

/** Words HQ has not taken yet. */
export function unsentOfficeWords(db: Db, limit: number): string[] {
  return (
    prepareCached(db, 'SELECT word FROM office_words WHERE sent_at IS NULL ORDER BY added_at, word LIMIT ?').all(
      limit,
    ) as { word: string }[]
  ).map((r) => r.word);
}

/** HQ answered for these words (took them, or refused them for good): they are not sent again. */
export function markOfficeWordsSent(db: Db, words: readonly string[]): void {
  const stmt = prepareCached(db, 'UPDATE office_words SET sent_at = ? WHERE word = ?');
  const at = nowIso();
  db.transaction(() => {
    for (const word of words) stmt.run(at, word);
  })();
}

/** Forgotten with the enrollment, like the office's profile. */
export function forgetOfficeWords(db: Db): void {
  prepareCached(db, 'DELETE FROM office_words').run();
}
