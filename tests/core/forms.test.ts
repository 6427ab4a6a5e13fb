import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { pdfText } from './pdfCheck';
import { reportTables } from '../../shared/domain/reportTables';
import { createTranslator } from '../../shared/i18n';
import { ADMIN, addNewPerson, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';

/** A scale worded by the charity for each point, as a funder's outcome tool would be. */
const SCALE = (label: string, labelPl: string): ChannelInput<'customFields.save'> => ({
  type: 'oneOf',
  label,
  labelPl,
  choices: [
    { label: 'Not at all', labelPl: 'Wcale', points: 0 },
    { label: 'Several days', labelPl: 'Kilka dni', points: 1 },
    { label: 'More than half the days', labelPl: 'Ponad połowę dni', points: 2 },
    { label: 'Nearly every day', labelPl: 'Prawie codziennie', points: 3 },
  ],
});

async function wellbeingForm(t: TestCore) {
  const areas = await t.ok('needAreas.list', {});
  const mental = areas.find((a) => a.builtinKey === 'mentalHealth')!;
  const [form] = await t.ok('forms.save', {
    name: 'Wellbeing check',
    namePl: 'Ocena samopoczucia',
    scored: true,
    areaId: mental.id,
    bands: [
      { from: 0, label: 'Low', labelPl: 'Niski', outcome: 8 },
      { from: 3, label: 'Moderate', labelPl: 'Umiarkowany', outcome: 5 },
      { from: 5, label: 'High', labelPl: 'Wysoki', outcome: 2 },
    ],
  });
  await t.ok('customFields.save', { ...SCALE('Feeling low', 'Przygnębienie'), formId: form!.id });
  await t.ok('customFields.save', { ...SCALE('Trouble sleeping', 'Problemy ze snem'), formId: form!.id });
  await t.ok('customFields.save', { type: 'text', label: 'What helps', formId: form!.id, identifying: false });
  const questions = await t.ok('customFields.list', { formId: form!.id });
  return { form: form!, questions, mental };
}

describe('the charity’s own forms', () => {
  it('is filled in more than once, dated, scored into bands that score a need area, in the timeline, the pack and the outcomes', async () => {
    const t = startCore();
    await setUp(t);
    const { form, questions, mental } = await wellbeingForm(t);
    const [low, sleep, helps] = questions;
    // A form's questions are not the record's: the intake and the client record do not ask them.
    expect((await t.ok('customFields.list', {})).map((f) => f.label)).toEqual([]);
    expect(questions.map((q) => [q.label, q.inIntake, q.formId])).toEqual([
      ['Feeling low', false, form.id],
      ['Trouble sleeping', false, form.id],
      ['What helps', false, form.id],
    ]);
    expect(low!.choices.map((c) => c.points)).toEqual([0, 1, 2, 3]);
    // A second form, so that counts are each form's own.
    const [, other] = await t.ok('forms.save', { name: 'Debt advice intake', scored: false });
    await t.ok('customFields.save', { type: 'number', label: 'Total owed', formId: other!.id });

    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-09-01' });
    // Every scored question must be answered on a scored form; the text one need not be.
    expect(
      (
        await t.fail('forms.fill', {
          clientId: ewa.id,
          formId: form.id,
          filledOn: '2026-09-01',
          answers: [{ fieldId: low!.id, value: 'c4' }],
        })
      ).fields,
    ).toEqual({ [`answers.${sleep!.id}`]: 'required' });
    const { entry: first } = await t.ok('forms.fill', {
      clientId: ewa.id,
      formId: form.id,
      filledOn: '2026-09-01',
      answers: [
        { fieldId: low!.id, value: 'c4' },
        { fieldId: sleep!.id, value: 'c3' },
        { fieldId: helps!.id, value: 'Talking to my sister' },
      ],
    });
    expect(first).toMatchObject({ score: 5, band: { label: 'High', outcome: 2 }, areaId: mental.id });
    // The same form again, three months on: lower.
    const { entry: second } = await t.ok('forms.fill', {
      clientId: ewa.id,
      formId: form.id,
      filledOn: '2026-11-20',
      answers: [
        { fieldId: low!.id, value: 'c2' },
        { fieldId: sleep!.id, value: 'c1' },
      ],
    });
    expect(second).toMatchObject({ score: 1, band: { label: 'Low', outcome: 8 } });
    expect((await t.ok('forms.entries', { clientId: ewa.id })).map((e) => [e.filledOn, e.score])).toEqual([
      ['2026-11-20', 1],
      ['2026-09-01', 5],
    ]);
    // Each filling scored the need area on its day: two scores, from the form, counted as an outcome.
    const record = await t.ok('clients.get', { id: ewa.id });
    expect(
      record.assessments.map((a) => [a.assessedOn, a.scores.map((s) => [s.areaId, s.score]), a.fromForm?.name]),
    ).toEqual([
      ['2026-11-20', [[mental.id, 8]], 'Wellbeing check'],
      ['2026-09-01', [[mental.id, 2]], 'Wellbeing check'],
    ]);
    expect((await t.ok('forms.list', {})).map((f) => [f.name, f.questions, f.filled])).toEqual([
      ['Wellbeing check', 3, 2],
      ['Debt advice intake', 1, 0],
    ]);
    const report = await t.ok('reports.funder', { from: '2026-01-01', to: '2026-11-23' });
    expect(report.outcomes.areas.find((a) => a.areaId === mental.id)).toMatchObject({ improved: 1, worse: 0 });
    // The report counts the fillings, and people by band at their first and latest: one person, so "<5".
    expect(report.byForm).toEqual([
      {
        formId: form.id,
        name: 'Wellbeing check',
        namePl: 'Ocena samopoczucia',
        filled: 2,
        people: null,
        bands: [
          { label: 'Low', labelPl: 'Niski', first: 0, latest: null },
          { label: 'Moderate', labelPl: 'Umiarkowany', first: 0, latest: 0 },
          { label: 'High', labelPl: 'Wysoki', first: null, latest: 0 },
        ],
      },
    ]);
    const tables = reportTables(report, createTranslator('pl').t, 'pl');
    expect(tables.find((x) => x.key === 'forms')!.rows).toEqual([['Ocena samopoczucia', 2, { suppressed: true }]]);
    expect(tables.find((x) => x.key === `form-${form.id}`)!.title).toBe(
      'Osoby według przedziałów formularza: Ocena samopoczucia',
    );
    // The assessment a form recorded is changed only through the form.
    const fed = record.assessments[0]!;
    expect(
      (
        await t.fail('assessments.save', {
          clientId: ewa.id,
          target: { id: fed.id, version: fed.version },
          assessment: { assessedOn: '2026-11-20', scores: [{ areaId: mental.id, score: 9 }] },
        })
      ).fields,
    ).toEqual({ assessment: 'scoredByForm' });

    // Changing the later one (someone misread a choice) changes its total, band and the area's score.
    const { entry: changed } = await t.ok('forms.fill', {
      clientId: ewa.id,
      formId: form.id,
      entry: { id: second.id, version: second.version },
      filledOn: '2026-11-20',
      answers: [
        { fieldId: low!.id, value: 'c3' },
        { fieldId: sleep!.id, value: 'c2' },
      ],
    });
    expect(changed).toMatchObject({ score: 3, band: { label: 'Moderate' } });
    expect((await t.ok('clients.get', { id: ewa.id })).assessments[0]!.scores[0]!.score).toBe(5);
    expect(
      (
        await t.fail('forms.fill', {
          clientId: ewa.id,
          formId: form.id,
          entry: { id: second.id, version: second.version },
          filledOn: '2026-11-20',
          answers: [],
        })
      ).code,
    ).toBe('CONFLICT');

    // The timeline shows each filling; the audit trail says which form, never the answers.
    const timeline = await t.ok('timeline.get', { clientId: ewa.id, types: ['form'] });
    expect(timeline.items.map((i) => [i.event, i.at, i.text, i.detail])).toEqual([
      ['formFilled', '2026-11-20', 'Wellbeing check', 'Ocena samopoczucia'],
      ['formFilled', '2026-09-01', 'Wellbeing check', 'Ocena samopoczucia'],
    ]);
    const audit = (await t.ok('audit.list', {})).items.filter((e) => e.action.startsWith('form.'));
    expect(audit.map((e) => e.action)).toEqual(['form.changed', 'form.filled', 'form.filled']);
    expect(JSON.stringify(audit)).not.toContain('sister');

    // Her subject access pack has both, with the questions as asked, and says which scores a form recorded.
    const [request] = await t.ok('subjectAccess.record', { clientId: ewa.id, receivedOn: '2026-11-23' });
    const { pdfPath, jsonPath } = await t.ok('subjectAccess.savePack', { id: request!.id });
    const pack = JSON.parse(readFileSync(jsonPath, 'utf8')) as { forms: { filledOn: string; score: number }[] };
    expect(pack.forms.map((f) => [f.filledOn, f.score])).toEqual([
      ['2026-09-01', 5],
      ['2026-11-20', 3],
    ]);
    const text = pdfText(pdfPath).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Forms filled in with you Wellbeing check · 1 September 2026 By Anna Kowalska Total 5 points · High Feeling low Nearly every day',
    );
    expect(text).toContain('Assessment on 1 September 2026 By Anna Kowalska Recorded by the form Wellbeing check');

    // Anonymised: free text on a form goes, the scored answers stay for the figures.
    await t.ok('erasure.eraseClient', {
      id: ewa.id,
      mode: 'anonymise',
      reason: 'Retention period passed',
      confirmation: ewa.reference,
    });
    const kept = await t.ok('forms.entries', { clientId: ewa.id });
    expect(kept.map((e) => e.answers.map((a) => a.asked.label))).toEqual([
      ['Feeling low', 'Trouble sleeping'],
      ['Feeling low', 'Trouble sleeping'],
    ]);
  });

  it('keeps a filled form under its questions as they were asked, and its total as it was worked out', async () => {
    const t = startCore();
    await setUp(t);
    const { form, questions } = await wellbeingForm(t);
    const [low, sleep] = questions;
    const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-09-01' });
    const { entry: before } = await t.ok('forms.fill', {
      clientId: jan.id,
      formId: form.id,
      filledOn: '2026-10-01',
      answers: [
        { fieldId: low!.id, value: 'c3' },
        { fieldId: sleep!.id, value: 'c3' },
      ],
    });
    expect(before.score).toBe(4);
    // The charity rewords a question and re-weights its scale; the old form keeps the old words.
    await t.ok('customFields.save', {
      ...SCALE('Feeling down or hopeless', 'Przygnębienie lub beznadzieja'),
      id: low!.id,
      version: low!.version,
      formId: form.id,
      choices: low!.choices.map((c) => ({ ...c, points: (c.points ?? 0) * 2 })),
    });
    // A band moved: the old total and band stay as worked out then.
    await t.ok('forms.save', {
      id: form.id,
      version: form.version,
      name: 'Wellbeing check',
      scored: true,
      areaId: form.areaId,
      bands: [
        { from: 0, label: 'Low', outcome: 8 },
        { from: 6, label: 'High', outcome: 2 },
      ],
    });
    const [old] = await t.ok('forms.entries', { clientId: jan.id });
    expect(old).toMatchObject({ score: 4, band: { label: 'Moderate' } });
    expect(old!.answers[0]).toMatchObject({ reworded: true, asked: { label: 'Feeling low' } });
    expect(old!.answers[0]!.asked.choices[2]!.points).toBe(2);
    // Changed without touching that answer: it keeps its words and points; the total is worked out again.
    const { entry: again } = await t.ok('forms.fill', {
      clientId: jan.id,
      formId: form.id,
      entry: { id: old!.id, version: old!.version },
      filledOn: '2026-10-01',
      answers: [
        { fieldId: low!.id, value: 'c3' },
        { fieldId: sleep!.id, value: 'c4' },
      ],
    });
    expect(again).toMatchObject({ score: 5, band: { label: 'Low' } });
    expect(again.answers[0]).toMatchObject({ reworded: true });
    // A retired form is not filled in again; what was filled in stays.
    await t.ok('forms.setActive', { id: form.id, active: false });
    expect(await t.ok('forms.list', {})).toEqual([]);
    expect(
      (
        await t.fail('forms.fill', {
          clientId: jan.id,
          formId: form.id,
          filledOn: '2026-11-01',
          answers: [],
        })
      ).fields,
    ).toEqual({ formId: 'formRetired' });
    expect(await t.ok('forms.entries', { clientId: jan.id })).toHaveLength(1);
  });

  it('checks a form as it is saved, and keeps sensitive answers from volunteers', async () => {
    const t = startCore();
    await setUp(t);
    // Bands must rise; a form scoring a need area gives each band its score out of ten.
    expect(
      (
        await t.fail('forms.save', {
          name: 'Risk',
          scored: true,
          areaId: 1,
          bands: [
            { from: 4, label: 'High', outcome: 2 },
            { from: 2, label: 'Medium' },
          ],
        })
      ).fields,
    ).toEqual({ 'bands.1.from': 'bandsOrder', 'bands.1.outcome': 'required' });
    expect((await t.fail('forms.save', { name: '  ', scored: false })).fields).toEqual({ name: 'required' });
    expect(
      (
        await t.fail('customFields.save', {
          ...SCALE('Q', 'Q'),
          choices: [
            { label: 'A', points: 101 },
            { label: 'B', points: -1 },
          ],
        })
      ).fields,
    ).toEqual({ 'choices.0.points': 'pointsRange', 'choices.1.points': 'pointsRange' });
    const [risk] = await t.ok('forms.save', { name: 'Domestic abuse risk checklist', scored: false });
    await t.ok('customFields.save', {
      type: 'yesNo',
      label: 'Has the abuse got worse?',
      sensitive: true,
      formId: risk!.id,
    });
    await t.ok('customFields.save', { type: 'date', label: 'Last incident', formId: risk!.id, required: true });
    const [worse, last] = await t.ok('customFields.list', { formId: risk!.id });
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-09-01' });
    // A date in the future, a wrong type of answer, a required one left out: each said on its question.
    expect(
      (
        await t.fail('forms.fill', {
          clientId: ewa.id,
          formId: risk!.id,
          filledOn: '2027-01-01',
          answers: [],
        })
      ).fields,
    ).toEqual({ filledOn: 'dateInFuture' });
    expect(
      (
        await t.fail('forms.fill', {
          clientId: ewa.id,
          formId: risk!.id,
          filledOn: '2026-11-01',
          answers: [{ fieldId: worse!.id, value: 'often' }],
        })
      ).fields,
    ).toEqual({ [`answers.${worse!.id}`]: 'invalid', [`answers.${last!.id}`]: 'required' });
    const { entry } = await t.ok('forms.fill', {
      clientId: ewa.id,
      formId: risk!.id,
      filledOn: '2026-11-01',
      answers: [
        { fieldId: worse!.id, value: true },
        { fieldId: last!.id, value: '2026-10-30' },
      ],
    });
    expect(entry.score).toBeNull();
    // A form's question belongs to its form.
    expect(
      (await t.fail('customFields.save', { ...SCALE('Q', 'Q'), id: worse!.id, version: worse!.version, type: 'yesNo' }))
        .code,
    ).toBe('NOT_FOUND');

    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const [seen] = await t.ok('forms.entries', { clientId: ewa.id });
    expect(seen!.answers.map((a) => [a.asked.label, a.withheld, a.value])).toEqual([
      ['Has the abuse got worse?', true, null],
      ['Last incident', false, '2026-10-30'],
    ]);
    expect(
      (await t.fail('forms.fill', { clientId: ewa.id, formId: risk!.id, filledOn: '2026-11-01', answers: [] })).code,
    ).toBe('FORBIDDEN');
    expect((await t.fail('forms.save', { name: 'Mine', scored: false })).code).toBe('FORBIDDEN');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: ADMIN.name, password: ADMIN.password });
  });
});

