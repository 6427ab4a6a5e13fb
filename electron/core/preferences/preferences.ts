import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/languages';
import { writeFileAtomic } from '../storage/files';

/**
 * Preferences of this computer that are needed before unlock (so they cannot live in the encrypted
 * database) and hold nothing confidential: only the interface language.
 */
/** The file in the data folder. */
export const PREFERENCES_FILE = 'preferences.json';

const preferencesSchema = z.object({ language: z.enum(UI_LANGUAGES) });
export type Preferences = z.infer<typeof preferencesSchema>;

export function readPreferences(path: string, fallback: Preferences): Preferences {
  if (!existsSync(path)) return fallback;
  try {
    return preferencesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return fallback; // A damaged preferences file only costs the language choice.
  }
}

export function writePreferences(path: string, prefs: Preferences): void {
  writeFileAtomic(path, JSON.stringify(prefs, null, 2) + '\n');
}

export function languageFromLocale(locale: string | undefined): UiLanguage {
  return locale?.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}
