import type { TFunction } from 'i18next';
import { languageName, localeOf } from '../../shared/domain/languages';

const locale = (lang: string) => localeOf(lang === 'pl' ? 'pl' : 'en');

/** A YYYY-MM-DD date as people read it (7 March 1984 / 7 marca 1984), without time-zone shifts. */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** A language's name in the interface language (e.g. "Polish" / "polski"). */
export { languageName };

/** An instant in this PC's local time (23 Nov 2026, 10:05). */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** 1.2 MB, 640 kB: sizes as people read them. */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 }).format(v)} ${units[i]}`;
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** "15 clients and 2 users" in the interface language, with the right plural forms. */
export function clientsAndUsers(t: TFunction, counts: { clients: number; users: number }): string {
  return t('backup.and', { a: t('clients.count', { count: counts.clients }), b: t('backup.users', { count: counts.users }) });
}
