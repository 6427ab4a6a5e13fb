import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { cellText, reportTables } from '../../shared/domain/reportTables';
import { createTranslator } from '../../shared/i18n';
import { ADMIN, addNewPerson, setUp, signInAsNewUser, startCore, tempDir, type TestCore } from './helpers';

const ETHNICITY: ChannelInput<'customFields.save'> = {
  type: 'oneOf',
  label: 'Ethnicity',
  labelPl: 'Pochodzenie etniczne',
  help: 'As the person describes it',
  choices: [
    { label: 'White British', labelPl: 'Białe brytyjskie' },
    { label: 'White Polish', labelPl: 'Białe polskie' },
    { label: 'Black British', labelPl: null },
    { label: 'Prefers not to say', labelPl: 'Woli nie mówić' },
  ],
};
const DISABILITY: ChannelInput<'customFields.save'> = {
  type: 'yesNo',
  label: 'Disability',
  labelPl: 'Niepełnosprawność',
  sensitive: true,
  required: true,
};

const fieldNamed = async (t: TestCore, label: string) =>
  (await t.ok('customFields.list', { includeRetired: true })).find((f) => f.label === label)!;

describe('the charity’s own questions', () => {
  it('keeps an old answer under the question as it was asked, after the question is reworded or retired', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-03-01' });
    const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-03-01' });
    await t.ok('customFields.save', ETHNICITY);
    const first = await fieldNamed(t, 'Ethnicity');
    expect(first).toMatchObject({ type: 'oneOf', wordings: 1, active: true, inIntake: true, required: false });
    expect(first.choices.map((c) => c.key)).toEqual(['c1', 'c2', 'c3', 'c4']);
    const [answered] = await t.ok('customFields.answer', {
      clientId: ewa.id,
      answers: [{ fieldId: first.id, value: 'c2' }],
    });
    expect(answered).toMatchObject({ asked: { label: 'Ethnicity' }, value: 'c2', reworded: false, retired: false });

    // The funder's new wording: a new label, one choice reworded (its key kept), one removed, one added.
    await t.ok('customFields.save', {
      ...ETHNICITY,
      id: first.id,
      version: first.version,
      label: 'Ethnic group',
      choices: [
        { key: 'c1', label: 'White: English, Welsh, Scottish, Northern Irish or British', labelPl: null },
        { key: 'c2', label: 'White: Polish', labelPl: 'Białe: polskie' },
        { key: 'c3', label: 'Black British', labelPl: null },
        { label: 'Mixed or multiple', labelPl: 'Mieszane' },
      ],
    });
    const second = await fieldNamed(t, 'Ethnic group');
    expect(second).toMatchObject({ id: first.id, wordings: 2 });
    // "Prefers not to say" (c4) is gone; the new choice never takes its key.
    expect(second.choices.map((c) => c.key)).toEqual(['c1', 'c2', 'c3', 'c5']);

    // Ewa's record still shows what she was asked, and the choice as it was worded then.
    const hers = (await t.ok('clients.get', { id: ewa.id })).answers;
    expect(hers).toHaveLength(1);
    expect(hers[0]).toMatchObject({ reworded: true, value: 'c2' });
    expect(hers[0]!.asked.label).toBe('Ethnicity');
    expect(hers[0]!.asked.choices.find((c) => c.key === 'c2')!.label).toBe('White Polish');
    // Saving her record again unchanged keeps the old wording; Jan's new answer is under the new one.
    await t.ok('customFields.answer', { clientId: ewa.id, answers: [{ fieldId: first.id, value: 'c2' }] });
    expect((await t.ok('clients.get', { id: ewa.id })).answers[0]!.asked.label).toBe('Ethnicity');
    const [his] = await t.ok('customFields.answer', {
      clientId: jan.id,
      answers: [{ fieldId: first.id, value: 'c5' }],
    });
    expect(his).toMatchObject({ reworded: false, asked: { label: 'Ethnic group' }, value: 'c5' });
    // A choice no longer offered is refused for a new answer.
    expect(
      (await t.fail('customFields.answer', { clientId: jan.id, answers: [{ fieldId: first.id, value: 'c4' }] })).fields,
    ).toEqual({ [`answers.${first.id}`]: 'invalid' });
    // Changing an answer puts it under the wording of now.
    const [changed] = await t.ok('customFields.answer', {
      clientId: ewa.id,
      answers: [{ fieldId: first.id, value: 'c1' }],
    });
    expect(changed).toMatchObject({ reworded: false, asked: { label: 'Ethnic group' } });

    // A field keeps its type; the wording saved unchanged makes no new wording.
    expect(
      (await t.fail('customFields.save', { ...ETHNICITY, type: 'severalOf', id: first.id, version: second.version }))
        .fields,
    ).toEqual({ type: 'fieldTypeFixed' });
    await t.ok('customFields.save', {
      ...ETHNICITY,
      id: first.id,
      version: second.version,
      label: 'Ethnic group',
      choices: second.choices,
      required: true,
    });
    expect(await fieldNamed(t, 'Ethnic group')).toMatchObject({ wordings: 2, required: true });
    // Someone else's save in between is refused, not overwritten.
    expect((await t.fail('customFields.save', { ...ETHNICITY, id: first.id, version: first.version })).code).toBe(
      'CONFLICT',
    );

    // Retired: asked no more, refused as an answer, and still on the records that have it.
    await t.ok('customFields.setActive', { id: first.id, active: false });
    expect((await t.ok('customFields.list', {})).map((f) => f.id)).not.toContain(first.id);
    expect(
      (await t.fail('customFields.answer', { clientId: jan.id, answers: [{ fieldId: first.id, value: 'c1' }] })).fields,
    ).toEqual({ [`answers.${first.id}`]: 'fieldRetired' });
    expect((await t.ok('clients.get', { id: jan.id })).answers[0]).toMatchObject({ retired: true, value: 'c5' });
    const audit = await t.ok('audit.list', {});
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['customField.added', 'customField.changed', 'client.answered']),
    );
    // The audit trail says which questions were answered, never the answers.
    expect(JSON.stringify(audit.items.filter((e) => e.action === 'client.answered'))).not.toMatch(/c5|c2/);
  });

  it('asks required questions at intake, checks every kind of answer, and withholds sensitive answers from volunteers', async () => {
    const t = startCore();
    await setUp(t);
    await t.ok('customFields.save', DISABILITY);
    await t.ok('customFields.save', ETHNICITY);
    await t.ok('customFields.save', { type: 'number', label: 'People in the household', labelPl: 'Liczba osób' });
    await t.ok('customFields.save', { type: 'date', label: 'Arrived in the UK', inIntake: false, required: true });
    await t.ok('customFields.save', {
      type: 'severalOf',
      label: 'How did you hear of us',
      choices: [{ label: 'GP' }, { label: 'Friend' }, { label: 'Poster' }],
    });
    await t.ok('customFields.save', { type: 'text', label: 'Previous address', identifying: true });
    const [disability, ethnicity, household, arrived, heard, previous] = await t.ok('customFields.list', {});
    expect(
      (await t.fail('customFields.save', { type: 'oneOf', label: 'Only one', choices: [{ label: 'A' }] })).fields,
    ).toEqual({ choices: 'choicesRequired' });
    expect(
      (await t.fail('customFields.save', { type: 'oneOf', label: 'Twice', choices: [{ label: 'A' }, { label: 'a' }] }))
        .fields,
    ).toEqual({ 'choices.1.label': 'choiceTwice' });

    const details = { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-03-01' };
    // "Disability" is required at intake; "Arrived in the UK" is required but not asked at intake.
    const refused = await t.fail('clients.intake', {
      details,
      answers: [
        { fieldId: ethnicity!.id, value: 'c9' },
        { fieldId: household!.id, value: 2e9 },
        { fieldId: heard!.id, value: ['c1', 'c7'] },
      ],
    });
    expect(refused.fields).toEqual({
      [`answers.${disability!.id}`]: 'required',
      [`answers.${ethnicity!.id}`]: 'invalid',
      [`answers.${household!.id}`]: 'numberRange',
      [`answers.${heard!.id}`]: 'invalid',
    });
    expect((await t.ok('clients.count', {})).total).toBe(0);
    const ewa = await t.ok('clients.intake', {
      details,
      answers: [
        { fieldId: disability!.id, value: true },
        { fieldId: ethnicity!.id, value: 'c2' },
        { fieldId: household!.id, value: 3 },
        { fieldId: heard!.id, value: ['c3', 'c1'] },
        { fieldId: previous!.id, value: '  12 Mill Lane, Leeds  ' },
      ],
    });
    const answers = (await t.ok('clients.get', { id: ewa.id })).answers;
    expect(answers.map((a) => [a.asked.label, a.value])).toEqual([
      ['Disability', true],
      ['Ethnicity', 'c2'],
      ['People in the household', 3],
      ['How did you hear of us', ['c1', 'c3']],
      ['Previous address', '12 Mill Lane, Leeds'],
    ]);
    // On the record, a required question never answered must be answered with the rest.
    expect(
      (await t.fail('customFields.answer', { clientId: ewa.id, answers: [{ fieldId: household!.id, value: 4 }] }))
        .fields,
    ).toEqual({ [`answers.${arrived!.id}`]: 'required' });
    expect(
      (
        await t.fail('customFields.answer', {
          clientId: ewa.id,
          answers: [{ fieldId: arrived!.id, value: '2026-02-30' }],
        })
      ).fields,
    ).toEqual({ [`answers.${arrived!.id}`]: 'invalidDate' });
    await t.ok('customFields.answer', {
      clientId: ewa.id,
      answers: [
        { fieldId: arrived!.id, value: '2019-05-01' },
        { fieldId: household!.id, value: null },
      ],
    });
    expect((await t.ok('clients.get', { id: ewa.id })).answers.map((a) => a.asked.label)).not.toContain(
      'People in the household',
    );

    // The client list filters by an answer (one choice, one of several, yes or no), and its CSV has a column per question.
    const jan = await t.ok('clients.intake', {
      details: { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-03-01' },
      answers: [{ fieldId: disability!.id, value: false }],
    });
    await t.ok('customFields.answer', {
      clientId: jan.id,
      answers: [
        { fieldId: arrived!.id, value: '2020-01-31' },
        { fieldId: heard!.id, value: ['c1'] },
      ],
    });
    const found = async (answer: string) =>
      (await t.ok('clients.search', { answer })).items.map((c) => c.firstName).sort();
    expect(await found(`${ethnicity!.id}:c2`)).toEqual(['Ewa']);
    expect(await found(`${heard!.id}:c1`)).toEqual(['Ewa', 'Jan']);
    expect(await found(`${heard!.id}:c3`)).toEqual(['Ewa']);
    expect(await found(`${disability!.id}:yes`)).toEqual(['Ewa']);
    expect(await found(`${disability!.id}:no`)).toEqual(['Jan']);
    expect((await t.ok('clients.count', { answer: `${heard!.id}:c1`, query: 'nowak' })).total).toBe(1);
    const { path } = await t.ok('clients.exportCsv', { answer: `${heard!.id}:c1` });
    const table = parse(readFileSync(path).toString('utf8'), { bom: true }) as string[][];
    expect(table[0]!.slice(10)).toEqual([
      'Disability',
      'Ethnicity',
      'People in the household',
      'Arrived in the UK',
      'How did you hear of us',
      'Previous address',
    ]);
    expect(table.slice(1).map((r) => r.slice(10))).toEqual([
      ['Yes', 'White Polish', '', '1 May 2019', 'GP, Poster', '12 Mill Lane, Leeds'],
      ['No', '', '', '31 January 2020', 'GP', ''],
    ]);

    // A volunteer sees that Disability was answered, not the answer, and cannot find people by it.
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const seen = (await t.ok('clients.get', { id: ewa.id })).answers;
    expect(seen.find((a) => a.fieldId === disability!.id)).toMatchObject({ withheld: true, value: null });
    expect(seen.find((a) => a.fieldId === ethnicity!.id)).toMatchObject({ withheld: false, value: 'c2' });
    expect((await t.fail('customFields.answer', { clientId: ewa.id, answers: [] })).code).toBe('FORBIDDEN');
    expect((await t.fail('clients.search', { answer: `${disability!.id}:yes` })).code).toBe('FORBIDDEN');
    expect((await t.fail('clients.count', { answer: `${disability!.id}:no` })).code).toBe('FORBIDDEN');
    expect((await t.ok('clients.search', { answer: `${ethnicity!.id}:c2` })).items).toHaveLength(1);
    expect((await t.fail('customFields.save', DISABILITY)).code).toBe('FORBIDDEN');

    // Anonymised: the identifying answer (and any free text) goes; the rest stays for the figures.
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: ADMIN.name, password: ADMIN.password });
    await t.ok('erasure.eraseClient', {
      id: ewa.id,
      mode: 'anonymise',
      reason: 'Retention period passed',
      confirmation: ewa.reference,
    });
    expect((await t.ok('clients.get', { id: ewa.id })).answers.map((a) => a.asked.label)).toEqual([
      'Disability',
      'Ethnicity',
      'Arrived in the UK',
      'How did you hear of us',
    ]);
  });
});

