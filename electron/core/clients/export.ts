import { inArray } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { ReadDb } from '../db/database';
import { answerText, labelOf } from '../../../shared/domain/customField';
import { localeOf } from '../../../shared/domain/languages';
import { letterDate } from '../../../shared/domain/letter';
import { clientAnswers } from '../db/schema';
import { listFields, wordingsById } from '../customFields/fields';
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
  // The charity's own questions still asked, each a column, answered in the words of the choice given.
  const fields = listFields(db);
  const answersOf = clientAnswersIn(db, fields, language, t);
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
      ...fields.map((f) => labelOf(f, language)),
    ],
  ];
  const page = 1000;
  for (let offset = 0; ; offset += page) {
    const { items } = searchClients(db, { ...f, limit: page, offset });
    const answers = answersOf(items.map((c) => c.id));
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
        ...fields.map((field) => answers.get(`${c.id}:${field.id}`) ?? ''),
      ]);
    if (items.length < page) break;
  }
  return { csv: spreadsheetCsv(rows, language), rows: rows.length - 1 };
}

/** Answers of these clients to these questions as words, by "<client id>:<field id>". */
function clientAnswersIn(db: ReadDb, fields: ReturnType<typeof listFields>, language: string, t: TFunction) {
  const wordings = wordingsById(db);
  const words = {
    yes: t('common.yes'),
    no: t('common.no'),
    language,
    date: (iso: string) => letterDate(iso, language),
    number: (n: number) => new Intl.NumberFormat(localeOf(language), { useGrouping: false }).format(n),
  };
  return (clientIds: number[]): Map<string, string> => {
    if (!fields.length || !clientIds.length) return new Map();
    const rows = db.select().from(clientAnswers).where(inArray(clientAnswers.clientId, clientIds)).all();
    return new Map(
      rows.flatMap((a) => {
        const field = fields.find((f) => f.id === a.fieldId);
        const asked = wordings.get(a.wordingId);
        return field && asked ? [[`${a.clientId}:${a.fieldId}`, answerText(field.type, asked, a.value, words)]] : [];
      }),
    );
  };
}
