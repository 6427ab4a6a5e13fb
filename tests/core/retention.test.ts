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