describe('the charity’s own questions in the funder report', () => {
  it('counts the people supported by each answer, hiding groups under five, with a choice asked in earlier words kept', async () => {
    const t = startCore();
    await setUp(t);
    await t.ok('customFields.save', { ...DISABILITY, required: false });
    await t.ok('customFields.save', ETHNICITY);
    await t.ok('customFields.save', {
      type: 'severalOf',
      label: 'Needs',
      choices: [{ label: 'Housing' }, { label: 'Debt' }],
    });
    await t.ok('customFields.save', { type: 'text', label: 'Notes for the funder' });
    const [disability, ethnicity, needs] = await t.ok('customFields.list', {});
    // Eleven people: seven disabled, three not, one not asked; six White Polish, five "prefers not to say".
    for (let i = 0; i < 11; i++) {
      const c = await addNewPerson(t, { firstName: `Person${i}`, lastName: 'Test', intakeDate: '2026-03-01' });
      await t.ok('customFields.answer', {
        clientId: c.id,
        answers: [
          ...(i < 10 ? [{ fieldId: disability!.id, value: i < 7 }] : []),
          { fieldId: ethnicity!.id, value: i < 6 ? 'c2' : 'c4' },
          { fieldId: needs!.id, value: i < 6 ? ['c1', 'c2'] : ['c1'] },
        ],
      });
    }
    // "Prefers not to say" is dropped from the question; the five who gave it are still counted under it.
    await t.ok('customFields.save', {
      ...ETHNICITY,
      id: ethnicity!.id,
      version: ethnicity!.version,
      choices: ethnicity!.choices.slice(0, 3),
    });
    const r = await t.ok('reports.funder', { from: '2026-01-01', to: '2026-12-01' });
    expect(r.demographics.people).toBe(11);
    expect(r.byQuestion.map((q) => q.label)).toEqual(['Disability', 'Ethnicity', 'Needs']);
    const en = createTranslator('en').t;
    const table = (label: string, language = 'en') =>
      reportTables(r, language === 'pl' ? createTranslator('pl').t : en, language)
        .find((x) => x.title.endsWith(label))!
        .rows.map((row) => row.map((c) => cellText(c, 'GBP', language)));
    // 7 yes, 3 no (<5), 1 not recorded (<5): two hidden already.
    expect(table('Disability')).toEqual([
      ['Yes', '7'],
      ['No', '<5'],
      ['Not recorded', '<5'],
    ]);
    expect(table('Ethnicity')).toEqual([
      ['White British', '0'],
      ['White Polish', '6'],
      ['Black British', '0'],
      ['Prefers not to say', '5'],
      ['Not recorded', '0'],
    ]);
    expect(table('Needs')).toEqual([
      ['Housing', '11'],
      ['Debt', '6'],
      ['Not recorded', '0'],
    ]);
    expect(table('Niepełnosprawność', 'pl')).toEqual([
      ['Tak', '7'],
      ['Nie', '<5'],
      ['Nie zapisano', '<5'],
    ]);
  });
});

