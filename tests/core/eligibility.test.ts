import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNewPerson, setUp, signInAsNewUser, startCore, tempDir, type TestCore } from './helpers';
import { scannedPdf } from './sampleDocuments';

const FOOD_BANK = {
  name: 'Food bank',
  namePl: 'Bank żywności',
  recheckMonths: 6,
  criteria: [
    { text: 'Lives in the borough', textPl: 'Mieszka w dzielnicy' },
    { text: 'Household income below £1,200 a month', textPl: 'Dochód gospodarstwa poniżej 1200 £ miesięcznie' },
    { text: 'Aged 18 or over', textPl: null },
  ],
};

async function withFoodBank(t: TestCore) {
  const [service] = await t.ok('eligibility.saveService', FOOD_BANK);
  return service!;
}

async function withDocument(t: TestCore, clientId: number, words: string) {
  const path = join(tempDir('casebook-scans-'), `${words}.pdf`);
  writeFileSync(path, scannedPdf(words));
  return (await t.ok('documents.add', { clientId, path, kind: 'proofOfAddress', title: words })).document;
}

const answers = (criteria: { id: number }[], met = true, documentId?: number) =>
  criteria.map((c, i) => ({ criterionId: c.id, met, ...(i === 0 && documentId ? { documentId } : {}) }));

