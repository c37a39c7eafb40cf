import { z } from 'zod';
import { OfficeWordSchema } from '../spelling/office-words';
import { method } from './define';

const WordsSchema = z.object({ words: z.array(z.string()) });

export const spellingMethods = {
  /** The words the spellchecker accepts beyond its dictionary: the office's (via HQ) and this workstation's. */
  listOfficeWords: method(z.object({}), WordsSchema),
  /** "Tambahkan ke kamus": accepted here at once, sent to HQ at the next sync for the office's other workstations. */
  addOfficeWord: method(z.object({ word: OfficeWordSchema }), WordsSchema),
};
