export { styleHints, LONG_SENTENCE_WORDS, type StyleHint } from './hints';
