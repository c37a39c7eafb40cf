// The Indonesian dictionary and the place names are part of the app bundle: nothing is
// downloaded at run time, on the desktop or in the browser workstation.
import aff from '../../../resources/dictionaries/id_ID.aff?raw';
import dic from '../../../resources/dictionaries/id_ID.dic?raw';
import provinces from 'idn-area-data/data/provinces.csv?raw';
import regencies from 'idn-area-data/data/regencies.csv?raw';
import { placeWords } from '../../shared/spelling/glossary';
import { createSpeller, type Speller } from '../../shared/spelling/speller';
import type { SpellReply, SpellRequest } from './messages';

// The worker's global, typed as far as it is used (the DOM and WebWorker libs cannot share a project).
const scope = self as unknown as {
  postMessage(message: SpellReply): void;
  onmessage: ((event: MessageEvent<SpellRequest>) => void) | null;
};

const reply = (message: SpellReply): void => scope.postMessage(message);

// Loading takes most of a second: in this worker it never holds up typing.
let speller: Speller | null = null;
try {
  const started = performance.now();
  speller = createSpeller({ aff, dic }, [...placeWords(provinces), ...placeWords(regencies)]);
  reply({ kind: 'ready', loadMs: performance.now() - started });
} catch (error) {
  reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}

scope.onmessage = (event: MessageEvent<SpellRequest>) => {
  const request = event.data;
  if (!speller) return;
  switch (request.kind) {
    case 'check':
      reply({ kind: 'checked', id: request.id, misspelled: request.words.filter((w) => !speller?.correct(w)) });
      break;
    case 'suggest':
      reply({ kind: 'suggested', id: request.id, suggestions: speller.suggest(request.word) });
      break;
    case 'add':
      for (const word of request.words) speller.add(word);
      reply({ kind: 'added', id: request.id });
      break;
  }
};
