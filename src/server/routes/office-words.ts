import type { FastifyInstance } from 'fastify';
import { OFFICE_DICTIONARY_CAP, OfficeDictionarySchema, mergeWords } from '../../shared/spelling/office-words';
import { OFFICE_WORDS_PATH, OfficeWordsRequestSchema, type OfficeWordsResponse } from '../../shared/sync/protocol';
import { deviceOf } from '../auth';
import type { EdgeGuard } from '../edge/guard';
import { HttpError } from '../http-errors';
import type { HqStorage } from '../storage/types';
import { parseOr400 } from '../validate';

const KEY = 'dictionary';

/**
 * "Tambahkan ke kamus" from any workstation of an office: the words join the office's
 * dictionary (its profile's `dictionary` setting), which every workstation of the office
 * receives at its next sync. HQ checks each word's shape and the office's cap itself.
 */
export function registerOfficeWordsRoute(app: FastifyInstance, storage: HqStorage, guard: EdgeGuard): void {
  app.post(
    OFFICE_WORDS_PATH,
    { bodyLimit: 64 * 1024, onRequest: guard.requireDevice },
    async (request): Promise<OfficeWordsResponse> => {
      const who = deviceOf(request);
      const { words } = parseOr400(OfficeWordsRequestSchema, request.body, 'office words');
      return storage.transaction(() => {
        const stored = OfficeDictionarySchema.safeParse(storage.officeSettings(who.office.id)[KEY]);
        const next = mergeWords(stored.success ? stored.data : [], words);
        if (next.length > OFFICE_DICTIONARY_CAP) {
          throw new HttpError(
            'too_large',
            `the office dictionary holds at most ${OFFICE_DICTIONARY_CAP} words; remove some at HQ first`,
          );
        }
        storage.setOfficeSetting(who.office.id, KEY, next, new Date().toISOString());
        return { words: next };
      });
    },
  );
}
