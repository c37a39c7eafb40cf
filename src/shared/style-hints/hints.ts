import { NON_STANDARD, NOT_PASSIVE } from './non-standard';

/** One gentle remark about the text: never blocks anything, the writer may dismiss it. */
export interface StyleHint {
  /** Stable while the text it is about stays (what a dismissal remembers). */
  id: string;
  kind: 'repeatedWord' | 'longSentence' | 'inconsistentName' | 'nonStandard' | 'datelineDash';
  /** The passage, as written. */
  text: string;
  /** What house style would write instead, when there is one answer. */
  suggestion?: string;
  /** The other spelling, for an inconsistent name. */
  other?: string;
  /** Words in a long sentence. */
  count?: number;
}

/** A sentence longer than this many words is hard to read aloud or quote. */
const LONG_SENTENCE_WORDS = 35;

const keepCase = (from: string, to: string): string =>
  from[0] && from[0] === from[0].toUpperCase() && from[0] !== from[0].toLowerCase()
    ? to[0]?.toUpperCase() + to.slice(1)
    : to;

function repeatedWords(text: string): StyleHint[] {
  const out: StyleHint[] = [];
  // "yang yang", "di di": the same word twice across a space (reduplication has a hyphen).
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])(\p{L}+)\s+(\1)(?![\p{L}\p{N}-])/giu)) {
    if ((m[1] ?? '').toLowerCase() !== (m[2] ?? '').toLowerCase()) continue;
    out.push({ id: `repeatedWord:${m[0].toLowerCase()}:${m.index}`, kind: 'repeatedWord', text: m[0] });
  }
  return out;
}

function longSentences(text: string): StyleHint[] {
  const out: StyleHint[] = [];
  for (const line of text.split('\n')) {
    // A sentence ends at . ! ? followed by a space and a capital, or at the end of the block.
    for (const sentence of line.split(/(?<=[.!?]["”’]?)\s+(?=[\p{Lu}"“])/u)) {
      const words = sentence.trim().split(/\s+/).filter(Boolean);
      if (words.length <= LONG_SENTENCE_WORDS) continue;
      const start = words.slice(0, 8).join(' ');
      out.push({ id: `longSentence:${start}`, kind: 'longSentence', text: start, count: words.length });
    }
  }
  return out;
}

function nonStandard(text: string): StyleHint[] {
  const out: StyleHint[] = [];
  const seen = new Set<string>();
  const add = (written: string, standard: string) => {
    const key = written.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id: `nonStandard:${key}`, kind: 'nonStandard', text: written, suggestion: keepCase(written, standard) });
  };
  for (const [wrong, right] of Object.entries(NON_STANDARD)) {
    const pattern = new RegExp(`(?<![\\p{L}-])${wrong.replace(/ /g, '\\s+')}(?![\\p{L}-])`, 'giu');
    for (const m of text.matchAll(pattern)) add(m[0], right);
  }
  for (const m of text.matchAll(/(?<![\p{L}-])di\s+(\p{Ll}{2,}kan)(?![\p{L}-])/gu)) {
    const verb = m[1] ?? '';
    if (NOT_PASSIVE.has(verb) || `di ${verb}` in NON_STANDARD) continue;
    add(m[0], `di${verb}`);
  }
  return out;
}

/** Official abbreviations and the words they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  kab: 'kabupaten',
  prov: 'provinsi',
  kec: 'kecamatan',
  kel: 'kelurahan',
};
const LONG_FORMS = new Map(Object.entries(ABBREVIATIONS).map(([short, long]) => [long, short]));
const expand = (word: string): string => {
  const bare = word.toLowerCase().replace(/\.$/, '');
  return ABBREVIATIONS[bare] ?? bare;
};
/** A regex for one word of a name, matching its abbreviation too ("kabupaten" ↔ "Kab."). */
const wordPattern = (word: string): string => {
  const long = expand(word);
  const short = LONG_FORMS.get(long);
  return short ? `(?:${long}|${short}\\.?)` : long;
};

/**
 * The same official name or title written two ways in one release: "Kab. Blora" and "Kabupaten
 * Blora", "Komisi Pemilihan Umum" and "Komisi Pemilihan umum", "SIREKAP" and "Sirekap".
 */
function inconsistentNames(text: string): StyleHint[] {
  const forms = new Map<string, string[]>();
  const note = (surface: string) => {
    const written = surface.replace(/\s+/g, ' ');
    const key = written.split(' ').map(expand).join(' ');
    const list = forms.get(key) ?? [];
    // Forms differing only in the case of the first letter are a sentence start, not a second spelling.
    const same = (f: string) => f.slice(1) === written.slice(1) && f[0]?.toLowerCase() === written[0]?.toLowerCase();
    if (!list.some(same)) list.push(written);
    forms.set(key, list);
  };
  // Names: two to six capitalised words or abbreviations ("KPU Kab. Blora"); then every way each
  // is written, case-insensitively and with or without the abbreviation.
  const NAME = /(?<![\p{L}.])\p{Lu}\p{L}*\.?(?:\s+\p{Lu}\p{L}*\.?){1,5}(?!\p{L})/gu;
  const names = new Set<string>();
  for (const m of text.matchAll(NAME)) names.add(m[0].replace(/\.$/, ''));
  for (const name of names) {
    const pattern = name.split(/\s+/).map(wordPattern).join('\\s+');
    for (const m of text.matchAll(new RegExp(`(?<!\\p{L})${pattern}(?!\\p{L})`, 'giu'))) note(m[0]);
  }
  // Single words written both in capitals and capitalised ("SIREKAP" / "Sirekap").
  const caps = new Set<string>();
  for (const m of text.matchAll(/(?<!\p{L})\p{Lu}{3,}(?!\p{L})/gu)) caps.add(m[0]);
  for (const word of caps) {
    const titled = word[0] + word.slice(1).toLowerCase();
    if (new RegExp(`(?<!\\p{L})${titled}(?!\\p{L})`, 'u').test(text)) {
      note(word);
      note(titled);
    }
  }
  const out: StyleHint[] = [];
  for (const [key, list] of forms) {
    const [first, second] = list;
    if (!first || !second) continue;
    out.push({ id: `inconsistentName:${key}`, kind: 'inconsistentName', text: first, other: second });
  }
  return out;
}

/** "Blora - Kamis …" or "Blora — …": KPU's dateline puts an en dash between place and date. */
function datelineDash(firstParagraph: string): StyleHint[] {
  const m = /^\s*([\p{L}][\p{L} .'’]{0,40}?)\s*(-{1,2}|—)\s+/u.exec(firstParagraph);
  if (!m?.[1]) return [];
  return [
    {
      id: `datelineDash:${m[0].trim()}`,
      kind: 'datelineDash',
      text: m[0].trim(),
      suggestion: `${m[1].trim()} –`,
    },
  ];
}

/** Every hint for a release's text (blocks separated by newlines, the first block first). */
export function styleHints(text: string): StyleHint[] {
  const firstParagraph = text.split('\n', 1)[0] ?? '';
  return [
    ...datelineDash(firstParagraph),
    ...nonStandard(text),
    ...repeatedWords(text),
    ...inconsistentNames(text),
    ...longSentences(text),
  ];
}
