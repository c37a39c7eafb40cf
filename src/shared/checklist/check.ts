import type { ReleaseFields } from '../domain/release';
import { docToPlainText, countWordsInText } from '../editor/text';
import { pendingSuggestions } from '../review/suggestions';
import { levelsWithDefaults, CHECKLIST_RULES, type ChecklistLevels, type ChecklistRule } from './levels';
import { isKnownPlace } from './places.known';
import { blockTexts, firstDateProblem, hasAttributedQuote, imageProblems } from './text-rules';

const HEADLINE_MAX = 100;
const WORDS_MIN = 150;
const WORDS_MAX = 1000;

export type ChecklistFields = Pick<
  ReleaseFields,
  'title' | 'dateline' | 'date' | 'summary' | 'leadImage' | 'body' | 'contact'
>;

export interface ChecklistInput {
  fields: ChecklistFields;
  /** Open comment threads on the release; null where they are not known (then only suggestions count). */
  openComments: number | null;
}

/** One rule's result: its level, whether it passes, and what to say (params, worded by the UI). */
export interface Finding {
  rule: ChecklistRule;
  level: 'block' | 'warn';
  ok: boolean;
  params: Record<string, string | number>;
}

type Result = { ok: boolean; params?: Record<string, string | number> };

function evaluate(rule: ChecklistRule, input: ChecklistInput, words: number, blocks: string[]): Result {
  const f = input.fields;
  switch (rule) {
    case 'headline': {
      const length = [...f.title.trim()].length;
      return { ok: length > 0 && length <= HEADLINE_MAX, params: { length, max: HEADLINE_MAX } };
    }
    case 'dateline':
      return { ok: isKnownPlace(f.dateline), params: { place: f.dateline.trim() } };
    case 'date': {
      const problem = firstDateProblem([f.title, f.summary, ...blocks].join('\n'));
      return problem ? { ok: false, params: { ...problem } } : { ok: true };
    }
    case 'images': {
      const problems = imageProblems(f.leadImage, f.body);
      const missing = [...new Set(problems.flatMap((p) => p.missing))];
      return { ok: problems.length === 0, params: { count: problems.length, missing: missing.join(', ') } };
    }
    case 'quote':
      return { ok: hasAttributedQuote(blocks) };
    case 'contact':
      return { ok: f.contact.name.trim() !== '' && f.contact.phone.trim() !== '' };
    case 'wordCount':
      return { ok: words >= WORDS_MIN && words <= WORDS_MAX, params: { count: words, min: WORDS_MIN, max: WORDS_MAX } };
    case 'openReview': {
      const suggestions = pendingSuggestions(f.body).length;
      const comments = input.openComments ?? 0;
      return { ok: suggestions === 0 && comments === 0, params: { suggestions, comments } };
    }
  }
}

/**
 * The checklist of a release under an office's levels: one finding per rule that is not off.
 * Pure and shared: the writer's side panel, the workstation's submit/publish and HQ's push
 * all run exactly this.
 */
export function runChecklist(input: ChecklistInput, levels?: ChecklistLevels): Finding[] {
  const all = levelsWithDefaults(levels);
  const blocks = blockTexts(input.fields.body, docToPlainText);
  const words = countWordsInText(docToPlainText(input.fields.body));
  const out: Finding[] = [];
  for (const rule of CHECKLIST_RULES) {
    const level = all[rule];
    if (level === 'off') continue;
    const r = evaluate(rule, input, words, blocks);
    out.push({ rule, level, ok: r.ok, params: r.params ?? {} });
  }
  return out;
}

/** The failing rules that stop a release from being submitted or published. */
export const blockingFailures = (findings: Finding[]): ChecklistRule[] =>
  findings.filter((f) => !f.ok && f.level === 'block').map((f) => f.rule);

/** Moving to these statuses runs the checklist: submitting for review and publishing. */
const CHECKED_TRANSITIONS = ['diajukan', 'terbit', 'dikoreksi'] as const;
export const isCheckedTransition = (to: string): boolean => (CHECKED_TRANSITIONS as readonly string[]).includes(to);
