import type { ErrorCode } from '../contract/define';
import type { Language } from '../contract/app';
import { ChecklistRuleSchema, type ChecklistRule } from '../checklist/levels';
import { StatusSchema, type Status } from '../domain/release';
import { RoleSchema, type Role } from '../domain/role';
import { messagesEn } from './messages.en';
import { messagesId } from './messages.id';
import { STORAGE_ACTIONS, type ErrorParams, type ErrorReason, type StorageAction } from './reasons';

/**
 * One language's wording: a sentence per reason, a fallback per code, and the keys that
 * params carry (storage actions, workflow statuses, roles) so no param is pre-worded.
 */
export interface ErrorMessages {
  reasons: Record<ErrorReason, string>;
  codes: Record<ErrorCode, string>;
  actions: Record<StorageAction, string>;
  statuses: Record<Status, string>;
  roles: Record<Role, string>;
  /** Checklist rules, for the `rules` param (comma-separated rule keys). */
  checklistRules: Record<ChecklistRule, string>;
}

export const ERROR_MESSAGES: Record<Language, ErrorMessages> = { id: messagesId, en: messagesEn };

const isAction = (value: unknown): value is StorageAction => (STORAGE_ACTIONS as readonly unknown[]).includes(value);

/** Params whose value is a key the catalogue words, by param name. */
function wordKey(messages: ErrorMessages, name: string, value: string | number): string | undefined {
  if (name === 'action' && isAction(value)) return messages.actions[value];
  if (name === 'status' || name === 'from' || name === 'to') {
    const status = StatusSchema.safeParse(value);
    if (status.success) return messages.statuses[status.data];
  }
  if (name === 'rules' && typeof value === 'string') {
    const rules = value.split(',').map((r) => ChecklistRuleSchema.safeParse(r.trim()));
    if (rules.every((r) => r.success)) return rules.map((r) => messages.checklistRules[r.data!]).join(', ');
  }
  if (name === 'role') {
    const role = RoleSchema.safeParse(value);
    if (role.success) return messages.roles[role.data];
  }
  return undefined;
}

/** Fills i18next-style `{{name}}` placeholders; key params (action, status, role) are worded in the language. */
export function formatReason(language: Language, reason: ErrorReason, params: ErrorParams = {}): string {
  const messages = ERROR_MESSAGES[language];
  return messages.reasons[reason].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return wordKey(messages, name, value) ?? String(value);
  });
}

/** The generic sentence for a failure that carries no reason. */
export const formatCode = (language: Language, code: ErrorCode): string => ERROR_MESSAGES[language].codes[code];
