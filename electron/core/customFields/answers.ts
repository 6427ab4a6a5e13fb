import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import {
  checkAnswer,
  isBlank,
  type AnswerInput,
  type AnswerValue,
  type ClientAnswer,
  type CustomField,
} from '../../../shared/domain/customField';
import { localToday } from '../../../shared/clock';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { clientAnswers, customFields } from '../db/schema';
import { listFields, wordingsById } from './fields';

/**
 * Where answers are given, which decides which required questions must be answered: the intake's
 * (those asked at intake), the record's (every one in use), or an import's (none: a spreadsheet of
 * old records answers what it has).
 */
export type AnsweredIn = 'intake' | 'record' | 'import';

/**
 * The answers, checked against their fields, shaped as stored. Problems are refused together, each
 * on `<prefix><fieldId>` (the form's field), in words the window translates.
 */
export function checkAnswers(
  fields: CustomField[],
  answers: AnswerInput[],
  answeredIn: AnsweredIn,
  has: (fieldId: number) => boolean = () => false,
  prefix = 'answers.',
): { field: CustomField; value: AnswerValue }[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const problems: Record<string, string> = {};
  const checked: { field: CustomField; value: AnswerValue }[] = [];
  const given = new Set<number>();
  for (const a of answers) {
    const field = byId.get(a.fieldId);
    if (!field)
      throw new CasebookError('BAD_INPUT', 'No such field', { fields: { [`${prefix}${a.fieldId}`]: 'invalid' } });
    given.add(field.id);
    if (!field.active) {
      problems[`${prefix}${field.id}`] = 'fieldRetired';
      continue;
    }
    const result = checkAnswer({ ...field, required: field.required && answeredIn !== 'import' }, a.value);
    if (result.ok) checked.push({ field, value: result.value });
    else problems[`${prefix}${field.id}`] = result.error;
  }
  if (answeredIn !== 'import')
    for (const f of fields)
      if (f.active && f.required && !given.has(f.id) && (answeredIn === 'record' ? !has(f.id) : f.inIntake))
        problems[`${prefix}${f.id}`] = 'required';
  if (Object.keys(problems).length) throw new CasebookError('BAD_INPUT', 'Answers refused', { fields: problems });
  return checked;
}

/**
 * Saves a client's answers. An answer left as it was keeps the wording it was given under (so a
 * question reworded since still shows as it was asked); a changed one takes the wording now; a
 * cleared one is removed. Gives the fields whose answers changed (for the audit trail, never values).
 */
export function saveAnswers(
  db: Db,
  clientId: number,
  answers: AnswerInput[],
  answeredIn: AnsweredIn,
  userId: number,
  now: Date,
): number[] {
  const existing = new Map(
    db
      .select()
      .from(clientAnswers)
      .where(eq(clientAnswers.clientId, clientId))
      .all()
      .map((a) => [a.fieldId, a]),
  );
  const checked = checkAnswers(listFields(db, true), answers, answeredIn, (id) => existing.has(id));
  const changed: number[] = [];
  for (const { field, value } of checked) {
    const old = existing.get(field.id);
    if (isBlank(value)) {
      if (old) {
        db.delete(clientAnswers)
          .where(and(eq(clientAnswers.clientId, clientId), eq(clientAnswers.fieldId, field.id)))
          .run();
        changed.push(field.id);
      }
      continue;
    }
    if (old && JSON.stringify(old.value) === JSON.stringify(value)) continue;
    const row = { wordingId: field.wordingId, value, answeredAt: now.toISOString(), answeredBy: userId };
    db.insert(clientAnswers)
      .values({ clientId, fieldId: field.id, ...row })
      .onConflictDoUpdate({ target: [clientAnswers.clientId, clientAnswers.fieldId], set: row })
      .run();
    changed.push(field.id);
  }
  return changed;
}

