import { z } from 'zod';

/**
 * The checklist's rules, in the order the writer sees them. Each office sets at HQ how strict
 * each one is (office setting `checklist`); the workstation and HQ apply the same levels.
 */
export const CHECKLIST_RULES = [
  'headline',
  'dateline',
  'date',
  'images',
  'quote',
  'contact',
  'wordCount',
  'openReview',
] as const;
export const ChecklistRuleSchema = z.enum(CHECKLIST_RULES);
export type ChecklistRule = z.infer<typeof ChecklistRuleSchema>;

/** `block`: submitting and publishing are refused while it fails; `warn`: shown only; `off`: not checked. */
const ChecklistLevelSchema = z.enum(['block', 'warn', 'off']);
export type ChecklistLevel = z.infer<typeof ChecklistLevelSchema>;

/** The office setting: a level per rule; a rule left out keeps its default. */
export const ChecklistLevelsSchema = z.partialRecord(ChecklistRuleSchema, ChecklistLevelSchema);
export type ChecklistLevels = z.infer<typeof ChecklistLevelsSchema>;

/**
 * Without an office setting every rule is shown as a warning: an office opts into blocking
 * (README shows the usual choice), so releases already in review are never stopped by an
 * upgrade. Open suggested edits already block approval and publication on their own.
 */
const DEFAULT_CHECKLIST_LEVELS: Record<ChecklistRule, ChecklistLevel> = {
  headline: 'warn',
  dateline: 'warn',
  date: 'warn',
  images: 'warn',
  quote: 'warn',
  contact: 'warn',
  wordCount: 'warn',
  openReview: 'warn',
};

export const levelsWithDefaults = (levels: ChecklistLevels | undefined): Record<ChecklistRule, ChecklistLevel> => ({
  ...DEFAULT_CHECKLIST_LEVELS,
  ...levels,
});
