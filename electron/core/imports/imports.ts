import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { clientReference, type ClientDetails } from '../../../shared/domain/client';
import {
  IMPORT_LIST_MAX,
  type ClientImport,
  type ImportDuplicate,
  questionOf,
  type ImportPreview,
  type ImportProblem,
  type ImportTarget,
} from '../../../shared/domain/clientImport';
import type { AnswerInput } from '../../../shared/domain/customField';
import { insertAnswers } from '../customFields/answers';
import { listFields } from '../customFields/fields';
import { fold } from '../../../shared/domain/folding';
import { CasebookError } from '../../../shared/result';
import { DuplicateIndex } from '../clients/duplicates';
import { insertClients } from '../clients/queries';
import type { Db, ReadDb } from '../db/database';
import { auditEvents, clientImportMembers, clientImports, users } from '../db/schema';
import { mappingHasNames, rowToClient, suggestMapping } from './importRows';
import type { Sheet } from './readSheet';

interface Row {
  row: number;
  details: ClientDetails;
  answers: AnswerInput[];
}

/** Every row checked: those ready to import, those that look like someone already known, and the problems. */
export interface CheckedImport {
  preview: ImportPreview;
  ready: Row[];
  duplicates: Row[];
}

function caseworkers(db: Db): Map<string, number> {
  const rows = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), ne(users.role, 'volunteer')))
    .all();
  return new Map(rows.map((u) => [fold(u.name).trim(), u.id]));
}

/**
 * Checks a whole spreadsheet against the intake rules and the clients already on file, without
 * writing anything: the preview the person sees, and the rows an import would add. `onRows` hears
 * how many rows are checked, every few hundred (a long job reports it, and may stop there).
 */
export function checkImport(
  db: Db,
  sheet: Sheet,
  file: { fileName: string; kind: 'csv' | 'xlsx' },
  asked: (ImportTarget | null)[] | null,
  onRows?: (done: number, total: number) => void,
): CheckedImport {
  const empty: ImportPreview = {
    ...file,
    encoding: sheet.encoding,
    fileProblem: null,
    columns: [],
    mapping: [],
    rows: 0,
    ready: 0,
    problemRows: 0,
    problems: [],
    duplicateRows: 0,
    duplicates: [],
  };
  if (!sheet.ok) return { preview: { ...empty, fileProblem: sheet.problem }, ready: [], duplicates: [] };
  const { header, rows } = sheet;
  const questions = listFields(db);
  // A question retired, or never there, is not a column's target.
  const used = asked
    ? header.map((_, i) => {
        const target = asked[i] ?? null;
        const q = questionOf(target);
        return q === null || questions.some((f) => f.id === q) ? target : null;
      })
    : suggestMapping(header, questions);
  const columns = header.map((h, i) => ({
    header: h || `#${i + 1}`,
    samples: rows.slice(0, 3).map((r) => (r[i] ?? '').slice(0, 80)),
  }));
  const base = { ...empty, columns, mapping: used, rows: rows.length };
  if (!mappingHasNames(used)) return { preview: { ...base, fileProblem: 'noNames' }, ready: [], duplicates: [] };

  const ctx = { caseworkers: caseworkers(db), questions };
  const problems: ImportProblem[] = [];
  const duplicates: ImportDuplicate[] = [];
  const ready: Row[] = [];
  const dupRows: Row[] = [];
  let problemRows = 0;
  // Clients on file are tagged with their id; rows of this file, as they are read, with their row number.
  const index = new DuplicateIndex<{ id: number } | { row: number }>(db, (id) => ({ id }));
  rows.forEach((cells, i) => {
    if (i % 250 === 0) onRows?.(i, rows.length);
    const rowNumber = i + 2;
    const { details, answers, problems: found } = rowToClient(cells, rowNumber, header, used, ctx);
    if (!details) {
      problemRows++;
      for (const p of found) if (problems.length < IMPORT_LIST_MAX) problems.push(p);
      return;
    }
    const match = index.likely(details);
    index.add(
      {
        id: -rowNumber,
        firstName: details.firstName,
        lastName: details.lastName,
        preferredName: details.preferredName,
        dateOfBirth: details.dateOfBirth,
        phone: details.phone,
      },
      { row: rowNumber },
    );
    if (!match) return void ready.push({ row: rowNumber, details, answers });
    dupRows.push({ row: rowNumber, details, answers });
    if (duplicates.length < IMPORT_LIST_MAX) {
      const c = match.candidate;
      duplicates.push({
        row: rowNumber,
        name: `${details.firstName} ${details.lastName}`,
        dateOfBirth: details.dateOfBirth,
        existing:
          'id' in match.tag
            ? {
                id: c.id,
                reference: clientReference(c.id),
                name: `${c.firstName} ${c.lastName}`,
                dateOfBirth: c.dateOfBirth,
              }
            : null,
        sameAsRow: 'row' in match.tag ? match.tag.row : null,
      });
    }
  });
  return {
    preview: { ...base, ready: ready.length, problemRows, problems, duplicateRows: dupRows.length, duplicates },
    ready,
    duplicates: dupRows,
  };
}

