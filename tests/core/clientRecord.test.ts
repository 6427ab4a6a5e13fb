import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { birthDateRelation, nameSimilarity } from '../../electron/core/clients/duplicates';
import { ADMIN, addNewPerson, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

const CONSENT: ChannelInput<'consent.record'>['consent'] = {
  storeData: true,
  shareScope: 'named',
  shareAgencies: ['Leeds Housing Options', 'StepChange Debt Charity'],
  contactPhone: true,
  contactLetter: true,
  givenOn: '2026-11-20',
  method: 'written',
};

type Details = ChannelInput<'clients.intake'>['details'];

/** Everything about one client, counted table by table. */
function countsFor(t: TestCore, clientId: number): Record<string, number> {
  return t.cb.read((db) => {
    const out: Record<string, number> = {};
    for (const table of [
      'consents',
      'household_members',
      'key_contacts',
      'risk_flags',
      'assessments',
      'client_status_changes',
    ]) {
      out[table] = db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table} WHERE client_id = ${clientId}`)).n;
    }
    return out;
  });
}

describe('intake', () => {
  it('saves the person, their consent and an open case in one go, and logs it', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', {
      details: {
        firstName: 'Zofia',
        lastName: 'Wiśniewska-Łęcka',
        preferredName: 'Zosia',
        estimatedBirthYear: 1990,
        gender: 'Woman',
        pronouns: 'she/her',
        email: 'zofia@example.org',
        phone: '07700 900123',
        postcode: 'LS6 2AB',
        preferredLanguage: 'pl',
        interpreterNeeded: true,
        referralSource: 'agency',
        referredBy: 'Leeds Housing Options',
        intakeDate: '2026-11-20',
      },
      consent: CONSENT,
    });
    expect(c).toMatchObject({
      reference: 'CB-00001',
      status: 'open',
      statusSince: '2026-11-20',
      estimatedBirthYear: 1990,
      interpreterNeeded: true,
      caseworkerId: null,
    });
    const record = await t.ok('clients.get', { id: c.id });
    expect(record.consents).toHaveLength(1);
    expect(record.consents[0]).toMatchObject({
      state: 'active',
      shareScope: 'named',
      shareAgencies: CONSENT.shareAgencies,
      recordedByName: ADMIN.name,
      contactText: false,
    });
    expect(record.statusHistory).toEqual([expect.objectContaining({ status: 'open', on: '2026-11-20' })]);
    const audit = await t.ok('audit.list', { client: c.reference });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['client.created', 'consent.recorded', 'client.viewed']),
    );
  });

  it('a date of birth wins over an estimate, and "prefer not to say" clears gender text', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', {
      details: {
        firstName: 'Jan',
        lastName: 'Nowak',
        dateOfBirth: '1980-05-05',
        estimatedBirthYear: 1970,
        gender: 'Man',
        genderWithheld: true,
      },
    });
    expect(c).toMatchObject({
      dateOfBirth: '1980-05-05',
      estimatedBirthYear: null,
      gender: null,
      genderWithheld: true,
    });
  });

  it('refuses bad input field by field, and saves nothing', async () => {
    const t = await ready();
    const cases: [Partial<Details>, Record<string, string>][] = [
      [{ dateOfBirth: '2999-01-01' }, { 'details.dateOfBirth': 'dateInFuture' }],
      [{ dateOfBirth: '31/12/1980' }, { 'details.dateOfBirth': 'invalidDate' }],
      [{ email: 'zofia at example' }, { 'details.email': 'invalidEmail' }],
      [{ estimatedBirthYear: 1700 }, { 'details.estimatedBirthYear': 'ageRange' }],
      [{ intakeDate: '2999-01-01' }, { 'details.intakeDate': 'dateInFuture' }],
      [{ preferredName: 'z'.repeat(101) }, { 'details.preferredName': 'tooLong' }],
      [{ referredBy: 'r'.repeat(5000) }, { 'details.referredBy': 'tooLong' }],
      [{ caseworkerId: 99 }, { 'details.caseworkerId': 'unknownCaseworker' }],
    ];
    for (const [extra, fields] of cases) {
      const err = await t.fail('clients.intake', {
        details: { firstName: 'Jan', lastName: 'Nowak', ...extra } as Details,
      });
      expect(err.code, JSON.stringify(extra)).toBe('BAD_INPUT');
      expect(err.fields).toEqual(fields);
    }
    const consentCases: [object, Record<string, string>][] = [
      [{ shareScope: 'named', shareAgencies: [] }, { 'consent.shareAgencies': 'agenciesRequired' }],
      [{ givenOn: '2999-01-01' }, { 'consent.givenOn': 'dateInFuture' }],
      [{ expiresOn: '2026-11-01' }, { 'consent.expiresOn': 'expiryBeforeGiven' }],
      [{ method: undefined }, { 'consent.method': 'required' }],
    ];
    for (const [extra, fields] of consentCases) {
      const err = await t.fail('clients.intake', {
        details: { firstName: 'Jan', lastName: 'Nowak' },
        consent: { ...CONSENT, ...extra } as never,
      });
      expect(err.fields, JSON.stringify(extra)).toEqual(fields);
    }
    expect((await t.ok('clients.search', {})).total).toBe(0);
  });
});

describe('consent', () => {
  it('is withdrawn with a date and kept; a newer record replaces it; expiry is worked out each day', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', {
      details: { firstName: 'Jan', lastName: 'Nowak' },
      consent: { ...CONSENT, expiresOn: '2027-11-20' },
    });
    const [consent] = (await t.ok('clients.get', { id: c.id })).consents;
    expect((await t.fail('consent.withdraw', { consentId: consent!.id, on: '2026-11-01' })).fields).toEqual({
      on: 'expiryBeforeGiven',
    });

    const after = await t.ok('consent.withdraw', {
      consentId: consent!.id,
      on: '2026-11-22',
      note: 'Asked us not to share anything',
    });
    expect(after.consents[0]).toMatchObject({
      state: 'withdrawn',
      withdrawnOn: '2026-11-22',
      withdrawalNote: 'Asked us not to share anything',
      withdrawnByName: ADMIN.name,
    });
    expect((await t.fail('consent.withdraw', { consentId: consent!.id, on: '2026-11-23' })).code).toBe('CONFLICT');
    const audit = await t.ok('audit.list', { action: 'consent.withdrawn' });
    expect(audit.items).toHaveLength(1);

    const renewed = await t.ok('consent.record', {
      clientId: c.id,
      consent: { ...CONSENT, shareScope: 'none', givenOn: '2026-11-23' },
    });
    expect(renewed.consents.map((x) => x.state)).toEqual(['active', 'withdrawn']);
    expect(renewed.consents[0]!.shareAgencies).toEqual([]);

    // Whether consent has ended is worked out from today's date, not stored.
    const ended = await t.ok('clients.intake', {
      details: { firstName: 'Ewa', lastName: 'Lis' },
      consent: { ...CONSENT, givenOn: '2026-01-01', expiresOn: '2026-06-30' },
    });
    expect((await t.ok('clients.get', { id: ended.id })).consents[0]!.state).toBe('expired');
  });
});

describe('duplicates', () => {
  it('compares names accent-, typo- and order-aware, and dates of birth for typing slips', () => {
    expect(nameSimilarity('Łęcka', 'Lecka')).toBe(1);
    expect(nameSimilarity('Wiśniewska', 'Wiśniewska-Łęcka')).toBe(1);
    expect(nameSimilarity('Jon', 'John')).toBeCloseTo(0.75);
    expect(nameSimilarity('Tom', 'Tim')).toBeLessThan(0.7);
    expect(birthDateRelation('1980-02-03', '1980-03-02')).toBe('similar');
    expect(birthDateRelation('1980-02-03', '1981-02-03')).toBe('similar');
    expect(birthDateRelation('1980-02-03', '1991-07-15')).toBe('different');
    expect(birthDateRelation(null, '1991-07-15')).toBe('unknown');
  });

  it('finds the planted near-duplicates and no one else', async () => {
    const t = await ready();
    const existing: Details[] = [
      { firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1980-02-03', phone: '07700 900111' },
      { firstName: 'Łucja', lastName: 'Wiśniewska', dateOfBirth: '1975-09-30' },
      { firstName: 'John', lastName: 'Smith', dateOfBirth: '1990-01-01' },
      { firstName: 'Tom', lastName: 'Smith', dateOfBirth: '2001-05-05' },
      { firstName: 'Jan', lastName: 'Kowalski', dateOfBirth: '1978-11-11' },
      { firstName: 'Adam', lastName: 'Nowak', dateOfBirth: '1985-06-06' },
      { firstName: 'Grace', lastName: 'Okafor' },
    ];
    const ids: Record<string, number> = {};
    for (const d of existing) ids[`${d.firstName} ${d.lastName}`] = (await addNewPerson(t, d)).id;

    const find = async (q: ChannelInput<'clients.findDuplicates'>) =>
      (await t.ok('clients.findDuplicates', q)).map((m) => m.client.id);
    // Planted near-duplicates: each must be found.
    const planted: [ChannelInput<'clients.findDuplicates'>, string][] = [
      [{ firstName: 'Ana', lastName: 'Kowalska', dateOfBirth: '1980-02-03' }, 'Anna Kowalska'], // typo
      [{ firstName: 'Kowalska', lastName: 'Anna', dateOfBirth: '1980-02-03' }, 'Anna Kowalska'], // swapped
      [{ firstName: 'Anna', lastName: 'Kowalska' }, 'Anna Kowalska'], // no date of birth
      [{ firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1980-03-02' }, 'Anna Kowalska'], // day and month swapped
      [{ firstName: 'Anna', lastName: 'Kowalska-Nowak', dateOfBirth: '1980-02-03' }, 'Anna Kowalska'], // double-barrelled later
      [{ firstName: 'Anna', lastName: 'Zielińska', dateOfBirth: '1980-02-03' }, 'Anna Kowalska'], // married: same first name and birth date
      [{ firstName: 'Anna', lastName: 'Brown', phone: '+44 7700 900111' }, 'Anna Kowalska'], // same phone, same first name
      [{ firstName: 'Lucja', lastName: 'Wisniewska' }, 'Łucja Wiśniewska'], // typed without Polish letters
      [{ firstName: 'Jon', lastName: 'Smith', dateOfBirth: '1990-01-01' }, 'John Smith'],
    ];
    for (const [q, who] of planted)
      expect(await find(q), `${JSON.stringify(q)} should find ${who}`).toContain(ids[who]);

    // Distinct people: no match.
    const distinct: ChannelInput<'clients.findDuplicates'>[] = [
      { firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1991-07-15' }, // same name, clearly another birth date
      { firstName: 'Tim', lastName: 'Smith', dateOfBirth: '2001-05-05' }, // Tom's twin
      { firstName: 'Jan', lastName: 'Kowalski', dateOfBirth: '1980-02-03' }, // Anna's husband, same birthday
      { firstName: 'Adam', lastName: 'Nowicki', dateOfBirth: '1986-07-08' },
      { firstName: 'Grace', lastName: 'Oduya' },
      { firstName: 'Maria', lastName: 'Garcia' },
    ];
    for (const q of distinct) expect(await find(q), JSON.stringify(q)).toEqual([]);
  });

  it('refuses an intake while a likely duplicate has not been looked at, then records the override', async () => {
    const t = await ready();
    const anna = await t.ok('clients.intake', {
      details: { firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1980-02-03' },
    });
    const again = { firstName: 'Ana', lastName: 'Kowalska', dateOfBirth: '1980-02-03' };
    const [match] = await t.ok('clients.findDuplicates', again);
    expect(match).toMatchObject({
      client: { id: anna.id, reference: 'CB-00001' },
      likely: true,
      reasons: ['similarName', 'sameDateOfBirth'],
    });
    expect((await t.fail('clients.intake', { details: again })).code).toBe('POSSIBLE_DUPLICATE');
    expect((await t.ok('clients.search', {})).total).toBe(1);

    const second = await t.ok('clients.intake', { details: again, duplicatesSeen: [anna.id] });
    const audit = await t.ok('audit.list', { action: 'client.duplicateOverridden' });
    expect(audit.items[0]).toMatchObject({ clientId: second.id, detail: { similarTo: ['CB-00001'] } });
  });
});

describe('merging two records', () => {
  async function person(t: TestCore, details: Details) {
    const c = await addNewPerson(t, details);
    await t.ok('consent.record', { clientId: c.id, consent: CONSENT });
    await t.ok('household.save', {
      clientId: c.id,
      member: { name: `${details.firstName}'s son`, relationship: 'child', dateOfBirth: '2015-01-01' },
    });
    await t.ok('household.saveContact', {
      clientId: c.id,
      contact: { role: 'gp', name: 'Dr Patel', organisation: 'Hyde Park Surgery' },
    });
    await t.ok('riskFlags.raise', { clientId: c.id, kind: 'loneWorking', raisedOn: '2026-11-20' });
    const areas = await t.ok('needAreas.list', {});
    await t.ok('assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: '2026-11-21', scores: [{ areaId: areas[0]!.id, score: 3 }] },
    });
    return c;
  }

  it('moves every related row, fills blanks, keeps the old reference findable, and logs it', async () => {
    const t = await ready();
    const keep = await person(t, { firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1980-02-03' });
    const merge = await person(t, {
      firstName: 'Ana',
      lastName: 'Kowalska',
      dateOfBirth: '1980-02-03',
      phone: '07700 900111',
      email: 'anna@example.org',
    });
    await t.ok('clients.setStatus', {
      id: merge.id,
      version: merge.version,
      change: { status: 'onHold', on: '2026-11-22' },
    });
    // A table added by a later feature, referencing clients: the merge must move it without knowing it.
    t.cb.write((db) => {
      db.run(
        sql`CREATE TABLE later_notes (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE, body TEXT)`,
      );
      db.run(
        sql`INSERT INTO later_notes (client_id, body) VALUES (${merge.id}, 'first'), (${merge.id}, 'second'), (${keep.id}, 'kept')`,
      );
    });
    const before = { keep: countsFor(t, keep.id), merge: countsFor(t, merge.id) };
    expect(before.merge).toEqual({
      consents: 1,
      household_members: 1,
      key_contacts: 1,
      risk_flags: 1,
      assessments: 1,
      client_status_changes: 2,
    });

    const result = await t.ok('clients.merge', { keepId: keep.id, mergeId: merge.id });
    const after = countsFor(t, keep.id);
    for (const table of Object.keys(after))
      expect(after[table], table).toBe(before.keep[table]! + before.merge[table]!);
    expect(countsFor(t, merge.id)).toEqual({
      consents: 0,
      household_members: 0,
      key_contacts: 0,
      risk_flags: 0,
      assessments: 0,
      client_status_changes: 0,
    });
    expect(
      t.cb
        .read((db) => db.all<{ client_id: number }>(sql`SELECT client_id FROM later_notes`))
        .every((r) => r.client_id === keep.id),
    ).toBe(true);
    expect(result.moved).toMatchObject({
      consents: 1,
      household_members: 1,
      key_contacts: 1,
      risk_flags: 1,
      assessments: 1,
      client_status_changes: 2,
      later_notes: 2,
    });
    expect(result.filled).toEqual(expect.arrayContaining(['phone', 'email']));
    expect(result.client).toMatchObject({
      id: keep.id,
      phone: '07700 900111',
      email: 'anna@example.org',
      firstName: 'Anna',
    });

    expect((await t.fail('clients.get', { id: merge.id })).code).toBe('NOT_FOUND');
    const byOldRef = await t.ok('clients.search', { query: merge.reference });
    expect(byOldRef.items.map((c) => c.id)).toEqual([keep.id]);
    expect((await t.ok('clients.get', { id: keep.id })).formerReferences).toEqual([merge.reference]);
    const audit = await t.ok('audit.list', { action: 'client.merged' });
    expect(audit.items[0]).toMatchObject({ clientId: keep.id, detail: { from: merge.reference } });

    expect((await t.fail('clients.merge', { keepId: keep.id, mergeId: keep.id })).fields).toEqual({
      mergeId: 'sameClient',
    });
    expect((await t.fail('clients.merge', { keepId: keep.id, mergeId: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('risk flags, status and the list', () => {
  it('shows active flags in the list, filters by them, and keeps removed ones in the history', async () => {
    const t = await ready();
    const a = await t.ok('clients.intake', { details: { firstName: 'Ewa', lastName: 'Łęcka', postcode: 'LS6 2AB' } });
    await t.ok('clients.intake', { details: { firstName: 'Tom', lastName: 'Brown', postcode: 'M1 1AA' } });
    const raised = await t.ok('riskFlags.raise', {
      clientId: a.id,
      kind: 'domesticAbuse',
      note: 'Do not call before 6pm',
      raisedOn: '2026-11-20',
    });
    await t.ok('riskFlags.raise', { clientId: a.id, kind: 'loneWorking', raisedOn: '2026-11-21' });
    expect(raised.riskFlags.map((f) => f.kind)).toEqual(['domesticAbuse']);
    expect(
      (await t.fail('riskFlags.raise', { clientId: a.id, kind: 'loneWorking', raisedOn: '2999-01-01' })).fields,
    ).toEqual({ raisedOn: 'dateInFuture' });

    const list = await t.ok('clients.search', { riskFlag: 'any' });
    expect(list.items).toEqual([expect.objectContaining({ id: a.id, riskFlags: ['domesticAbuse', 'loneWorking'] })]);
    expect((await t.ok('clients.search', { riskFlag: 'selfHarm' })).total).toBe(0);

    const flagId = raised.riskFlags[0]!.id;
    const removed = await t.ok('riskFlags.remove', { id: flagId, on: '2026-11-23', note: 'Moved to a refuge' });
    expect(removed.riskFlags.map((f) => [f.kind, f.removedOn])).toEqual([
      ['loneWorking', null],
      ['domesticAbuse', '2026-11-23'],
    ]);
    expect((await t.fail('riskFlags.remove', { id: flagId, on: '2026-11-23' })).code).toBe('CONFLICT');
    expect((await t.ok('clients.search', { riskFlag: 'domesticAbuse' })).total).toBe(0);
  });

  it('closes a case with a reason, filters by status, and reopens it with the history kept', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', {
      details: { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-01-10' },
    });
    const noReason = await t.fail('clients.setStatus', {
      id: c.id,
      version: c.version,
      change: { status: 'closed', on: '2026-11-20' },
    });
    expect(noReason.fields).toEqual({ 'change.reason': 'closureReasonRequired' });
    const closed = await t.ok('clients.setStatus', {
      id: c.id,
      version: c.version,
      change: { status: 'closed', on: '2026-11-20', reason: 'movedAway', note: 'To Bristol' },
    });
    expect(closed.client).toMatchObject({ status: 'closed', statusSince: '2026-11-20', closureReason: 'movedAway' });
    expect(
      (
        await t.fail('clients.setStatus', {
          id: c.id,
          version: c.version,
          change: { status: 'open', on: '2026-11-21' },
        })
      ).code,
    ).toBe('CONFLICT');
    expect((await t.ok('clients.search', { status: 'closed' })).total).toBe(1);
    expect((await t.ok('clients.search', { status: 'open' })).total).toBe(0);

    const reopened = await t.ok('clients.setStatus', {
      id: c.id,
      version: closed.client.version,
      change: { status: 'open', on: '2026-11-23', reason: 'died' },
    });
    expect(reopened.client).toMatchObject({ status: 'open', closureReason: null });
    expect(reopened.statusHistory.map((h) => [h.status, h.on, h.reason])).toEqual([
      ['open', '2026-11-23', null],
      ['closed', '2026-11-20', 'movedAway'],
      ['open', '2026-01-10', null],
    ]);
  });

  it('searches names without accents, partial postcodes and preferred names; sorts and filters by caseworker', async () => {
    const t = await ready();
    const cw = await t.ok('users.create', {
      name: 'Maria Caseworker',
      role: 'caseworker',
      password: 'temporary pass 1',
    });
    await t.ok('clients.intake', {
      details: {
        firstName: 'Ewa',
        lastName: 'Łęcka',
        postcode: 'LS6 2AB',
        dateOfBirth: '1990-01-01',
        caseworkerId: cw.id,
      },
    });
    await t.ok('clients.intake', {
      details: {
        firstName: 'Katarzyna',
        lastName: 'Zając',
        preferredName: 'Kasia',
        postcode: 'LS1 4AB',
        dateOfBirth: '1970-01-01',
      },
    });
    await t.ok('clients.intake', {
      details: { firstName: 'Adam', lastName: 'Brown', postcode: 'M1 1AA', dateOfBirth: '1980-01-01' },
    });
    const names = async (q: ChannelInput<'clients.search'>) =>
      (await t.ok('clients.search', q)).items.map((c) => c.lastName);
    expect(await names({ query: 'lecka' })).toEqual(['Łęcka']);
    expect(await names({ query: 'ls6' })).toEqual(['Łęcka']);
    expect(await names({ query: 'LS' })).toEqual(['Łęcka', 'Zając']);
    expect(await names({ query: 'kasia' })).toEqual(['Zając']);
    // One letter alone is a surname initial, as in a phone book; a postcode start may have its space.
    expect(await names({ query: 'z' })).toEqual(['Zając']);
    expect(await names({ query: 'ł' })).toEqual(['Łęcka']);
    expect(await names({ query: 'ls6 2' })).toEqual(['Łęcka']);
    expect(await names({ query: 'ewa l' })).toEqual(['Łęcka']);
    expect(await names({ query: 'l ewa' })).toEqual(['Łęcka']);
    expect(await names({})).toEqual(['Brown', 'Łęcka', 'Zając']);
    expect(await names({ sort: 'dateOfBirth' })).toEqual(['Zając', 'Brown', 'Łęcka']);
    expect(await names({ sort: 'reference', descending: true })).toEqual(['Brown', 'Zając', 'Łęcka']);
    expect(await names({ caseworkerId: cw.id })).toEqual(['Łęcka']);
    expect((await t.ok('clients.search', { caseworkerId: cw.id })).items[0]!.caseworkerName).toBe('Maria Caseworker');
    expect((await t.ok('clients.caseworkers', {})).map((u) => u.name)).toEqual([ADMIN.name, 'Maria Caseworker']);
  });
});

describe('household and key contacts', () => {
  it('adds, changes and removes, needing a name or an organisation for a contact', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', { details: { firstName: 'Jan', lastName: 'Nowak' } });
    const r1 = await t.ok('household.save', {
      clientId: c.id,
      member: { name: 'Ola Nowak', relationship: 'child', dateOfBirth: '2014-02-02' },
    });
    const ola = r1.household[0]!;
    expect(ola).toMatchObject({ livesWithClient: true, relationship: 'child', relationshipDetail: null });
    const r2 = await t.ok('household.save', {
      clientId: c.id,
      id: ola.id,
      member: { name: 'Ola Nowak', relationship: 'child', livesWithClient: false },
    });
    expect(r2.household[0]).toMatchObject({ livesWithClient: false, dateOfBirth: null });
    expect(
      (
        await t.fail('household.save', {
          clientId: c.id,
          member: { name: '', relationship: 'child', dateOfBirth: '2999-01-01' },
        })
      ).fields,
    ).toEqual({
      'member.name': 'required',
      'member.dateOfBirth': 'dateInFuture',
    });

    expect((await t.fail('household.saveContact', { clientId: c.id, contact: { role: 'gp' } })).fields).toEqual({
      'contact.name': 'nameOrOrganisationRequired',
    });
    const r3 = await t.ok('household.saveContact', {
      clientId: c.id,
      contact: { role: 'other', roleDetail: 'Debt adviser', organisation: 'StepChange', phone: '0800 138 1111' },
    });
    expect(r3.contacts[0]).toMatchObject({ role: 'other', roleDetail: 'Debt adviser', organisation: 'StepChange' });
    const r4 = await t.ok('household.removeContact', { id: r3.contacts[0]!.id });
    expect(r4.contacts).toEqual([]);
    expect((await t.fail('household.remove', { id: 999 })).code).toBe('NOT_FOUND');
    const audit = await t.ok('audit.list', { action: 'household.changed' });
    expect(audit.items).toHaveLength(2);
  });
});

describe('needs assessments', () => {
  it('scores areas 1 to 10, refuses bad scores, and guards against overwriting a newer edit', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', { details: { firstName: 'Jan', lastName: 'Nowak' } });
    const areas = await t.ok('needAreas.list', {});
    expect(areas).toHaveLength(9);
    const [housing, money] = areas;
    const bad = await t.fail('assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: '2026-11-23', scores: [{ areaId: housing!.id, score: 11 }] },
    });
    expect(bad.fields).toEqual({ 'assessment.scores.0.score': 'scoreRange' });
    expect(
      (await t.fail('assessments.save', { clientId: c.id, assessment: { assessedOn: '2026-11-23', scores: [] } }))
        .fields,
    ).toEqual({ 'assessment.scores': 'atLeastOneScore' });
    expect(
      (
        await t.fail('assessments.save', {
          clientId: c.id,
          assessment: { assessedOn: '2026-11-23', scores: [{ areaId: 999, score: 3 }] },
        })
      ).fields,
    ).toEqual({
      'assessment.scores.0.areaId': 'invalid',
    });

    const r = await t.ok('assessments.save', {
      clientId: c.id,
      assessment: {
        assessedOn: '2026-11-23',
        summary: 'Rent arrears, eviction notice',
        scores: [
          { areaId: money!.id, score: 2, notes: 'Arrears £1,200', strengths: 'Keeps every letter' },
          { areaId: housing!.id, score: 3 },
        ],
      },
    });
    const a = r.assessments[0]!;
    // Scores come back in the areas' order, whatever order they were sent in.
    expect(a.scores.map((s) => [s.areaId, s.score])).toEqual([
      [housing!.id, 3],
      [money!.id, 2],
    ]);
    const changed = await t.ok('assessments.save', {
      clientId: c.id,
      target: { id: a.id, version: a.version },
      assessment: { assessedOn: '2026-11-23', scores: [{ areaId: housing!.id, score: 4 }] },
    });
    expect(changed.assessments[0]!.scores).toEqual([{ areaId: housing!.id, score: 4, notes: null, strengths: null }]);
    expect(
      (
        await t.fail('assessments.save', {
          clientId: c.id,
          target: { id: a.id, version: a.version },
          assessment: { assessedOn: '2026-11-23', scores: [{ areaId: housing!.id, score: 5 }] },
        })
      ).code,
    ).toBe('CONFLICT');
  });

  it('administrators rename, add and retire areas; a retired area is not offered for new scores', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', { details: { firstName: 'Jan', lastName: 'Nowak' } });
    const areas = await t.ok('needAreas.list', {});
    const substance = areas.find((a) => a.builtinKey === 'substanceUse')!;
    await t.ok('assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: '2026-11-20', scores: [{ areaId: substance.id, score: 6 }] },
    });

    const renamed = await t.ok('needAreas.save', { id: substance.id, name: 'Alcohol and drugs' });
    expect(renamed.find((a) => a.id === substance.id)).toMatchObject({
      name: 'Alcohol and drugs',
      builtinKey: 'substanceUse',
    });
    const added = await t.ok('needAreas.save', { name: 'Immigration status' });
    expect(added.at(-1)).toMatchObject({ name: 'Immigration status', builtinKey: null, position: 10, retired: false });
    await t.ok('needAreas.save', { id: substance.id, name: 'Alcohol and drugs', retired: true });

    const refused = await t.fail('assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: '2026-11-23', scores: [{ areaId: substance.id, score: 7 }] },
    });
    expect(refused.fields).toEqual({ 'assessment.scores.0.areaId': 'areaRetired' });
    // The old assessment keeps its score in the retired area, and may still be corrected.
    const record = await t.ok('clients.get', { id: c.id });
    const old = record.assessments[0]!;
    expect(old.scores).toEqual([expect.objectContaining({ areaId: substance.id, score: 6 })]);
    await t.ok('assessments.save', {
      clientId: c.id,
      target: { id: old.id, version: old.version },
      assessment: { assessedOn: '2026-11-20', scores: [{ areaId: substance.id, score: 5 }] },
    });
  });

  it('a sensitive assessment is withheld from volunteers: they see that it exists, not what it says', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', { details: { firstName: 'Jan', lastName: 'Nowak' } });
    const [area] = await t.ok('needAreas.list', {});
    await t.ok('assessments.save', {
      clientId: c.id,
      assessment: {
        assessedOn: '2026-11-23',
        sensitive: true,
        summary: 'Disclosed abuse',
        scores: [{ areaId: area!.id, score: 1, notes: 'Details' }],
      },
    });
    await signInAsNewUser(t, 'Val Volunteer', 'volunteer');
    const seen = await t.ok('clients.get', { id: c.id });
    expect(seen.assessments).toEqual([
      expect.objectContaining({ sensitive: true, withheld: true, summary: null, scores: [] }),
    ]);
    expect(JSON.stringify(seen)).not.toContain('Disclosed abuse');
  });
});
