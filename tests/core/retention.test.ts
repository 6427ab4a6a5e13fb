import { describe, expect, it } from 'vitest';
import { retentionDueOn } from '../../shared/domain/retention';
import { addNewPerson, setUp, startCore, type TestCore } from './helpers';

async function closedOn(t: TestCore, firstName: string, on: string, reopen?: string) {
  const c = await addNewPerson(t, { firstName, lastName: 'Closed', intakeDate: '2019-01-01' });
  const closed = (
    await t.ok('clients.setStatus', {
      id: c.id,
      version: c.version,
      change: { status: 'closed', on, reason: 'goalsMet' },
    })
  ).client;
  if (reopen)
    await t.ok('clients.setStatus', { id: c.id, version: closed.version, change: { status: 'open', on: reopen } });
  return c;
}

describe('the retention review', () => {
  it('falls due on the anniversary, 29 February on the 28th', () => {
    expect(retentionDueOn('2020-11-23', 6)).toBe('2026-11-23');
    expect(retentionDueOn('2020-02-29', 6)).toBe('2026-02-28');
    expect(retentionDueOn('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('lists closed cases past the period, keeps one for a reason until its review date, and loses the erased', async () => {
    const t = startCore();
    await setUp(t);
    const leap = await closedOn(t, 'Leap', '2020-02-29');
    const edge = await closedOn(t, 'Edge', '2020-11-23');
    await closedOn(t, 'Tomorrow', '2020-11-24');
    await closedOn(t, 'Recent', '2024-01-01');
    await closedOn(t, 'Reopened', '2019-06-01', '2021-01-01');

    const first = await t.ok('retention.get', {});
    expect(first.years).toBe(6);
    expect(first.due.map((c) => [c.name, c.closedOn, c.dueOn])).toEqual([
      ['Leap Closed', '2020-02-29', '2026-02-28'],
      ['Edge Closed', '2020-11-23', '2026-11-23'],
    ]);

    expect(
      (await t.fail('retention.keep', { clientId: leap.id, reason: 'Court case pending', reviewOn: '2026-11-23' }))
        .fields,
    ).toEqual({ reviewOn: 'reviewNotInFuture' });
    const kept = await t.ok('retention.keep', {
      clientId: leap.id,
      reason: 'Court case pending',
      reviewOn: '2027-11-23',
    });
    expect(kept.due.map((c) => c.name)).toEqual(['Edge Closed']);
    expect((await t.ok('retention.setYears', { years: 10 })).due).toEqual([]);
    expect((await t.fail('retention.setYears', { years: 0 })).fields).toEqual({ years: 'retentionRange' });
    await t.ok('retention.setYears', { years: 6 });

    await t.ok('erasure.eraseClient', {
      id: edge.id,
      mode: 'anonymise',
      reason: 'Retention period passed',
      confirmation: edge.reference,
    });
    // Anonymised, the case stays closed and counted, so it is still listed: the decision is the administrator's.
    expect((await t.ok('retention.get', {})).due.map((c) => c.reference)).toEqual([edge.reference]);
    await t.ok('erasure.eraseClient', {
      id: edge.id,
      mode: 'erase',
      reason: 'Retention period passed',
      confirmation: edge.reference,
    });
    expect((await t.ok('retention.get', {})).due).toEqual([]);

    // A year on, the kept case comes back with the reason it was kept, beside the next one due.
    t.clock.now = Date.parse('2027-11-23T10:00:00Z');
    expect((await t.ok('retention.get', {})).due.map((c) => [c.name, c.lastKeptReason])).toEqual([
      ['Leap Closed', 'Court case pending'],
      ['Tomorrow Closed', null],
    ]);
    expect((await t.ok('audit.list', { action: 'client.retentionKept' })).items[0]).toMatchObject({
      detail: { reviewOn: '2027-11-23' },
    });
  });
});

describe('people who never became clients', () => {
  it('come up after the months the charity sets, and their details are removed while the figures stay', async () => {
    const t = startCore();
    await setUp(t);
    const referral = (firstName: string) => ({
      receivedOn: '2026-11-02',
      firstName,
      lastName: 'Test',
      reason: 'Rent arrears',
      source: 'gp' as const,
      referrerName: 'Dr Patel',
      urgency: 'routine' as const,
      consentToHold: true as const,
    });
    const declined = await t.ok('incoming.log', referral('Ewa'));
    await t.ok('incoming.decline', { id: declined.id, version: declined.version, reason: 'Outside our area' });
    // Still waiting, and taken in: neither comes up.
    await t.ok('incoming.log', referral('Jan'));
    const taken = await t.ok('incoming.log', referral('Olga'));
    await t.ok('clients.intake', {
      details: { firstName: 'Olga', lastName: 'Test', intakeDate: '2026-11-23' },
      duplicatesSeen: [],
      incomingId: taken.id,
    });
    const named = await t.ok('signposting.record', {
      contactedOn: '2026-11-20',
      how: 'phone',
      topic: 'Debt',
      elsewhere: 'Citizens Advice',
      named: true,
      name: 'Piotr Zieliński',
      phone: '07700 900321',
    });
    await t.ok('signposting.record', {
      contactedOn: '2026-11-20',
      how: 'dropIn',
      topic: 'Food',
      elsewhere: 'Food bank',
    });
    expect((await t.ok('retention.get', {})).nonClientsDue).toEqual([]);

    // A year on: the declined referral and the named contact, oldest first.
    t.clock.now = Date.parse('2027-11-23T10:00:00Z');
    const view = await t.ok('retention.get', {});
    expect(view.nonClientMonths).toBe(12);
    expect(view.nonClientsDue.map((d) => [d.kind, d.name, d.on, d.dueOn])).toEqual([
      ['signposting', 'Piotr Zieliński', '2026-11-20', '2027-11-20'],
      ['incoming', 'Ewa Test', '2026-11-23', '2027-11-23'],
    ]);
    // The charity keeps them two years instead: nobody is due yet.
    expect((await t.ok('retention.setNonClientMonths', { months: 24 })).nonClientsDue).toEqual([]);
    expect((await t.fail('retention.setNonClientMonths', { months: 0 })).fields).toEqual({ months: 'monthsRange' });
    await t.ok('retention.setNonClientMonths', { months: 12 });

    // Removed: the referral keeps its source and decision, the contact its need and place; no names.
    const after = await t.ok('retention.forgetNonClients', {
      items: view.nonClientsDue.map(({ kind, id }) => ({ kind, id })),
    });
    expect(after.nonClientsDue).toEqual([]);
    const ewa = await t.ok('incoming.get', { id: declined.id });
    expect(ewa).toMatchObject({
      firstName: 'Anonymised',
      reason: '',
      referrerName: null,
      declineReason: null,
      source: 'gp',
      status: 'declined',
    });
    const contact = await t.ok('signposting.get', { id: named.id });
    expect(contact).toMatchObject({ name: null, phone: null, elsewhere: 'Citizens Advice' });
    // A client's record, or someone still waiting, is not removed this way; nothing is removed in part.
    expect(
      (
        await t.fail('retention.forgetNonClients', {
          items: [
            { kind: 'signposting', id: named.id },
            { kind: 'incoming', id: taken.id },
          ],
        })
      ).fields,
    ).toEqual({ items: 'notANonClient' });
    const report = await t.ok('reports.funder', { from: '2026-11-01', to: '2027-11-23' });
    expect(report.signposting.contacts).toBe(2);
    const audit = (await t.ok('audit.list', {})).items.filter((e) => e.action === 'retention.nonClientsForgotten');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Ewa');
  });
});
