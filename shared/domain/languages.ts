/** Languages the interface is translated into. */
export const UI_LANGUAGES = ['en', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * Languages a client may prefer to be spoken or written to in (ISO 639-1 codes), most common
 * first for charities in the UK and Poland. Names come from Intl.DisplayNames in the UI language.
 */
export const CLIENT_LANGUAGES = [
  'en', 'pl', 'uk', 'ru', 'ro', 'ar', 'ur', 'pa', 'bn', 'gu', 'so', 'ti', 'fa', 'ps', 'ku', 'tr',
  'lt', 'lv', 'sk', 'cs', 'bg', 'hu', 'pt', 'es', 'it', 'fr', 'de', 'zh', 'vi', 'ta', 'am', 'sq', 'cy', 'ga',
] as const;