describe('eligibility checks', () => {
  it('records a check against a service’s checklist, with evidence from the client’s own file, and knows which is current', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-03-01' });
    const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-03-01' });
    const service = await withFoodBank(t);
    expect(service).toMatchObject({ name: 'Food bank', namePl: 'Bank żywności', recheckMonths: 6, active: true });
    expect(service.criteria.map((c) => c.textPl)).toEqual([
      'Mieszka w dzielnicy',
      'Dochód gospodarstwa poniżej 1200 £ miesięcznie',
      null,
    ]);
    const tenancy = await withDocument(t, ewa.id, 'Tenancy agreement');
    const his = await withDocument(t, jan.id, 'His tenancy');
    const check = {
      clientId: ewa.id,
      serviceId: service.id,
      checkedOn: '2026-11-20',
      answers: answers(service.criteria, true, tenancy.id),
      decision: 'eligible' as const,
      recheckOn: '2027-05-20',
    };
    // Every criterion answered, no more and no fewer; evidence from her file only; a re-check after the check.
    expect((await t.fail('eligibility.record', { ...check, answers: check.answers.slice(1) })).fields).toEqual({
      answers: 'answersMismatch',
    });
    expect(
      (await t.fail('eligibility.record', { ...check, answers: answers(service.criteria, true, his.id) })).fields,
    ).toEqual({ answers: 'documentNotThisClient' });
    expect((await t.fail('eligibility.record', { ...check, recheckOn: '2026-11-20' })).fields).toEqual({
      recheckOn: 'recheckBeforeCheck',
    });
    expect((await t.fail('eligibility.record', { ...check, checkedOn: '2026-12-01' })).fields).toEqual({
      checkedOn: 'dateInFuture',
    });
    const [recorded] = await t.ok('eligibility.record', check);
    expect(recorded).toMatchObject({
      serviceName: 'Food bank',
      decision: 'eligible',
      decidedByName: 'Anna Kowalska',
      recheckOn: '2027-05-20',
      current: true,
    });
    expect(recorded!.answers[0]).toEqual({
      text: 'Lives in the borough',
      textPl: 'Mieszka w dzielnicy',
      met: true,
      documentId: tenancy.id,
      documentTitle: 'Tenancy agreement',
      evidence: null,
    });
    expect((await t.ok('audit.list', { action: 'eligibility.checked' })).items[0]!.detail).toEqual({
      checkId: recorded!.id,
      serviceId: service.id,
      decision: 'eligible',
    });

    // A document filed as going with the check names the service.
    const path = join(tempDir('casebook-scans-'), 'payslip.pdf');
    writeFileSync(path, scannedPdf('Payslip October'));
    const payslip = await t.ok('documents.add', {
      clientId: ewa.id,
      path,
      kind: 'incomeBenefit',
      title: 'Payslip',
      link: { kind: 'eligibilityCheck', id: recorded!.id },
    });
    expect(payslip.document.link).toEqual({
      kind: 'eligibilityCheck',
      id: recorded!.id,
      label: 'Food bank',
      labelPl: 'Bank żywności',
      on: '2026-11-20',
    });
    expect(
      (
        await t.fail('documents.add', {
          clientId: jan.id,
          path,
          kind: 'incomeBenefit',
          title: 'Payslip',
          link: { kind: 'eligibilityCheck', id: recorded!.id },
        })
      ).fields,
    ).toEqual({ link: 'invalid' });

    // A later check is the current one; the evidence going leaves the answer with no document.
    const later = await t.ok('eligibility.record', {
      ...check,
      checkedOn: '2026-11-23',
      answers: answers(service.criteria, false),
      decision: 'notEligible',
      recheckOn: null,
      note: 'Moved out of the borough.',
    });
    expect(later.map((c) => [c.checkedOn, c.decision, c.current])).toEqual([
      ['2026-11-23', 'notEligible', true],
      ['2026-11-20', 'eligible', false],
    ]);
    await t.ok('documents.remove', { id: tenancy.id, version: tenancy.version });
    const after = await t.ok('eligibility.forClient', { clientId: ewa.id });
    expect(after[1]!.answers[0]).toMatchObject({ documentId: null, documentTitle: null, met: true });
  });

  it('keeps the words a check was asked in when the checklist is reworded, and refuses a retired service', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-03-01' });
    const service = await withFoodBank(t);
    await t.ok('eligibility.record', {
      clientId: ewa.id,
      serviceId: service.id,
      checkedOn: '2026-11-20',
      answers: answers(service.criteria),
      decision: 'eligible',
    });
    const [a, b] = service.criteria;
    const [changed] = await t.ok('eligibility.saveService', {
      ...FOOD_BANK,
      id: service.id,
      version: service.version,
      criteria: [
        { id: a!.id, text: 'Lives in the borough or next to it', textPl: 'Mieszka w dzielnicy lub obok' },
        { id: b!.id, text: b!.text, textPl: b!.textPl },
        { text: 'Not already helped this month', textPl: 'Nie otrzymał pomocy w tym miesiącu' },
      ],
    });
    expect(changed!.criteria.map((c) => c.text)).toEqual([
      'Lives in the borough or next to it',
      'Household income below £1,200 a month',
      'Not already helped this month',
    ]);
    expect(
      (await t.fail('eligibility.saveService', { ...FOOD_BANK, id: service.id, version: service.version })).code,
    ).toBe('CONFLICT');
    expect((await t.fail('eligibility.saveService', { ...FOOD_BANK, criteria: [] })).fields).toEqual({
      criteria: 'criteriaRequired',
    });
    const [old] = await t.ok('eligibility.forClient', { clientId: ewa.id });
    expect(old!.answers.map((x) => x.text)).toEqual([
      'Lives in the borough',
      'Household income below £1,200 a month',
      'Aged 18 or over',
    ]);
    // The old checklist's answers no longer fit.
    expect(
      (
        await t.fail('eligibility.record', {
          clientId: ewa.id,
          serviceId: service.id,
          checkedOn: '2026-11-23',
          answers: answers(service.criteria),
          decision: 'eligible',
        })
      ).fields,
    ).toEqual({ answers: 'answersMismatch' });
    await t.ok('eligibility.setServiceActive', { id: service.id, active: false });
    expect(await t.ok('eligibility.services', {})).toEqual([]);
    expect(
      (
        await t.fail('eligibility.record', {
          clientId: ewa.id,
          serviceId: service.id,
          checkedOn: '2026-11-23',
          answers: answers(changed!.criteria),
          decision: 'eligible',
        })
      ).fields,
    ).toEqual({ serviceId: 'serviceRetired' });
  });

  it('lists checks due again for the clients within reach, until a new check is recorded', async () => {
    const t = startCore();
    await setUp(t);
    const service = await withFoodBank(t);
    await t.ok('settings.setOwnClientsOnly', { ownClientsOnly: true });
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-03-01' });
    const check = {
      clientId: ewa.id,
      serviceId: service.id,
      checkedOn: '2026-11-20',
      answers: answers(service.criteria),
      decision: 'eligible' as const,
      recheckOn: '2026-12-01',
    };
    await t.ok('eligibility.record', check);
    expect(await t.ok('eligibility.rechecksDue', {})).toEqual([]);
    t.clock.now += 8 * 86_400_000;
    const due = await t.ok('eligibility.rechecksDue', {});
    expect(due.map((d) => [d.reference, d.serviceName, d.recheckOn])).toEqual([
      [ewa.reference, 'Food bank', '2026-12-01'],
    ]);
    expect((await t.ok('eligibility.forClient', { clientId: ewa.id }))[0]!.current).toBe(false);
    // A caseworker kept to their own clients does not see hers.
    await signInAsNewUser(t, 'Carl Caseworker', 'caseworker');
    expect(await t.ok('eligibility.rechecksDue', {})).toEqual([]);
    expect((await t.fail('eligibility.forClient', { clientId: ewa.id })).code).toBe('NOT_YOUR_CLIENT');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Anna Kowalska', password: 'correct horse battery' });
    await t.ok('eligibility.record', { ...check, checkedOn: '2026-12-01', recheckOn: '2027-06-01' });
    expect(await t.ok('eligibility.rechecksDue', {})).toEqual([]);
  });

  it('are counted in the funder report by service, each person once by their latest decision, small groups hidden', async () => {
    const t = startCore();
    await setUp(t);
    const service = await withFoodBank(t);
    const record = async (clientId: number, checkedOn: string, decision: 'eligible' | 'notEligible') =>
      t.ok('eligibility.record', {
        clientId,
        serviceId: service.id,
        checkedOn,
        answers: answers(service.criteria, decision === 'eligible'),
        decision,
      });
    for (let i = 0; i < 6; i++) {
      const c = await addNewPerson(t, { firstName: `Person${i}`, lastName: 'Check', intakeDate: '2026-03-01' });
      // One was not eligible in October, then was in November: counted once, as eligible.
      if (i === 0) await record(c.id, '2026-10-01', 'notEligible');
      await record(c.id, '2026-11-02', i < 5 ? 'eligible' : 'notEligible');
    }
    const report = await t.ok('reports.funder', { from: '2026-11-01', to: '2026-11-30' });
    expect(report.eligibility).toEqual([
      { serviceId: service.id, serviceName: 'Food bank', serviceNamePl: 'Bank żywności', eligible: 5, notEligible: 1 },
    ]);
    const october = await t.ok('reports.funder', { from: '2026-10-01', to: '2026-10-31' });
    expect(october.eligibility.map((e) => [e.eligible, e.notEligible])).toEqual([[0, 1]]);
    const { reportTables } = await import('../../shared/domain/reportTables');
    const { createTranslator } = await import('../../shared/i18n');
    const table = reportTables(report, createTranslator('pl').t, 'pl').find((x) => x.key === 'eligibility')!;
    expect(table.rows).toEqual([['Bank żywności', 5, { suppressed: true }]]);
  });

  it('is required, when a programme or an agency says so, to register someone or send a referral', async () => {
    const t = startCore();
    await setUp(t);
    const service = await withFoodBank(t);
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-03-01' });
    expect(
      (
        await t.fail('programmes.save', {
          programme: { name: 'Food bank Tuesdays', kind: 'dropIn', startsOn: '2026-11-01', requiresServiceId: 999 },
        })
      ).fields,
    ).toEqual({ 'programme.requiresServiceId': 'invalid' });
    const programme = (
      await t.ok('programmes.save', {
        programme: {
          name: 'Food bank Tuesdays',
          kind: 'dropIn',
          startsOn: '2026-11-01',
          requiresServiceId: service.id,
        },
      })
    ).programme;
    expect(programme.requiresServiceId).toBe(service.id);
    const register = () =>
      t.call('programmes.register', {
        programmeId: programme.id,
        clientId: ewa.id,
        registeredOn: '2026-11-23',
        overCapacity: false,
      });
    const refusal = async () => {
      const r = await register();
      return r.ok ? 'registered' : `${r.error.code} ${r.error.reason}`;
    };
    const check = (checkedOn: string, decision: 'eligible' | 'notEligible', recheckOn: string | null = null) =>
      t.ok('eligibility.record', {
        clientId: ewa.id,
        serviceId: service.id,
        checkedOn,
        answers: answers(service.criteria, decision === 'eligible'),
        decision,
        recheckOn,
      });
    expect(await refusal()).toBe('ELIGIBILITY_REQUIRED none');
    await check('2026-11-01', 'notEligible');
    expect(await refusal()).toBe('ELIGIBILITY_REQUIRED notEligible');
    await check('2026-11-02', 'eligible', '2026-11-20');
    expect(await refusal()).toBe('ELIGIBILITY_REQUIRED due');
    await check('2026-11-23', 'eligible', '2027-05-23');
    expect(await refusal()).toBe('registered');

    // An agency that takes referrals only for those eligible: consent is not enough.
    const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-03-01' });
    await t.ok('consent.record', {
      clientId: jan.id,
      consent: { storeData: true, shareScope: 'any', givenOn: '2026-11-01', method: 'written' },
    });
    const agency = await t.ok('agencies.save', {
      agency: { name: 'Trussell food bank', requiresServiceId: service.id },
    });
    expect(agency.requiresServiceId).toBe(service.id);
    const [referral] = await t.ok('referrals.create', {
      clientId: jan.id,
      referral: { agencyId: agency.id, reason: 'Food for the family', urgency: 'soon' },
    });
    const sent = await t.call('referrals.setStatus', {
      id: referral!.id,
      version: referral!.version,
      status: 'sent',
      on: '2026-11-23',
      followUpOn: '2026-12-07',
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'ELIGIBILITY_REQUIRED', reason: 'none' } });
  });

  it('goes with the client when they are erased', async () => {
    const t = startCore();
    await setUp(t);
    const service = await withFoodBank(t);
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-03-01' });
    await t.ok('eligibility.record', {
      clientId: ewa.id,
      serviceId: service.id,
      checkedOn: '2026-11-20',
      answers: answers(service.criteria).map((a) => ({ ...a, evidence: 'Council tax bill seen, Kowalczyk' })),
      decision: 'eligible',
    });
    await t.ok('erasure.eraseClient', { id: ewa.id, mode: 'erase', reason: 'Asked', confirmation: ewa.reference });
    const left = t.cb.read((db) => ({
      checks: db.$client.prepare('SELECT count(*) FROM eligibility_checks').pluck().get(),
      answers: db.$client.prepare('SELECT count(*) FROM eligibility_answers').pluck().get(),
    }));
    expect(left).toEqual({ checks: 0, answers: 0 });
  });
});