describe('the charity’s own questions in a spreadsheet import', () => {
  it('suggests a question for a column headed with its words, reads answers in either language, and names the cells it cannot read', async () => {
    const t = startCore();
    await setUp(t);
    await t.ok('customFields.save', { ...DISABILITY, required: true });
    await t.ok('customFields.save', ETHNICITY);
    await t.ok('customFields.save', {
      type: 'severalOf',
      label: 'Needs',
      choices: [
        { label: 'Housing', labelPl: 'Mieszkanie' },
        { label: 'Debt', labelPl: 'Długi' },
      ],
    });
    await t.ok('customFields.save', { type: 'number', label: 'Children' });
    const [disability, ethnicity, needs, children] = await t.ok('customFields.list', {});
    const path = join(tempDir('casebook-import-'), 'lista.csv');
    writeFileSync(
      path,
      [
        'Imię;Nazwisko;Niepełnosprawność;Pochodzenie etniczne;Needs;Dzieci',
        'Ewa;Kowalczyk;tak;Białe polskie;"Mieszkanie; Debt";2',
        'Jan;Nowak;nie;White British;;0',
        'Olga;Wiśniewska;może;Martian;Housing, Cars;dwoje',
      ].join('\r\n'),
    );
    t.platform.nextFile = path;
    const { token, preview } = await t.ok('imports.choose', {});
    // Headings in Polish find their questions; "Dzieci" is not a question's words, so it is chosen by hand.
    expect(preview.mapping).toEqual([
      'firstName',
      'lastName',
      `question:${disability!.id}`,
      `question:${ethnicity!.id}`,
      `question:${needs!.id}`,
      null,
    ]);
    const mapping = [...preview.mapping.slice(0, 5), `question:${children!.id}`] as typeof preview.mapping;
    const checked = await t.ok('imports.preview', { token, mapping });
    expect(checked.problems.map((p) => [p.row, p.column, p.value, p.problem])).toEqual([
      [4, 'Niepełnosprawność', 'może', 'invalid'],
      [4, 'Pochodzenie etniczne', 'Martian', 'invalid'],
      [4, 'Needs', 'Housing, Cars', 'invalid'],
      [4, 'Dzieci', 'dwoje', 'invalid'],
    ]);
    await t.ok('imports.run', { token, mapping, acceptProblems: true, intakeDateForAll: '2025-12-31' });
    const [ewa, jan] = (await t.ok('clients.search', { sort: 'reference' })).items;
    expect((await t.ok('clients.get', { id: ewa!.id })).answers.map((a) => a.value)).toEqual([
      true,
      'c2',
      ['c1', 'c2'],
      2,
    ]);
    // Nothing typed for Needs: no answer (a required question is not demanded of old records).
    expect((await t.ok('clients.get', { id: jan!.id })).answers.map((a) => a.value)).toEqual([false, 'c1', 0]);
  });
});

