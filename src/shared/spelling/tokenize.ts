/** One word of a text, with where it starts and ends (UTF-16 offsets). */
export interface WordSpan {
  word: string;
  from: number;
  to: number;
}

// Letters with inner apostrophes and hyphens: "masing-masing", "Ma'ruf".
const TOKEN = /\p{L}[\p{L}\p{M}'’-]*\p{L}/gu;
// A run of text holding digits, a slash, "@" or a dot between letters is a number, a code, a
// link or an address ("12/HM.02-SP/3316/2025", "kpu.go.id", "humas@kpu.go.id"): skipped whole.
const NOT_PROSE = /[\p{N}/@]|\p{L}\.\p{L}/u;

/** The words of a text the spellchecker should look at, in order. */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const chunk of text.matchAll(/\S+/g)) {
    if (NOT_PROSE.test(chunk[0])) continue;
    for (const m of chunk[0].matchAll(TOKEN)) {
      const from = chunk.index + m.index;
      out.push({ word: m[0], from, to: from + m[0].length });
    }
  }
  return out;
}