/**
 * Adds the checked rows as new clients, all in the caller's one transaction: a failure part way
 * leaves no client added. Rows with problems are left out only when the person accepted that, and
 * likely duplicates only come in when they asked for them.
 */
export function runImport(
  db: Db,
  checked: CheckedImport,
  choice: { acceptProblems: boolean; duplicates: 'skip' | 'import'; intakeDateForAll: string | null },
  userId: number,
  now: Date,
  today: string,
): { importId: number; imported: number; skippedProblems: number; skippedDuplicates: number } {
  const p = checked.preview;
  if (p.fileProblem)
    throw new CasebookError('BAD_INPUT', 'The file cannot be imported', { fields: { token: 'importFileProblem' } });
  // Without a column of intake dates, one date for the file must be given: "today" would be history counted as new work.
  if (!p.mapping.includes('intakeDate') && choice.intakeDateForAll === null)
    throw new CasebookError('BAD_INPUT', 'When were these people taken in?', {
      fields: { intakeDateForAll: 'importNeedsIntakeDate' },
    });
  if (p.problemRows > 0 && !choice.acceptProblems)
    throw new CasebookError('BAD_INPUT', 'Some rows have problems', {
      fields: { acceptProblems: 'importHasProblems' },
    });
  const rows = [...checked.ready, ...(choice.duplicates === 'import' ? checked.duplicates : [])].sort(
    (a, b) => a.row - b.row,
  );
  if (rows.length === 0)
    throw new CasebookError('BAD_INPUT', 'Nothing to import', { fields: { token: 'importNothing' } });
  const skipped = p.problemRows + (choice.duplicates === 'import' ? 0 : p.duplicateRows);
  const importId = db
    .insert(clientImports)
    .values({ fileName: p.fileName, importedAt: now.toISOString(), importedBy: userId, clients: rows.length, skipped })
    .returning({ id: clientImports.id })
    .get().id;
  const ids = insertClients(
    db,
    rows.map((r) => ({ ...r.details, intakeDate: r.details.intakeDate ?? choice.intakeDateForAll })),
    userId,
    now,
    today,
  );
  insertAnswers(
    db,
    rows.flatMap((r, i) => r.answers.map((a) => ({ clientId: ids[i]!, ...a }))),
    userId,
    now,
  );
  for (let i = 0; i < ids.length; i += 1000)
    db.insert(clientImportMembers)
      .values(ids.slice(i, i + 1000).map((clientId) => ({ importId, clientId })))
      .run();
  return {
    importId,
    imported: rows.length,
    skippedProblems: p.problemRows,
    skippedDuplicates: choice.duplicates === 'import' ? 0 : p.duplicateRows,
  };
}

export function listImports(db: ReadDb): ClientImport[] {
  return db
    .select({
      id: clientImports.id,
      fileName: clientImports.fileName,
      importedAt: clientImports.importedAt,
      importedByName: users.name,
      clients: clientImports.clients,
      skipped: clientImports.skipped,
      undoneAt: clientImports.undoneAt,
    })
    .from(clientImports)
    .leftJoin(users, eq(users.id, clientImports.importedBy))
    .orderBy(desc(clientImports.id))
    .limit(20)
    .all();
}

/**
 * Takes back the last import: its clients are deleted, as if never added. Only while nothing has
 * been done with any of them (anything in the audit trail about them beyond being looked at): from
 * then on they are real records, and a mistake is put right one client at a time.
 */
export function undoLastImport(db: Db, id: number, userId: number, now: Date): number {
  const last = db
    .select()
    .from(clientImports)
    .where(isNull(clientImports.undoneAt))
    .orderBy(desc(clientImports.id))
    .limit(1)
    .get();
  if (!last || last.id !== id)
    throw new CasebookError('BAD_INPUT', 'Only the last import can be undone', { fields: { id: 'importNotLast' } });
  const touched = db.get<{ n: number }>(sql`
    SELECT count(DISTINCT a.client_id) AS n FROM ${auditEvents} a
    WHERE a.client_id IN (SELECT client_id FROM ${clientImportMembers} WHERE import_id = ${id}) AND a.action <> 'client.viewed'`).n;
  if (touched > 0)
    throw new CasebookError('BAD_INPUT', `Work has been recorded for ${touched} imported clients`, {
      fields: { id: 'importTouched' },
    });
  const removed = db.run(
    sql`DELETE FROM clients WHERE id IN (SELECT client_id FROM ${clientImportMembers} WHERE import_id = ${id})`,
  ).changes;
  db.update(clientImports).set({ undoneAt: now.toISOString(), undoneBy: userId }).where(eq(clientImports.id, id)).run();
  return removed;
}
