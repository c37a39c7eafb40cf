export { styleHints, type StyleHint } from './hints';