describe('migration 26', () => {
  it('keeps each wording of a question, and answers go with their client', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 25) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 26) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(26);
    x.exec(`INSERT INTO custom_fields (id, type, position, created_at, updated_at) VALUES (1, 'yesNo', 1, 'x', 'x')`);
    expect(() =>
      x.exec(`INSERT INTO custom_fields (type, position, created_at, updated_at) VALUES ('colour', 2, 'x', 'x')`),
    ).toThrow(/CHECK/);
    x.exec(`INSERT INTO custom_field_wordings (id, field_id, label, created_at) VALUES (1, 1, 'Disability', 'x')`);
    x.exec(`UPDATE custom_fields SET wording_id = 1`);
    x.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, intake_date, created_at, updated_at) VALUES (1, 'CB-00001', 'Ewa', 'K', 'k ewa', '2026-01-01', 'x', 'x')`,
    );
    x.exec(
      `INSERT INTO client_answers (client_id, field_id, wording_id, value, answered_at) VALUES (1, 1, 1, 'true', 'x')`,
    );
    x.exec(`DELETE FROM clients WHERE id = 1`);
    expect(x.prepare(`SELECT count(*) FROM client_answers`).pluck().get()).toBe(0);
    closeDatabase(db);
  });
});

describe('migration 33', () => {
  it('keeps the forms and fillings there were, checks what a form is asked with, and a note’s answers go with it', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    const before = openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 32) });
    const b = before.$client;
    b.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, intake_date, created_at, updated_at) VALUES (1, 'CB-00001', 'Ewa', 'K', 'k ewa', '2026-01-01', 'x', 'x')`,
    );
    b.exec(
      `INSERT INTO custom_forms (id, name, position, created_at, updated_at) VALUES (1, 'Debt advice intake', 1, 'x', 'x')`,
    );
    b.exec(
      `INSERT INTO form_entries (id, client_id, form_id, filled_on, created_at, updated_at) VALUES (1, 1, 1, '2026-11-01', 'x', 'x')`,
    );
    closeDatabase(before);
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 33) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(33);
    expect(x.prepare(`SELECT name, asked_with, note_kind, programme_id FROM custom_forms`).all()).toEqual([
      { name: 'Debt advice intake', asked_with: null, note_kind: null, programme_id: null },
    ]);
    expect(x.prepare(`SELECT id, programme_id, case_note_id FROM form_entries`).all()).toEqual([
      { id: 1, programme_id: null, case_note_id: null },
    ]);
    // A form asked with notes names a kind of contact and is asked with nothing else; one programme only with registrations.
    expect(() => x.exec(`UPDATE custom_forms SET note_kind = 'visit' WHERE id = 1`)).toThrow(/CHECK/);
    expect(() =>
      x.exec(`UPDATE custom_forms SET asked_with = 'referral', note_kind = 'homeVisit' WHERE id = 1`),
    ).toThrow(/CHECK/);
    x.exec(
      `INSERT INTO programmes (id, name, kind, starts_on, created_at, updated_at) VALUES (1, 'Parents', 'groupSupport', '2026-10-01', 'x', 'x')`,
    );
    expect(() => x.exec(`UPDATE custom_forms SET programme_id = 1 WHERE id = 1`)).toThrow(/CHECK/);
    x.exec(`UPDATE custom_forms SET asked_with = 'registration', programme_id = 1 WHERE id = 1`);
    // One filling per person, form and programme.
    x.exec(`UPDATE form_entries SET programme_id = 1`);
    expect(() =>
      x.exec(
        `INSERT INTO form_entries (client_id, form_id, filled_on, programme_id, created_at, updated_at) VALUES (1, 1, '2026-11-02', 1, 'x', 'x')`,
      ),
    ).toThrow(/UNIQUE/);
    // What was filled in with a note goes with it.
    x.exec(
      `INSERT INTO case_notes (id, client_id, occurred_at, kind, body, created_at) VALUES (1, 1, '2026-11-20T14:00', 'homeVisit', 'Visited.', 'x')`,
    );
    x.exec(
      `INSERT INTO form_entries (client_id, form_id, filled_on, case_note_id, created_at, updated_at) VALUES (1, 1, '2026-11-20', 1, 'x', 'x')`,
    );
    x.exec(`DELETE FROM case_notes WHERE id = 1`);
    expect(x.prepare(`SELECT count(*) FROM form_entries`).pluck().get()).toBe(1);
    expect(x.pragma('foreign_key_check')).toEqual([]);
    closeDatabase(db);
  });
});