describe('a form asked with a referral', () => {
  it('is filled in as the referral is made or changed, goes with it, and a required question stops it', async () => {
    const t = startCore();
    await setUp(t);
    const [form] = await t.ok('forms.save', { name: 'Food bank voucher', scored: false, askedWith: 'referral' });
    expect(form).toMatchObject({ askedWith: 'referral' });
    await t.ok('customFields.save', {
      type: 'number',
      label: 'People in the household',
      required: true,
      formId: form!.id,
    });
    await t.ok('customFields.save', { type: 'text', label: 'Dietary needs', formId: form!.id });
    const [people, diet] = await t.ok('customFields.list', { formId: form!.id });
    const agency = await t.ok('agencies.save', {
      agency: { name: 'Hyde Park Food Bank', referralRoutes: ['email'], contacts: [] },
    });
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-09-01' });
    const referral = { agencyId: agency.id, reason: 'No food until payday', urgency: 'urgent' as const };
    // The required question stops the referral, which is not made.
    expect((await t.fail('referrals.create', { clientId: ewa.id, referral })).fields).toEqual({
      [`answers.${people!.id}`]: 'required',
    });
    expect(await t.ok('referrals.forClient', { clientId: ewa.id })).toEqual([]);
    const [made] = await t.ok('referrals.create', {
      clientId: ewa.id,
      referral,
      answers: [
        { fieldId: people!.id, value: 3 },
        { fieldId: diet!.id, value: 'Halal' },
      ],
    });
    const [entry] = await t.ok('forms.entries', { clientId: ewa.id });
    expect(entry).toMatchObject({ referralId: made!.id, agencyName: 'Hyde Park Food Bank', filledOn: '2026-11-23' });
    expect(entry!.answers.map((a) => a.value)).toEqual([3, 'Halal']);
    // Changed with the referral: the same entry, not a second one.
    await t.ok('referrals.update', {
      id: made!.id,
      version: made!.version,
      referral,
      answers: [
        { fieldId: people!.id, value: 4 },
        { fieldId: diet!.id, value: 'Halal' },
      ],
    });
    const after = await t.ok('forms.entries', { clientId: ewa.id });
    expect(after.map((e) => [e.id, e.answers[0]!.value])).toEqual([[entry!.id, 4]]);
    // The timeline shows it as a form filled in.
    const timeline = await t.ok('timeline.get', { clientId: ewa.id, types: ['form'] });
    expect(timeline.items.map((i) => i.text)).toEqual(['Food bank voucher']);
  });
});

