import type { TFunction } from 'i18next';
import { languageName, localeOf } from '../../shared/domain/languages';

const locale = (lang: string) => localeOf(lang === 'pl' ? 'pl' : 'en');

/**
 * Intl's formatters are slow to make and quick to use (a list of 100 clients formats hundreds of
 * dates), so each language and style gets one, made on first use.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale(lang)}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale(lang), options)));
  return f;
}
export function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale(lang)}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale(lang), options)));
  return f;
}

/** A YYYY-MM-DD date as people read it (7 March 1984 / 7 marca 1984), without time-zone shifts. */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return '';
  // Text typed in a date box that is not yet a date is shown as it was typed.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return dateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** A language's name in the interface language (e.g. "Polish" / "polski"). */
export { languageName };

/** An instant in this PC's local time (23 Nov 2026, 10:05). */
export function formatDateTime(iso: string, lang: string): string {
  return dateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
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
  return `${numberFormat(lang, { maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 }).format(v)} ${units[i]}`;
}

export function formatNumber(n: number, lang: string): string {
  return numberFormat(lang).format(n);
}

/** "15 clients and 2 users" in the interface language, with the right plural forms. */
export function clientsAndUsers(t: TFunction, counts: { clients: number; users: number }): string {
  return t('backup.and', {
    a: t('clients.count', { count: counts.clients }),
    b: t('backup.users', { count: counts.users }),
  });
}

/**
 * A date typed day first (7/3/1984, 07.03.1984, 7-3-1984) or as 1984-03-07, as YYYY-MM-DD; null
 * when the text is not a real date. Both interface languages write the day first.
 */
export function readTypedDate(typed: string): string | null {
  const s = typed.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dayFirst = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(s);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]].map(Number)
      : [];
  if (y === undefined || m === undefined || d === undefined || y < 1000) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A YYYY-MM-DD date as it is typed in the interface language (07/03/1984, 07.03.1984); other text as it is. */
export function formatDateForEntry(value: string, lang: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!iso) return value;
  const separator = lang === 'pl' ? '.' : '/';
  return [iso[3], iso[2], iso[1]].join(separator);
}

/** A time typed as 14:30, 14.30, 1430, 930 or 9, as HH:MM on the 24-hour clock; null when it is not a time. */
export function readTypedTime(typed: string): string | null {
  const s = typed.trim();
  const parts = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s);
  if (!parts) return null;
  const hours = Number(parts[1]);
  const minutes = Number(parts[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
