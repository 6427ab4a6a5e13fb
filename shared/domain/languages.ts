/**
 * The Intl locale for a language code: British English for English, Polish as used in Poland, any
 * other client language as it is. One mapping for dates, numbers and money everywhere.
 */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : language === 'pl' ? 'pl-PL' : language;
}

/** A language's name in the reader's language (e.g. "Polish" / "polski"); the code when Intl has no name. */
export function languageName(code: string | null, readerLanguage: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([localeOf(readerLanguage)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Languages the interface is translated into. */
export const UI_LANGUAGES = ['en', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * Languages a client may prefer to be spoken or written to in (ISO 639-1 codes), most common
 * first for charities in the UK and Poland. Names come from Intl.DisplayNames in the UI language.
 */
export const CLIENT_LANGUAGES = [
  'en',
  'pl',
  'uk',
  'ru',
  'ro',
  'ar',
  'ur',
  'pa',
  'bn',
  'gu',
  'so',
  'ti',
  'fa',
  'ps',
  'ku',
  'tr',
  'lt',
  'lv',
  'sk',
  'cs',
  'bg',
  'hu',
  'pt',
  'es',
  'it',
  'fr',
  'de',
  'zh',
  'vi',
  'ta',
  'am',
  'sq',
  'cy',
  'ga',
] as const;
