import { z } from 'zod';
import { OfficeDictionarySchema, OfficeWordSchema } from '../../spelling/office-words';

/** POST OfficeWordsRequest → OfficeWordsResponse: words a workstation added to its office's dictionary. */
export const OFFICE_WORDS_PATH = '/api/v1/office/words';

/** At most this many words in one request (a workstation sends what it queued offline). */
export const MAX_OFFICE_WORDS_PER_REQUEST = 200;

export const OfficeWordsRequestSchema = z.strictObject({
  words: z.array(OfficeWordSchema).min(1).max(MAX_OFFICE_WORDS_PER_REQUEST),
});

/** The office's whole dictionary after the addition (the same list its profile carries). */
export const OfficeWordsResponseSchema = z.object({ words: OfficeDictionarySchema });
export type OfficeWordsResponse = z.infer<typeof OfficeWordsResponseSchema>;