describe('a form asked with a registration on a programme', () => {
  it('is answered as someone is registered (by whoever registers them), kept with the person and the programme, and can be answered later', async () => {
    const t = startCore();
    await setUp(t);
    const programme = (name: string) =>
      t
        .ok('programmes.save', {
          programme: { name, kind: 'groupSupport', startsOn: '2026-10-01', endsOn: '2026-12-31', facilitators: [] },
        })
        .then((d) => d.programme);
    const parents = await programme('Parents’ group');
    const english = await programme('English conversation');
    const [form] = await t.ok('forms.save', {
      name: 'Parents’ group registration',
      scored: false,
      askedWith: 'registration',
      programmeId: parents.id,
    });
    expect(form).toMatchObject({ askedWith: 'registration', programmeId: parents.id, noteKind: null });
    await t.ok('customFields.save', {
      type: 'text',
      label: 'How did you hear of the group?',
      required: true,
      formId: form!.id,
    });
    await t.ok('customFields.save', {
      type: 'yesNo',
      label: 'Disability',
      required: true,
      sensitive: true,
      formId: form!.id,
    });
    const [heard, disability] = await t.ok('customFields.list', { formId: form!.id });
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-09-01' });
    const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-09-01' });
    const adam = await addNewPerson(t, { firstName: 'Adam', lastName: 'Wiśniewski', intakeDate: '2026-09-01' });
    const register = (clientId: number, programmeId: number, answers: { fieldId: number; value: unknown }[] = []) =>
      ({ programmeId, clientId, registeredOn: '2026-11-20', answers }) as ChannelInput<'programmes.register'>;

    // Its questions must be answered: the person is not registered until they are.
    expect((await t.fail('programmes.register', register(ewa.id, parents.id))).fields).toEqual({
      [`answers.${heard!.id}`]: 'required',
      [`answers.${disability!.id}`]: 'required',
    });
    expect((await t.ok('programmes.get', { id: parents.id })).members).toEqual([]);
    const detail = await t.ok(
      'programmes.register',
      register(ewa.id, parents.id, [
        { fieldId: heard!.id, value: 'From the school' },
        { fieldId: disability!.id, value: false },
      ]),
    );
    expect(detail.formsAsked).toBe(1);
    expect(detail.members.map((m) => [m.name, m.formsFilled])).toEqual([['Ewa Kowalczyk', 1]]);
    const [entry] = await t.ok('forms.entries', { clientId: ewa.id });
    expect(entry).toMatchObject({
      programmeId: parents.id,
      programmeName: 'Parents’ group',
      filledOn: '2026-11-20',
      referralId: null,
      caseNoteId: null,
    });
    // Asked with one programme only; and never filled in on its own.
    const other = await t.ok('programmes.register', register(jan.id, english.id));
    expect([other.formsAsked, other.members[0]!.formsFilled]).toEqual([0, 0]);
    expect(
      (await t.fail('forms.fill', { clientId: jan.id, formId: form!.id, filledOn: '2026-11-20', answers: [] })).fields,
    ).toEqual({ formId: 'formAskedWith' });

    // A volunteer registering someone is asked only what is not sensitive, and cannot answer the rest.
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    expect((await t.fail('programmes.register', register(adam.id, parents.id))).fields).toEqual({
      [`answers.${heard!.id}`]: 'required',
    });
    expect(
      (
        await t.fail(
          'programmes.register',
          register(adam.id, parents.id, [
            { fieldId: heard!.id, value: 'A poster' },
            { fieldId: disability!.id, value: true },
          ]),
        )
      ).code,
    ).toBe('BAD_INPUT');
    await t.ok('programmes.register', register(adam.id, parents.id, [{ fieldId: heard!.id, value: 'A poster' }]));
    const [seen] = await t.ok('forms.entries', { clientId: ewa.id });
    expect(seen!.answers.map((a) => [a.asked.label, a.withheld])).toEqual([
      ['How did you hear of the group?', false],
      ['Disability', true],
    ]);
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: ADMIN.name, password: ADMIN.password });

    // Answered later from the programme's list: the same entry, what the volunteer gave kept.
    const answered = await t.ok('programmes.answerRegistration', {
      programmeId: parents.id,
      clientId: adam.id,
      answers: [{ fieldId: disability!.id, value: true }],
    });
    expect(answered.members.map((m) => m.formsFilled)).toEqual([1, 1]);
    const adams = await t.ok('forms.entries', { clientId: adam.id });
    expect(adams.map((e) => e.answers.map((a) => a.value))).toEqual([['A poster', true]]);
    expect(
      (await t.fail('programmes.answerRegistration', { programmeId: parents.id, clientId: jan.id, answers: [] })).code,
    ).toBe('NOT_FOUND');
    // Taken off the list and registered again: the answers given before are found, not asked twice.
    await t.ok('programmes.unregister', { programmeId: parents.id, clientId: adam.id });
    const again = await t.ok('programmes.register', register(adam.id, parents.id));
    expect(again.members.find((m) => m.clientId === adam.id)!.formsFilled).toBe(1);
    expect(await t.ok('forms.entries', { clientId: adam.id })).toHaveLength(1);
  });
});

