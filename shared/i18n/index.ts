import { createInstance, type i18n as I18n } from 'i18next';
import type { UiLanguage } from '../domain/languages';
import { en } from './en';
import { pl } from './pl';

export const catalogs = { en, pl } as const;
export type { Catalog } from './en';

export const i18nResources = {
  en: { translation: en },
  pl: { translation: pl },
};

/** A synchronous, self-contained translator (for PDFs and other text made outside the window). */
export function createTranslator(language: UiLanguage): I18n {
  const instance = createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: i18nResources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
