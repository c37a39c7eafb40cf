import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/contract';
import { en } from './en';
import { id } from './id';

/** Indonesian first; English when the user picks it in "Pengaturan" (stored by main). */
export async function initI18n(language: Language = 'id'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: language,
    fallbackLng: 'id',
    // React escapes text itself; i18next must not double-escape "–" or quotes.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export const currentLanguage = (): Language => (i18next.language === 'en' ? 'en' : 'id');

/** The interface language, re-rendering when it changes. */
export { useLanguage } from './useLanguage';