describe('a form asked with each case note of a kind', () => {
  const VISIT = { date: '2026-11-20', time: '14:00', kind: 'homeVisit' as const, body: 'Visited at home.' };

  it('is answered with the note, dated with it, changed with it, and as private as the note', async () => {
    const t = startCore();
    await setUp(t);
    expect((await t.fail('forms.save', { name: 'Visit', scored: false, askedWith: 'caseNote' })).fields).toEqual({
      noteKind: 'required',
    });
    const [form] = await t.ok('forms.save', {
      name: 'Home visit safety',
      namePl: 'Bezpieczeństwo wizyty domowej',
      scored: true,
      bands: [
        { from: 0, label: 'Safe' },
        { from: 2, label: 'Go in pairs' },
      ],
      askedWith: 'caseNote',
      noteKind: 'homeVisit',
    });
    expect(form).toMatchObject({ askedWith: 'caseNote', noteKind: 'homeVisit', programmeId: null });
    await t.ok('customFields.save', {
      type: 'oneOf',
      label: 'Anyone else at home?',
      choices: [
        { label: 'No', points: 0 },
        { label: 'Family', points: 1 },
        { label: 'Someone unknown', points: 2 },
      ],
      formId: form!.id,
    });
    await t.ok('customFields.save', { type: 'text', label: 'Worries', sensitive: true, formId: form!.id });
    const [others, worries] = await t.ok('customFields.list', { formId: form!.id });
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-09-01' });

    // A phone call asks nothing; a home visit asks the form (scored questions must be answered).
    await t.ok('notes.save', { clientId: ewa.id, note: { ...VISIT, kind: 'phone', body: 'Rang.' } });
    expect(await t.ok('forms.entries', { clientId: ewa.id })).toEqual([]);
    expect((await t.fail('notes.save', { clientId: ewa.id, note: VISIT })).fields).toEqual({
      [`answers.${others!.id}`]: 'required',
    });
    expect((await t.ok('timeline.get', { clientId: ewa.id, types: ['note'] })).items).toHaveLength(1);
    const note = await t.ok('notes.save', {
      clientId: ewa.id,
      note: { ...VISIT, sensitive: true },
      answers: [
        { fieldId: others!.id, value: others!.choices[2]!.key },
        { fieldId: worries!.id, value: 'A man answered the door and would not give his name' },
      ],
    });
    const [entry] = await t.ok('forms.entries', { clientId: ewa.id });
    expect(entry).toMatchObject({
      caseNoteId: note.id,
      noteOccurredAt: '2026-11-20T14:00',
      filledOn: '2026-11-20',
      score: 2,
      band: { label: 'Go in pairs' },
    });
    // Changed with the note: the same entry, dated with the note.
    await t.ok('notes.save', {
      clientId: ewa.id,
      target: { id: note.id, version: note.version },
      note: { ...VISIT, date: '2026-11-19', sensitive: true },
      answers: [{ fieldId: others!.id, value: others!.choices[1]!.key }],
    });
    const changed = await t.ok('forms.entries', { clientId: ewa.id });
    expect(changed.map((e) => [e.id, e.filledOn, e.score, e.answers.length])).toEqual([
      [entry!.id, '2026-11-19', 1, 2],
    ]);
    // Changed on its own from the Forms tab, its answers change but it stays dated with the note.
    const { entry: onItsOwn } = await t.ok('forms.fill', {
      clientId: ewa.id,
      formId: form!.id,
      entry: { id: entry!.id, version: changed[0]!.version },
      filledOn: '2026-11-01',
      answers: [{ fieldId: others!.id, value: others!.choices[0]!.key }],
    });
    expect([onItsOwn.filledOn, onItsOwn.score, onItsOwn.caseNoteId]).toEqual(['2026-11-19', 0, note.id]);
    // Her subject access pack says what it was filled in with.
    const [request] = await t.ok('subjectAccess.record', { clientId: ewa.id, receivedOn: '2026-11-23' });
    const { pdfPath } = await t.ok('subjectAccess.savePack', { id: request!.id });
    expect(pdfText(pdfPath).replace(/\s+/g, ' ')).toContain(
      'Home visit safety · 19 November 2026 By Anna Kowalska Filled in with the case note of 19 November 2026 Total 0 points · Safe',
    );

    // A volunteer sees nothing of a sensitive note's answers; writing a home visit, they are asked
    // only what is not sensitive, and see their own answers.
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const [hidden] = await t.ok('forms.entries', { clientId: ewa.id });
    expect(hidden!.answers.map((a) => [a.withheld, a.value])).toEqual([
      [true, null],
      [true, null],
    ]);
    expect(hidden!.score).toBeNull();
    const mine = await t.ok('notes.save', {
      clientId: ewa.id,
      note: { ...VISIT, date: '2026-11-21', sensitive: true },
      answers: [{ fieldId: others!.id, value: others!.choices[0]!.key }],
    });
    const seen = await t.ok('forms.entries', { clientId: ewa.id });
    expect(seen.map((e) => [e.caseNoteId, e.score, e.answers.map((a) => a.value)])).toEqual([
      [mine.id, 0, [others!.choices[0]!.key]],
      [note.id, null, [null, null]],
    ]);
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: ADMIN.name, password: ADMIN.password });
  });
});