describe('migrations 22 and 23', () => {
  it('keep a check’s answers with its client, and let a programme or an agency name the service it requires', async () => {
    const { MIGRATIONS } = await import('../../electron/core/db/migrations');
    const { closeDatabase, openDatabase } = await import('../../electron/core/db/database');
    const { randomBytes } = await import('node:crypto');
    const path = join(tempDir('casebook-migration-'), 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 21) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 23) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(23);
    x.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Ewa', 'K', 'k ewa', 'x', 'x')`,
    );
    x.exec(`INSERT INTO eligibility_services (id, name, created_at, updated_at) VALUES (1, 'Food bank', 'x', 'x')`);
    x.exec(
      `INSERT INTO eligibility_criteria (id, service_id, position, text) VALUES (1, 1, 0, 'Lives in the borough')`,
    );
    x.exec(
      `INSERT INTO eligibility_checks (id, client_id, service_id, checked_on, decision, created_at) VALUES (1, 1, 1, '2026-11-20', 'eligible', 'x')`,
    );
    x.exec(
      `INSERT INTO eligibility_answers (check_id, position, criterion_id, text, met) VALUES (1, 0, 1, 'Lives in the borough', 1)`,
    );
    expect(() =>
      x.exec(
        `INSERT INTO eligibility_checks (client_id, service_id, checked_on, decision, created_at) VALUES (1, 1, '2026-11-20', 'maybe', 'x')`,
      ),
    ).toThrow(/CHECK/);
    expect(() => x.exec(`UPDATE eligibility_services SET recheck_months = 61`)).toThrow(/CHECK/);
    expect(() => x.exec(`UPDATE programmes SET requires_service_id = 1`)).not.toThrow();
    expect(() => x.exec(`UPDATE agencies SET requires_service_id = 1`)).not.toThrow();
    x.exec(`DELETE FROM clients WHERE id = 1`);
    expect(x.prepare(`SELECT count(*) FROM eligibility_answers`).pluck().get()).toBe(0);
    // The service and its criteria stay: they are the charity's, not the client's.
    expect(x.prepare(`SELECT count(*) FROM eligibility_criteria`).pluck().get()).toBe(1);
    closeDatabase(db);
  });
});
