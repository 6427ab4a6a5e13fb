import type { UiLanguage } from '../../shared/domain/languages';

const locale = (lang: string) => (lang === 'pl' ? 'pl-PL' : 'en-GB');

/** A YYYY-MM-DD date as people read it (7 March 1984 / 7 marca 1984), without time-zone shifts. */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** A language's name in the interface language (e.g. "Polish" / "polski"). */
export function languageName(code: string | null, lang: UiLanguage | string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale(lang)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** An instant in this PC's local time (23 Nov 2026, 10:05). */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
