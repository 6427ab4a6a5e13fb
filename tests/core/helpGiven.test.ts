import { describe, expect, it } from 'vitest';
import { dayNumber, formatMoney, repeatedWithin } from '../../shared/domain/helpGiven';
import { addNewPerson, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

async function withClients(t: TestCore) {
  const zofia = await addNewPerson(t, {
    firstName: 'Zofia',
    lastName: 'Wiśniewska-Łęcka',
    dateOfBirth: '1984-05-17',
    intakeDate: '2026-10-01',
  });
  const adam = await addNewPerson(t, {
    firstName: 'Adam',
    lastName: 'Brown',
    dateOfBirth: '1990-01-02',
    intakeDate: '2026-10-01',
  });
  const types = await t.ok('helpTypes.list', {});
  const type = (key: string) => types.find((x) => x.builtinKey === key)!;
  return { zofia, adam, parcel: type('foodParcel'), voucher: type('voucher'), clothing: type('clothing') };
}

describe('the repeat rule', () => {
  it('looks at every window of that many days around the date, so help recorded late is caught too', () => {
    const r = (earlier: string[], date: string) => repeatedWithin(earlier, date, 3, 30, dayNumber);
    expect(r(['2026-11-01', '2026-11-08'], '2026-11-15')).toBeNull();
    expect(r(['2026-11-01', '2026-11-08', '2026-11-15'], '2026-11-22')).toEqual([
      '2026-11-01',
      '2026-11-08',
      '2026-11-15',
    ]);
    // 30 days means the date and the 29 before it: 23 October is outside a window ending 21 November.
    expect(r(['2026-11-10', '2026-11-20', '2026-11-22'], '2026-10-23')).toBeNull();
    expect(r(['2026-11-10', '2026-11-20', '2026-11-22'], '2026-10-24')).toEqual([
      '2026-11-10',
      '2026-11-20',
      '2026-11-22',
    ]);
    // Two on the same day count twice.
    expect(r(['2026-11-05', '2026-11-05', '2026-11-06'], '2026-11-06')).toEqual([
      '2026-11-05',
      '2026-11-05',
      '2026-11-06',
    ]);
    expect(formatMoney(1250, 'GBP', 'en')).toBe('£12.50');
    expect(formatMoney(1250, 'PLN', 'pl').replace(/\s/g, ' ')).toBe('12,50 zł');
  });
});

describe('help given', () => {
  it('warns the fourth food parcel in 30 days, records it only with a reason, and keeps the reason', async () => {
    const t = await ready();
    const { zofia, parcel, clothing } = await withClients(t);
    const give = (givenOn: string, extra: object = {}) =>
      t.call('helpGiven.give', {
        clientId: zofia.id,
        helpGiven: { typeId: parcel.id, givenOn, quantity: 1, value: 1500, ...extra },
      });
    for (const d of ['2026-11-01', '2026-11-08', '2026-11-15']) expect((await give(d)).ok).toBe(true);
    expect(await t.ok('helpGiven.check', { clientId: zofia.id, typeId: parcel.id, givenOn: '2026-11-22' })).toEqual({
      typeId: parcel.id,
      limit: 3,
      days: 30,
      earlier: ['2026-11-01', '2026-11-08', '2026-11-15'].map((givenOn) => ({ givenOn, quantity: 1 })),
    });
    const refused = await t.fail('helpGiven.give', {
      clientId: zofia.id,
      helpGiven: { typeId: parcel.id, givenOn: '2026-11-22', quantity: 1 },
    });
    expect([refused.code, refused.fields]).toEqual(['BAD_INPUT', { 'helpGiven.overrideReason': 'repeatHelpReason' }]);
    expect(await t.ok('helpGiven.forClient', { clientId: zofia.id })).toHaveLength(3);
    const list = await t.ok('helpGiven.give', {
      clientId: zofia.id,
      helpGiven: {
        typeId: parcel.id,
        givenOn: '2026-11-22',
        quantity: 1,
        overrideReason: 'Children staying over half term',
      },
    });
    expect(list.map((g) => [g.givenOn, g.typeKey, g.quantity, g.value, g.overrideReason, g.givenByName])).toEqual([
      ['2026-11-22', 'foodParcel', 1, null, 'Children staying over half term', 'Anna Kowalska'],
      ['2026-11-15', 'foodParcel', 1, 1500, null, 'Anna Kowalska'],
      ['2026-11-08', 'foodParcel', 1, 1500, null, 'Anna Kowalska'],
      ['2026-11-01', 'foodParcel', 1, 1500, null, 'Anna Kowalska'],
    ]);
    // A reason given when no warning applies is not kept as an "override".
    const other = await t.ok('helpGiven.give', {
      clientId: zofia.id,
      helpGiven: { typeId: parcel.id, givenOn: '2026-10-01', quantity: 1, overrideReason: 'just because' },
    });
    expect(other.find((g) => g.givenOn === '2026-10-01')!.overrideReason).toBeNull();
    // No rule, no warning; bad input is refused field by field.
    expect(
      await t.ok('helpGiven.check', { clientId: zofia.id, typeId: clothing.id, givenOn: '2026-11-22' }),
    ).toBeNull();
    expect(
      (
        await t.fail('helpGiven.give', {
          clientId: zofia.id,
          helpGiven: { typeId: parcel.id, givenOn: '2027-01-01', quantity: 0, value: -5 },
        })
      ).fields,
    ).toEqual({
      'helpGiven.givenOn': 'dateInFuture',
      'helpGiven.quantity': 'quantityRange',
      'helpGiven.value': 'moneyRange',
    });
    expect(
      (await t.ok('timeline.get', { clientId: zofia.id, types: ['helpGiven'] })).items.map((e) => [
        e.event,
        e.at,
        e.detail,
      ]),
    ).toContainEqual(['helpGiven', '2026-11-22', 'foodParcel']);
  });

  it('totals by kind and value in a period, counting people once, with the dates at the edges included', async () => {
    const t = await ready();
    const { zofia, adam, parcel, voucher } = await withClients(t);
    const give = (clientId: number, typeId: number, givenOn: string, quantity: number, value: number | null) =>
      t.ok('helpGiven.give', { clientId, helpGiven: { typeId, givenOn, quantity, value } });
    await give(zofia.id, parcel.id, '2026-11-01', 1, 1500);
    await give(zofia.id, parcel.id, '2026-11-10', 2, 3000);
    await give(adam.id, parcel.id, '2026-11-23', 1, null);
    await give(adam.id, voucher.id, '2026-10-31', 1, 2000);
    await give(zofia.id, voucher.id, '2026-11-05', 1, 2500);

    const nov = await t.ok('helpGiven.totals', { from: '2026-11-01', to: '2026-11-30' });
    expect(nov.byType.map((b) => [b.typeKey, b.times, b.quantity, b.value, b.people])).toEqual([
      ['foodParcel', 3, 4, 4500, 2],
      ['voucher', 1, 1, 2500, 1],
    ]);
    expect([nov.times, nov.value, nov.people]).toEqual([4, 7000, 2]);
    const oneDay = await t.ok('helpGiven.totals', { from: '2026-10-31', to: '2026-10-31' });
    expect([oneDay.times, oneDay.value, oneDay.people]).toEqual([1, 2000, 1]);
    expect((await t.ok('helpGiven.totals', { from: '2026-09-01', to: '2026-09-30' })).byType).toEqual([]);
    const page = await t.ok('helpGiven.list', { from: '2026-11-01', to: '2026-11-30', limit: 2 });
    expect([page.total, page.items.map((g) => [g.clientName, g.givenOn])]).toEqual([
      4,
      [
        ['Adam Brown', '2026-11-23'],
        ['Zofia Wiśniewska-Łęcka', '2026-11-10'],
      ],
    ]);
  });

  it('lets the charity add, rename and retire kinds of help; a retired one cannot be given', async () => {
    const t = await ready();
    const { zofia, voucher } = await withClients(t);
    const added = await t.ok('helpTypes.save', {
      name: 'School uniform',
      unitValue: 2500,
      repeatLimit: 1,
      repeatDays: 365,
    });
    const uniform = added.find((x) => x.name === 'School uniform')!;
    expect(uniform).toMatchObject({ builtinKey: null, unitValue: 2500, repeatLimit: 1, repeatDays: 365, active: true });
    expect((await t.fail('helpTypes.save', { name: 'school UNIFORM' })).fields).toEqual({
      name: 'helpTypeNameTaken',
    });
    expect((await t.fail('helpTypes.save', { name: 'Half a rule', repeatLimit: 2 })).fields).toEqual({
      repeatDays: 'repeatRuleIncomplete',
    });
    expect((await t.fail('helpTypes.save', {})).fields).toEqual({ name: 'required' });
    // A built-in kind can take the charity's own name, and go back to the built-in one.
    const renamed = await t.ok('helpTypes.save', {
      id: voucher.id,
      version: voucher.version,
      name: 'Supermarket voucher',
      unitValue: 2000,
      repeatLimit: 2,
      repeatDays: 30,
    });
    expect(renamed.find((x) => x.id === voucher.id)).toMatchObject({
      name: 'Supermarket voucher',
      builtinKey: 'voucher',
      version: 2,
    });
    expect((await t.fail('helpTypes.save', { id: voucher.id, version: 1, name: 'X' })).code).toBe('CONFLICT');
    await t.ok('helpTypes.save', {
      id: uniform.id,
      version: uniform.version,
      name: 'School uniform',
      active: false,
    });
    expect(
      (
        await t.fail('helpGiven.give', {
          clientId: zofia.id,
          helpGiven: { typeId: uniform.id, givenOn: '2026-11-20', quantity: 1 },
        })
      ).fields,
    ).toEqual({ 'helpGiven.typeId': 'helpTypeRetired' });
  });

  it('links help to a session only if the client came, lets a volunteer record it but not remove it, and goes with a merged record', async () => {
    const t = await ready();
    const { zofia, adam, parcel } = await withClients(t);
    const p = await t.ok('programmes.save', {
      programme: { name: 'Food bank', kind: 'dropIn', startsOn: '2026-11-01' },
    });
    const s = (
      await t.ok('sessions.add', { programmeId: p.programme.id, pattern: { firstOn: '2026-11-20', startsAt: '09:30' } })
    ).detail.sessions[0]!;
    await t.ok('attendance.mark', { sessionId: s.id, clientId: zofia.id, present: true });
    expect(
      (
        await t.fail('helpGiven.give', {
          clientId: adam.id,
          helpGiven: { typeId: parcel.id, givenOn: '2026-11-20', quantity: 1, sessionId: s.id },
        })
      ).fields,
    ).toEqual({
      'helpGiven.sessionId': 'sessionNotAttended',
    });
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const given = await t.ok('helpGiven.give', {
      clientId: zofia.id,
      helpGiven: { typeId: parcel.id, givenOn: '2026-11-20', quantity: 1, sessionId: s.id },
    });
    expect(given[0]).toMatchObject({ programmeName: 'Food bank', givenByName: 'Vera Volunteer' });
    expect((await t.fail('helpGiven.remove', { id: given[0]!.id, reason: 'Typed twice' })).code).toBe('FORBIDDEN');
    expect((await t.fail('helpGiven.totals', { from: '2026-11-01', to: '2026-11-30' })).code).toBe('FORBIDDEN');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Anna Kowalska', password: 'correct horse battery' });
    await t.ok('helpGiven.give', {
      clientId: adam.id,
      helpGiven: { typeId: parcel.id, givenOn: '2026-11-21', quantity: 1 },
    });
    await t.ok('clients.merge', { keepId: zofia.id, mergeId: adam.id });
    expect((await t.ok('helpGiven.forClient', { clientId: zofia.id })).map((g) => g.givenOn)).toEqual([
      '2026-11-21',
      '2026-11-20',
    ]);
    const after = await t.ok('helpGiven.remove', { id: given[0]!.id, reason: 'Typed twice' });
    expect(after.map((g) => g.givenOn)).toEqual(['2026-11-21']);
    const audit = (await t.ok('audit.list', { limit: 50 })).items;
    expect(audit.find((e) => e.action === 'support.removed')).toMatchObject({ detail: { reason: 'Typed twice' } });
  });
});
