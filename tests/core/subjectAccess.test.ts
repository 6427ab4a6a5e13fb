import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdfCheck';
import { accessDueOn } from '../../shared/domain/subjectAccess';
import type { AccessPack } from '../../electron/core/subjectAccess/pack';
import { setUp, signInAsNewUser, startCore, type TestCore } from './helpers';
import { withZofia, ZOFIA_WORDS } from './zofia';

/** Zofia with a request received three days ago, and a few more records the pack must carry. */
async function zofiaAsks(t: TestCore) {
  await setUp(t);
  const zofia = await withZofia(t);
  const id = zofia.id;
  await t.ok('consent.record', {
    clientId: id,
    consent: {
      storeData: true,
      shareScope: 'named',
      shareAgencies: ['Łódź Housing Advice'],
      contactPhone: true,
      givenOn: '2026-03-01',
      method: 'written',
      note: 'Signed the form in Polish',
    },
  });
  // A sensitive note, then changed: both versions are hers.
  const note = await t.ok('notes.save', {
    clientId: id,
    note: {
      date: '2026-04-02',
      time: '14:30',
      kind: 'officeVisit',
      durationMinutes: 45,
      sensitive: true,
      body: 'Told us about the night of 1 April.',
    },
  });
  await t.ok('notes.save', {
    clientId: id,
    target: { id: note.id, version: note.version },
    note: {
      date: '2026-04-02',
      time: '14:30',
      kind: 'officeVisit',
      durationMinutes: 45,
      sensitive: true,
      body: 'Told us about the night of 1 April; police informed.',
    },
  });
  const agency = await t.ok('agencies.save', { agency: { name: 'Łódź Housing Advice', referralRoutes: ['letter'] } });
  await t.ok('referrals.create', {
    clientId: id,
    referral: { agencyId: agency.id, reason: 'Rehousing away from Marek', urgency: 'urgent' },
  });
  await t.ok('clients.get', { id });
  const requests = await t.ok('subjectAccess.record', {
    clientId: id,
    receivedOn: '2026-11-20',
    note: 'Letter handed in; passport seen',
  });
  return { zofia, request: requests[0]! };
}

