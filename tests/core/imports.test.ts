import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { spreadsheetDate, suggestMapping } from '../../electron/core/imports/importRows';
import { addNewPerson, setUp, signInAsNewUser, startCore, tempDir, type TestCore } from './helpers';

/** Puts a file where the "open file" dialog will pick it, and opens it for import. */
async function choose(t: TestCore, name: string, content: string | Buffer) {
  const path = join(tempDir('casebook-import-'), name);
  writeFileSync(path, content);
  t.platform.nextFile = path;
  return t.ok('imports.choose', {});
}

const clientCount = async (t: TestCore) => (await t.ok('clients.count', { query: '' })).total;

/** A spreadsheet row as Excel writes CSV: fields with a separator or quote are quoted. */
const csvLine = (cells: string[], sep = ',') =>
  cells.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);

describe('reading a spreadsheet of clients', () => {
  it('suggests fields from English and Polish headings, and reads dates day first', () => {
    expect(suggestMapping(['Imię', 'Nazwisko', 'Data urodzenia', 'Telefon', 'Kod pocztowy', 'Uwagi'])).toEqual([
      'firstName',
      'lastName',
      'dateOfBirth',
      'phone',
      'postcode',
      null,
    ]);
    expect(suggestMapping(['Name', 'D.O.B.', 'E-mail', 'Key worker', 'Surname'])).toEqual([
      'fullName',
      'dateOfBirth',
      'email',
      'caseworker',
      'lastName',
    ]);
    expect(suggestMapping(['Phone', 'Mobile'])).toEqual(['phone', null]);
    expect(['1984-05-17', '17/05/1984', '17.5.1984', '7-5-1984', '1984-05-17T00:00:00'].map(spreadsheetDate)).toEqual([
      '1984-05-17',
      '1984-05-17',
      '1984-05-17',
      '1984-05-07',
      '1984-05-17',
    ]);
    expect(['31/02/1984', '05/17/1984', '17/05/84', 'May 1984', ''].map(spreadsheetDate)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('importing clients from a spreadsheet', () => {
  it('imports a Polish Excel CSV (semicolons, byte-order mark) in one go, finds them by name, and undoes the last import', async () => {
    const t = startCore();
    await setUp(t);
    const csv =
      '\uFEFF' +
      [
        'Imię;Nazwisko;Data urodzenia;Telefon;Język;Tłumacz;Opiekun',
        'Zofia;Wiśniewska-Łęcka;17.05.1984;07700 900123;polski;tak;Anna Kowalska',
        'Jerzy;Żak;04.03.1950;;Polish;nie;',
        '"Grażyna";"Wójcik; z d. Nowak";09/09/1979;;pl;;',
      ].join('\r\n');
    const { token, preview } = await choose(t, 'podopieczni.csv', csv);
    expect(preview).toMatchObject({
      fileName: 'podopieczni.csv',
      kind: 'csv',
      encoding: 'utf-8',
      fileProblem: null,
      rows: 3,
      ready: 3,
      problemRows: 0,
      duplicateRows: 0,
    });
    expect(preview.mapping).toEqual([
      'firstName',
      'lastName',
      'dateOfBirth',
      'phone',
      'preferredLanguage',
      'interpreterNeeded',
      'caseworker',
    ]);
    expect(preview.columns[1]).toEqual({
      header: 'Nazwisko',
      samples: ['Wiśniewska-Łęcka', 'Żak', 'Wójcik; z d. Nowak'],
    });
    expect(await clientCount(t)).toBe(0);

    // No column says when they were taken in: one date for the file is needed, never "today" by default
    // (the funder report would count the charity's history as new this year).
    expect((await t.fail('imports.run', { token, mapping: preview.mapping })).fields).toEqual({
      intakeDateForAll: 'importNeedsIntakeDate',
    });
    expect(await clientCount(t)).toBe(0);
    const done = await t.ok('imports.run', { token, mapping: preview.mapping, intakeDateForAll: '2025-12-31' });
    expect(done).toMatchObject({ imported: 3, skippedProblems: 0, skippedDuplicates: 0 });
    const zofia = (await t.ok('clients.search', { query: 'lecka' })).items[0]!;
    expect(zofia).toMatchObject({
      firstName: 'Zofia',
      lastName: 'Wiśniewska-Łęcka',
      dateOfBirth: '1984-05-17',
      caseworkerName: 'Anna Kowalska',
      status: 'open',
      intakeDate: '2025-12-31',
    });
    const thisYear = await t.ok('reports.funder', { from: '2026-01-01', to: '2026-11-23' });
    expect(thisYear.cases).toMatchObject({ newClients: 0, active: 3 });
    const record = (await t.ok('clients.get', { id: zofia.id })).client;
    expect([record.preferredLanguage, record.interpreterNeeded]).toEqual(['pl', true]);
    expect(done.imports.map((i) => [i.fileName, i.clients, i.skipped, i.importedByName, i.undoneAt])).toEqual([
      ['podopieczni.csv', 3, 0, 'Anna Kowalska', null],
    ]);
    expect((await t.ok('audit.list', { action: 'clients.imported' })).items[0]!.detail).toMatchObject({ clients: 3 });

    // Opening a record does not count as work on it: the import can still be undone.
    const undone = await t.ok('imports.undo', { id: done.imports[0]!.id });
    expect(undone[0]!.undoneAt).not.toBeNull();
    expect(await clientCount(t)).toBe(0);
    expect((await t.fail('imports.undo', { id: done.imports[0]!.id })).fields).toEqual({ id: 'importNotLast' });
    expect((await t.ok('audit.list', { action: 'clients.importUndone' })).items[0]!.detail).toMatchObject({
      clients: 3,
    });
  });

  it('says a file is not UTF-8 instead of guessing, and reads it right once told it is Central European', async () => {
    const t = startCore();
    await setUp(t);
    // "Łódź" and "Wiśniewska" as Excel on a Polish Windows saves "CSV (comma delimited)".
    const cp1250 = Buffer.concat([
      Buffer.from('First name,Last name,Address\r\nZofia,Wi'),
      Buffer.from([0x9c]),
      Buffer.from('niewska,ul. Piotrkowska 1, '),
      Buffer.from([0xa3, 0xf3, 0x64, 0x9f]),
    ]);
    const { token, preview } = await choose(t, 'clients.csv', cp1250);
    expect(preview).toMatchObject({ fileProblem: 'notUtf8', encoding: null, rows: 0 });
    expect((await t.fail('imports.run', { token, mapping: [] })).fields).toEqual({ token: 'importFileProblem' });
    const right = await t.ok('imports.preview', { token, encoding: 'windows-1250' });
    expect(right).toMatchObject({ fileProblem: null, encoding: 'windows-1250', rows: 1, ready: 1 });
    // The quoted-less comma in the address makes a fourth cell; it is not mapped, so it is left out.
    expect(right.columns.map((c) => c.samples[0])).toEqual(['Zofia', 'Wiśniewska', 'ul. Piotrkowska 1', 'Łódź']);
    await t.ok('imports.run', {
      token,
      encoding: 'windows-1250',
      mapping: right.mapping,
      intakeDateForAll: '2025-12-31',
    });
    expect((await t.ok('clients.search', { query: 'wisniewska' })).items.map((c) => c.lastName)).toEqual([
      'Wiśniewska',
    ]);
  });

  it('says which columns are missing, and takes a mapping chosen by hand', async () => {
    const t = startCore();
    await setUp(t);
    const { token, preview } = await choose(
      t,
      'list.csv',
      'Client ref,Who,Tel\r\nA1,Nowak Jan,0113 496 0001\r\nA2,"Brown, Adam",\r\n',
    );
    expect(preview).toMatchObject({ fileProblem: 'noNames', mapping: [null, null, 'phone'], rows: 2 });
    expect((await t.fail('imports.run', { token, mapping: preview.mapping })).fields).toEqual({
      token: 'importFileProblem',
    });
    const mapped = await t.ok('imports.preview', { token, mapping: [null, 'fullName', 'phone'] });
    expect(mapped).toMatchObject({ fileProblem: null, ready: 2 });
    await t.ok('imports.run', { token, mapping: [null, 'fullName', 'phone'], intakeDateForAll: '2025-12-31' });
    // "Nowak Jan": the last word is taken as the surname; "Brown, Adam" is surname first.
    expect((await t.ok('clients.search', { query: '' })).items.map((c) => [c.firstName, c.lastName, c.phone])).toEqual([
      ['Adam', 'Brown', null],
      ['Nowak', 'Jan', '0113 496 0001'],
    ]);
    expect((await choose(t, 'empty.csv', 'First name,Last name\r\n,,\r\n')).preview.fileProblem).toBe('empty');
    expect((await choose(t, 'broken.xlsx', 'not a zip file')).preview.fileProblem).toBe('unreadable');
  });

  it('checks 10,000 rows, lists the few bad ones by row and column, imports nothing until accepted, then only the good ones', async () => {
    const t = startCore();
    await setUp(t);
    const existing = await addNewPerson(t, {
      firstName: 'Maria',
      lastName: 'Kowalczyk',
      dateOfBirth: '1970-01-01',
      intakeDate: '2026-01-05',
    });
    const header = ['First name', 'Last name', 'Date of birth', 'Email', 'Language', 'Caseworker', 'Date taken in'];
    // Everyone born on a different day, so the only people alike are the two planted below.
    const born = (i: number) => new Date(Date.UTC(1940, 0, 1 + ((i * 37) % 29_000))).toISOString().slice(0, 10);
    const dayFirst = (iso: string) => iso.split('-').reverse().join('/');
    const rows: string[][] = [];
    for (let i = 0; i < 10_000; i++)
      rows.push([
        `Person${i}`,
        `Tester${i % 97}`,
        dayFirst(born(i)),
        `p${i}@example.org`,
        i % 2 ? 'English' : 'polski',
        '',
        '01/06/2026',
      ]);
    const bad: [number, number, string][] = [
      [41, 2, '31/02/1980'], // no such day
      [1999, 3, 'not-an-email'],
      [5000, 1, ''], // no last name
      [7777, 4, 'Klingon'],
      [8888, 5, 'Somebody Else'],
      [9998, 6, '01/01/2027'], // taken in after today
    ];
    for (const [i, col, value] of bad) rows[i]![col] = value;
    rows[300] = ['Maria', 'Kowalczyk', '01/01/1970', '', '', '', '']; // already on file
    rows[600] = [...rows[10]!]; // the same person twice in the file
    const file = [header, ...rows].map((r) => csvLine(r)).join('\r\n');
    const before = await clientCount(t);

    const { token, preview } = await choose(t, 'big list.csv', file);
    expect(preview).toMatchObject({ rows: 10_000, problemRows: 6, duplicateRows: 2, ready: 9_992 });
    expect(preview.problems.map((p) => [p.row, p.column, p.problem, p.value])).toEqual([
      [43, 'Date of birth', 'invalidDate', '31/02/1980'],
      [2001, 'Email', 'invalidEmail', 'not-an-email'],
      [5002, 'Last name', 'required', ''],
      [7779, 'Language', 'invalidLanguage', 'Klingon'],
      [8890, 'Caseworker', 'unknownCaseworker', 'Somebody Else'],
      [10000, 'Date taken in', 'dateInFuture', '01/01/2027'],
    ]);
    expect(preview.duplicates.map((d) => [d.row, d.name, d.existing?.reference ?? null, d.sameAsRow])).toEqual([
      [302, 'Maria Kowalczyk', existing.reference, null],
      [602, 'Person10 Tester10', null, 12],
    ]);
    // Nothing is written by looking, nor by an import the person has not accepted.
    expect(await clientCount(t)).toBe(before);
    expect((await t.fail('imports.run', { token, mapping: preview.mapping })).fields).toEqual({
      acceptProblems: 'importHasProblems',
    });
    expect(await clientCount(t)).toBe(before);

    const done = await t.ok('imports.run', {
      token,
      mapping: preview.mapping,
      acceptProblems: true,
      intakeDateForAll: '2025-12-31',
    });
    expect(done).toMatchObject({ imported: 9_992, skippedProblems: 6, skippedDuplicates: 2 });
    expect(await clientCount(t)).toBe(before + 9_992);
    expect((await t.ok('clients.search', { query: 'person9999' })).items[0]).toMatchObject({
      lastName: 'Tester8',
      dateOfBirth: born(9999),
      intakeDate: '2026-06-01',
    });
    expect(
      (await t.ok('clients.search', { query: 'person41', limit: 500 })).items.map((c) => c.firstName),
    ).not.toContain('Person41');

    // Once something is recorded for one of them, the import stays.
    const one = (await t.ok('clients.search', { query: 'person5' })).items[0]!;
    await t.ok('notes.save', {
      clientId: one.id,
      note: { date: '2026-11-23', time: '09:00', kind: 'phone', body: 'Rang about the food bank.' },
    });
    expect((await t.fail('imports.undo', { id: done.imports[0]!.id })).fields).toEqual({ id: 'importTouched' });
    expect(await clientCount(t)).toBe(before + 9_992);
  });

  it('finds a person on file written last name first, and one written twice in the file with the names swapped', async () => {
    const t = startCore();
    await setUp(t);
    const existing = await addNewPerson(t, {
      firstName: 'Łucja',
      lastName: 'Wiśniewska',
      dateOfBirth: '1981-04-12',
      intakeDate: '2026-01-05',
    });
    const rows = [
      ['First name', 'Last name', 'Date of birth'],
      ['Wisniewska', 'Lucja', '12/04/1981'], // on file, the names the other way round and unaccented
      ['Jan', 'Nowakowski', '03/09/1990'],
      ['Nowakowski', 'Jan', '03/09/1990'], // the row above again, swapped
      ['Anna', 'Lis', '05/05/1955'], // a different person
    ];
    const { preview } = await choose(t, 'swapped.csv', rows.map((r) => csvLine(r)).join('\r\n'));
    expect(preview).toMatchObject({ rows: 4, ready: 2, duplicateRows: 2 });
    expect(preview.duplicates.map((d) => [d.row, d.existing?.reference ?? null, d.sameAsRow])).toEqual([
      [2, existing.reference, null],
      [4, null, 3],
    ]);
  });

  it('reads an Excel workbook, its dates kept as dates', async () => {
    const t = startCore();
    await setUp(t);
    const xlsx = await writeExcelFile(
      [
        ['Forename', 'Surname', 'DOB', 'Postcode'],
        ['Ewa', 'Zając', new Date(Date.UTC(1992, 6, 7)), 'LS6 2AB'],
        ['Tom', 'Price', '12/12/1988', 'LS1 4AB'],
      ] as never,
      { dateFormat: 'dd/mm/yyyy' },
    ).toBuffer();
    const { token, preview } = await choose(t, 'clients.xlsx', xlsx);
    expect(preview).toMatchObject({
      kind: 'xlsx',
      fileProblem: null,
      rows: 2,
      ready: 2,
      mapping: ['firstName', 'lastName', 'dateOfBirth', 'postcode'],
    });
    await t.ok('imports.run', { token, mapping: preview.mapping, intakeDateForAll: '2025-12-31' });
    expect((await t.ok('clients.search', { query: 'zajac' })).items[0]).toMatchObject({
      lastName: 'Zając',
      dateOfBirth: '1992-07-07',
      postcode: 'LS6 2AB',
    });
  });

  it('is for administrators, and a closed file dialog imports nothing', async () => {
    const t = startCore();
    await setUp(t);
    t.platform.cancelNext = true;
    expect((await t.fail('imports.choose', {})).code).toBe('CANCELLED');
    expect((await t.fail('imports.preview', { token: 'not-a-token' })).code).toBe('NOT_FOUND');
    await signInAsNewUser(t, 'Carol Caseworker', 'caseworker');
    expect((await t.fail('imports.choose', {})).code).toBe('FORBIDDEN');
  });
});
