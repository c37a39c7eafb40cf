/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts every escape
 * sequence), DEL, C1 controls (U+009B is a one-character CSI) and the bidi overrides that
 * reorder a line.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (ch: string, width: number): string => ch.charCodeAt(0).toString(16).padStart(width, '0');

/**
 * User-supplied text (device, person and office names) made safe to print: every control
 * character becomes a visible escape, so a device name cannot recolour, retitle or rewrite
 * the operator's terminal.
 */
export const printable = (text: string): string =>
  text.replace(CONTROL, (ch) => (ch.charCodeAt(0) < 0x100 ? `\\x${hex(ch, 2)}` : `\\u${hex(ch, 4)}`));

/** What JSON.stringify leaves raw (it escapes C0 itself, and its own line breaks must stay). */
const CONTROL_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON for the terminal: still valid JSON, with DEL, C1 and bidi controls as \u escapes. */
export const printableJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(CONTROL_IN_JSON, (ch) => `\\u${hex(ch, 4)}`);