/** A client's answers in the order the questions are asked, each with its question as it was asked; sensitive ones withheld unless `mayReadSensitive`. */
export function readAnswers(db: ReadDb, clientId: number, mayReadSensitive: boolean): ClientAnswer[] {
  const rows = db
    .select({ answer: clientAnswers, field: customFields })
    .from(clientAnswers)
    .innerJoin(customFields, eq(customFields.id, clientAnswers.fieldId))
    .where(eq(clientAnswers.clientId, clientId))
    .orderBy(asc(customFields.position), asc(customFields.id))
    .all();
  if (!rows.length) return [];
  const wordings = wordingsById(
    db,
    rows.map((r) => r.answer.wordingId),
  );
  return rows.map(({ answer: a, field: f }) =>
    answerAsAsked(f, a, wordings, mayReadSensitive, localToday(new Date(a.answeredAt))),
  );
}

/**
 * A stored answer (on the record or on a filled form) under the question as it was asked, said
 * reworded or retired; a sensitive one withheld unless `mayReadSensitive`.
 */
export function answerAsAsked(
  f: typeof customFields.$inferSelect,
  a: { wordingId: number; value: AnswerValue },
  wordings: ReturnType<typeof wordingsById>,
  mayReadSensitive: boolean,
  answeredOn: string,
): ClientAnswer {
  const withheld = f.sensitive && !mayReadSensitive;
  const { fieldId: _, ...asked } = wordings.get(a.wordingId)!;
  return {
    fieldId: f.id,
    type: f.type,
    asked,
    reworded: a.wordingId !== f.wordingId,
    retired: !f.active,
    sensitive: f.sensitive,
    withheld,
    value: withheld ? null : a.value,
    answeredOn,
  };
}

/** How many clients have answered each field (an administrator sees what retiring one would leave). */
export function answerCounts(db: ReadDb): Map<number, number> {
  return new Map(
    db
      .values<[number, number]>(sql`SELECT field_id, count(*) FROM client_answers GROUP BY field_id`)
      .map(([f, n]) => [f, n]),
  );
}

/**
 * Clients (by `client`) who gave an answer, written "<field id>:<choice key>" or "<field id>:yes" /
 * ":no": the one choice, one of several, or yes or no.
 */
export function answerFilter(client: SQL, answer: string): SQL {
  const [fieldId, key] = answer.split(':') as [string, string];
  const json = key === 'yes' ? 'true' : key === 'no' ? 'false' : JSON.stringify(key);
  return sql`${client} IN (SELECT a.client_id FROM client_answers a WHERE a.field_id = ${Number(fieldId)}
    AND (a.value = ${json} OR (json_type(a.value) = 'array' AND EXISTS (SELECT 1 FROM json_each(a.value) j WHERE j.value = ${key}))))`;
}

/** A filter by a sensitive question's answers tells its answers: refused to those who may not read them. */
export function refuseSensitiveFilter(db: ReadDb, answer: string | null | undefined, mayReadSensitive: boolean): void {
  if (!answer || mayReadSensitive) return;
  const field = listFields(db, true).find((f) => f.id === Number(answer.split(':')[0]));
  if (field?.sensitive) throw new CasebookError('FORBIDDEN', 'A sensitive question cannot be filtered by');
}

/**
 * New clients' answers, already checked (an import's rows), each under the wording of now: many at
 * a time, as an import of thousands of rows writes them.
 */
export function insertAnswers(
  db: Db,
  answers: (AnswerInput & { clientId: number })[],
  userId: number,
  now: Date,
): void {
  if (!answers.length) return;
  const wordingOf = new Map(listFields(db).map((f) => [f.id, f.wordingId]));
  const at = now.toISOString();
  for (let i = 0; i < answers.length; i += 500)
    db.insert(clientAnswers)
      .values(
        answers.slice(i, i + 500).map((a) => ({
          clientId: a.clientId,
          fieldId: a.fieldId,
          wordingId: wordingOf.get(a.fieldId)!,
          value: a.value,
          answeredAt: at,
          answeredBy: userId,
        })),
      )
      .run();
}
