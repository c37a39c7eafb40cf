import type { ErrorCode } from '../contract/define';
import type { Language } from '../contract/app';
import { messagesEn } from './messages.en';
import { messagesId } from './messages.id';
import { STORAGE_ACTIONS, type ErrorParams, type ErrorReason, type StorageAction } from './reasons';

/** One language's wording: a sentence per reason, a fallback per code, and the storage actions. */
export interface ErrorMessages {
  reasons: Record<ErrorReason, string>;
  codes: Record<ErrorCode, string>;
  actions: Record<StorageAction, string>;
}

export const ERROR_MESSAGES: Record<Language, ErrorMessages> = { id: messagesId, en: messagesEn };

const isAction = (value: unknown): value is StorageAction => (STORAGE_ACTIONS as readonly unknown[]).includes(value);

/** Fills i18next-style `{{name}}` placeholders; an `action` param is itself worded in the language. */
export function formatReason(language: Language, reason: ErrorReason, params: ErrorParams = {}): string {
  const messages = ERROR_MESSAGES[language];
  return messages.reasons[reason].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return name === 'action' && isAction(value) ? messages.actions[value] : String(value);
  });
}

/** The generic sentence for a failure that carries no reason. */
export const formatCode = (language: Language, code: ErrorCode): string => ERROR_MESSAGES[language].codes[code];
