import nspell from 'nspell';
import { KPU_GLOSSARY } from './glossary';

/** The spellchecker's answers, the same in the renderer's worker, the bench and the tests. */
export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
  /** Accept a word from now on (glossary, place names, the office's words). */
  add(word: string): void;
}

const MAX_SUGGESTIONS = 6;

/**
 * Hunspell's Indonesian dictionary (nspell reads the .aff/.dic as given) plus the KPU glossary
 * and any extra words. A hyphenated word is correct when the dictionary knows it whole or every
 * part of it ("masing-masing", "Rapat-rapat"); a word in all capitals is also checked as written
 * in lower case, as a headline or an acronym-heavy line writes it.
 */
export function createSpeller(dictionary: { aff: string; dic: string }, extra: readonly string[] = []): Speller {
  const spell = nspell(dictionary.aff, dictionary.dic);
  const known = new Set<string>();
  const add = (word: string): void => {
    known.add(word);
    known.add(word.toUpperCase());
    spell.add(word);
  };
  for (const word of KPU_GLOSSARY) add(word);
  for (const word of extra) add(word);

  const single = (word: string): boolean =>
    known.has(word) ||
    spell.correct(word) ||
    (word === word.toUpperCase() && word.length > 1 && spell.correct(word.toLowerCase()));

  const correct = (raw: string): boolean => {
    const word = raw.replace(/’/g, "'");
    if (single(word)) return true;
    const parts = word.split('-');
    return parts.length > 1 && parts.every((part) => part !== '' && single(part));
  };

  return {
    correct,
    suggest: (word) => (correct(word) ? [] : spell.suggest(word).slice(0, MAX_SUGGESTIONS)),
    add,
  };
}
