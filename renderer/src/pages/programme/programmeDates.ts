import type { TFunction } from 'i18next';
import { formatDate } from '../../format';

/** "From 1 Oct 2026" or "1 Oct 2026 – 31 Dec 2026". */
export function programmeDates(t: TFunction, p: { startsOn: string; endsOn: string | null }, lang: string): string {
  return p.endsOn
    ? `${formatDate(p.startsOn, lang)} – ${formatDate(p.endsOn, lang)}`
    : t('programmes.fromDate', { date: formatDate(p.startsOn, lang) });
}
