import type { TFunction } from 'i18next';
import type { ReadDb } from '../db/database';
import { spreadsheetCsv } from '../storage/csv';
import { searchClients, type SearchFilters } from './queries';

/**
 * The client list as the user filtered it, every match (not just the page on screen), as CSV that
 * Excel and LibreOffice open with Polish letters intact (UTF-8 with a byte-order mark).
 */
export function clientListCsv(
  db: ReadDb,
  f: Omit<SearchFilters, 'limit' | 'offset'>,
  t: TFunction,
  language: string,
): { csv: string; rows: number } {
  const rows: (string | number)[][] = [
    [
      t('clients.reference'),
      t('clients.firstName'),
      t('clients.lastName'),
      t('clients.preferredName'),
      t('clients.dateOfBirth'),
      t('clients.phone'),
      t('clients.postcode'),
      t('status.status'),
      t('clients.caseworker'),
      t('clients.intakeDate'),
    ],
  ];
  const page = 1000;
  for (let offset = 0; ; offset += page) {
    const { items } = searchClients(db, { ...f, limit: page, offset });
    for (const c of items)
      rows.push([
        c.reference,
        c.firstName,
        c.lastName,
        c.preferredName ?? '',
        c.dateOfBirth ?? '',
        c.phone ?? '',
        c.postcode ?? '',
        t(`clients.statuses.${c.status}`),
        c.caseworkerName ?? '',
        c.intakeDate ?? '',
      ]);
    if (items.length < page) break;
  }
  return { csv: spreadsheetCsv(rows, language), rows: rows.length - 1 };
}