describe('subject access requests', () => {
  it('are due one calendar month after they arrive, the last day of a shorter month', () => {
    expect(accessDueOn('2026-11-23')).toBe('2026-12-23');
    expect(accessDueOn('2026-12-15')).toBe('2027-01-15');
    expect(accessDueOn('2026-01-31')).toBe('2026-02-28');
    expect(accessDueOn('2028-01-31')).toBe('2028-02-29');
    expect(accessDueOn('2026-03-31')).toBe('2026-04-30');
    expect(accessDueOn('2026-02-28')).toBe('2026-03-28');
  });

  it('are recorded one at a time per client, listed on the home screen until answered, and audited', async () => {
    const t = startCore();
    const { zofia, request } = await zofiaAsks(t);
    expect(request).toMatchObject({
      clientId: zofia.id,
      receivedOn: '2026-11-20',
      dueOn: '2026-12-20',
      packSavedOn: null,
      answeredOn: null,
      recordedByName: 'Anna Kowalska',
    });
    expect((await t.fail('subjectAccess.record', { clientId: zofia.id, receivedOn: '2026-11-22' })).fields).toEqual({
      receivedOn: 'accessAlreadyOpen',
    });
    expect((await t.fail('subjectAccess.record', { clientId: zofia.id, receivedOn: '2026-11-24' })).fields).toEqual({
      receivedOn: 'dateInFuture',
    });
    expect((await t.fail('subjectAccess.record', { clientId: 99_999, receivedOn: '2026-11-20' })).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.ok('subjectAccess.open', {})).map((r) => [r.clientReference, r.dueOn])).toEqual([
      [zofia.reference, '2026-12-20'],
    ]);

    expect((await t.fail('subjectAccess.answered', { id: request.id, answeredOn: '2026-11-19' })).fields).toEqual({
      answeredOn: 'answeredBeforeReceived',
    });
    const answered = await t.ok('subjectAccess.answered', { id: request.id, answeredOn: '2026-11-23' });
    expect(answered[0]).toMatchObject({ answeredOn: '2026-11-23' });
    expect(await t.ok('subjectAccess.open', {})).toEqual([]);
    // Answered, a new request can be recorded; the client's list is newest first.
    expect(
      (await t.ok('subjectAccess.record', { clientId: zofia.id, receivedOn: '2026-11-23' })).map((r) => r.receivedOn),
    ).toEqual(['2026-11-23', '2026-11-20']);
    const actions = (await t.ok('audit.list', { client: zofia.reference })).items.map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('access.'))).toEqual([
      'access.requested',
      'access.answered',
      'access.requested',
    ]);

    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    expect((await t.fail('subjectAccess.forClient', { clientId: zofia.id })).code).toBe('FORBIDDEN');
    expect((await t.fail('subjectAccess.open', {})).code).toBe('FORBIDDEN');
  });

  it('make a pack: a readable PDF of everything held, sensitive and earlier versions included, and the same as JSON', async () => {
    const t = startCore();
    const { zofia, request } = await zofiaAsks(t);
    const saved = await t.ok('subjectAccess.savePack', { id: request.id });
    expect(saved.pdfPath).toMatch(/Subject access CB-\d+ 2026-11-23\.pdf$/);
    expect(saved.jsonPath).toBe(saved.pdfPath.replace(/\.pdf$/, '.json'));
    expect(saved.requests[0]).toMatchObject({ packSavedOn: '2026-11-23', answeredOn: null });

    const text = pdfText(saved.pdfPath);
    // pdftotext breaks long lines where the PDF wraps them; compare with single spaces.
    const flat = text.replace(/\s+/g, ' ').replace(/- /g, '-');
    for (const words of [
      ...ZOFIA_WORDS,
      'Information we hold about Zofia Wiśniewska-Łęcka',
      zofia.reference,
      'Subject access request received on 20 November 2026',
      'Prepared on 23 November 2026 by Anna Kowalska',
    ])
      expect(flat, words).toContain(words);
    for (const section of [
      'Your details',
      'Your consent',
      'Household and key contacts',
      'Risk notes for staff',
      'Needs assessments and reviews',
      'Support plans and goals',
      'Notes of contacts with you',
      'Safety plans',
      'Referrals to other agencies',
      'Letters',
      'Help given',
      'Groups and sessions',
      'Your requests for your information',
      'Who opened or changed your record',
    ])
      expect(flat, section).toContain(section);
    // Coded values in words, not codes: the contact kind, the risk, the consent, the urgency, the score.
    for (const words of [
      'Office visit',
      'Risk of violence or aggression',
      'Only with the agencies named',
      'Łódź Housing Advice',
      'Urgent',
      '3 out of 10',
      'Food parcel',
      'Opened a client’s record',
      'Recorded a subject access request',
      'Nothing recorded.',
    ])
      expect(flat, words).toContain(words);
    expect(flat).not.toMatch(/officeVisit|riskFlags\.|access\.sections|notes\.kinds/);
    // The sensitive note in full, and the version it replaced.
    expect(flat).toContain('Told us about the night of 1 April; police informed.');
    expect(flat).toContain('Told us about the night of 1 April.');
    expect(flat).toMatch(/Version 1, written by Anna Kowalska/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain(`Confidential: prepared for Zofia Wiśniewska-Łęcka (${zofia.reference})`);

    const pack = JSON.parse(readFileSync(saved.jsonPath, 'utf8')) as AccessPack;
    expect(pack.format).toBe('casebook-subject-access/1');
    expect(pack.record.client).toMatchObject({
      firstName: 'Zofia',
      lastName: 'Wiśniewska-Łęcka',
      email: 'zofia@example.org',
    });
    expect(pack.caseNotes.map((n) => [n.sensitive, n.withheld, n.body, n.earlierVersions.map((v) => v.body)])).toEqual([
      [false, false, 'She sleeps at Marek’s flat.', []],
      [true, false, 'Told us about the night of 1 April; police informed.', ['Told us about the night of 1 April.']],
    ]);
    expect(pack.record.household.map((m) => m.name)).toEqual(['Kasia Łęcka']);
    expect(pack.referrals.map((r) => [r.agencyName, r.reason])).toEqual([
      ['Łódź Housing Advice', 'Rehousing away from Marek'],
    ]);
    expect(pack.safetyPlans.map((s) => s.warningSigns)).toEqual(['When Marek drinks']);
    expect(pack.helpGiven.map((h) => h.note)).toEqual(['Collected by Kasia Łęcka']);
    expect(pack.auditTrail.map((a) => a.action)).toContain('client.viewed');
    expect(pack.auditTrail.every((a) => a.clientId === zofia.id)).toBe(true);

    const audit = (await t.ok('audit.list', { action: 'access.packSaved' })).items;
    expect(audit.map((e) => [e.clientReference, e.detail])).toEqual([[zofia.reference, { requestId: request.id }]]);
    // Closing the save dialog makes nothing and records nothing.
    t.platform.cancelNext = true;
    expect((await t.fail('subjectAccess.savePack', { id: request.id })).code).toBe('CANCELLED');
    expect((await t.ok('audit.list', { action: 'access.packSaved' })).items).toHaveLength(1);
  });

  it('are written in Polish when the interface is in Polish', async () => {
    const t = startCore();
    const { request } = await zofiaAsks(t);
    await t.ok('app.setLanguage', { language: 'pl' });
    const flat = pdfText((await t.ok('subjectAccess.savePack', { id: request.id })).pdfPath).replace(/\s+/g, ' ');
    for (const words of [
      'Informacje, które przechowujemy o osobie: Zofia Wiśniewska-Łęcka',
      '20 listopada 2026',
      'Twoje dane',
      'Notatki z kontaktów z Tobą',
      'Wizyta w biurze',
      'Strona 1 z',
    ])
      expect(flat, words).toContain(words);
  });

  it('lose the note on how the request came in when the client is anonymised, and go when the client is erased', async () => {
    const t = startCore();
    const { zofia } = await zofiaAsks(t);
    await t.ok('erasure.eraseClient', {
      id: zofia.id,
      mode: 'anonymise',
      reason: 'Retention period passed',
      confirmation: zofia.reference,
    });
    expect((await t.ok('subjectAccess.forClient', { clientId: zofia.id })).map((r) => r.note)).toEqual([null]);
    await t.ok('erasure.eraseClient', {
      id: zofia.id,
      mode: 'erase',
      reason: 'Asked again',
      confirmation: zofia.reference,
    });
    expect(await t.ok('subjectAccess.open', {})).toEqual([]);
  });
});
