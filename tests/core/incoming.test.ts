import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from './pdfCheck';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { addNewPerson, setUp, startCore, tempDir, type TestCore } from './helpers';

const DAY = 86_400_000;

const referral = (
  firstName: string,
  more: Partial<ChannelInput<'incoming.log'>> = {},
): ChannelInput<'incoming.log'> => ({
  receivedOn: '2026-11-02',
  firstName,
  lastName: 'Test',
  reason: 'Rent arrears and an eviction notice',
  source: 'gp',
  referrerName: 'Dr Patel, Hyde Park Surgery',
  referrerContact: 'Hyde Park Surgery\n4 Hyde Park Road\nLeeds LS6 1AB',
  urgency: 'routine',
  consentToHold: true,
  ...more,
});

async function workshop(t: TestCore) {
  return (
    await t.ok('programmes.save', {
      programme: {
        name: 'Money skills workshop',
        kind: 'workshop',
        startsOn: '2026-10-01',
        endsOn: '2027-03-31',
        capacity: 2,
        facilitators: [],
      },
    })
  ).programme;
}

describe('referrals in and the waiting list', () => {
  it('logs a referral only with consent to hold the details, and orders the list by risk, urgency and time waited', async () => {
    const t = startCore();
    await setUp(t);
    const { consentToHold: _, ...noConsent } = referral('Ewa');
    expect((await t.fail('incoming.log', noConsent as ChannelInput<'incoming.log'>)).fields).toEqual({
      consentToHold: 'consentToHoldRequired',
    });
    expect((await t.fail('incoming.log', referral('Ewa', { atRisk: true }))).fields).toEqual({
      riskNote: 'required',
    });
    expect((await t.fail('incoming.log', referral('Ewa', { receivedOn: '2026-12-01' }))).fields).toEqual({
      receivedOn: 'dateInFuture',
    });
    const a = await t.ok('incoming.log', referral('Routine early', { receivedOn: '2026-10-01' }));
    const b = await t.ok('incoming.log', referral('Urgent late', { urgency: 'urgent', receivedOn: '2026-11-20' }));
    const c = await t.ok(
      'incoming.log',
      referral('At risk', { atRisk: true, riskNote: 'Partner is violent', receivedOn: '2026-11-21' }),
    );
    const d = await t.ok('incoming.log', referral('Routine late', { receivedOn: '2026-11-10' }));
    expect(a).toMatchObject({ status: 'new', daysWaited: 53, agencyName: null, source: 'gp' });
    const open = await t.ok('incoming.list', {});
    expect(open.items.map((x) => x.firstName)).toEqual(['At risk', 'Urgent late', 'Routine early', 'Routine late']);
    // On the waiting list, the time on the list counts: Routine late joined before Routine early.
    await t.ok('incoming.waitlist', { id: d.id, version: d.version });
    t.clock.now += DAY;
    await t.ok('incoming.waitlist', { id: a.id, version: a.version });
    const waiting = await t.ok('incoming.list', { show: 'waiting' });
    expect(waiting.items.map((x) => x.firstName)).toEqual(['Routine late', 'Routine early']);
    // Declined with a reason; someone else's change in between is refused.
    expect((await t.fail('incoming.decline', { id: b.id, version: b.version + 1, reason: 'x' })).code).toBe('CONFLICT');
    const declined = await t.ok('incoming.decline', {
      id: b.id,
      version: b.version,
      reason: 'Outside our area: referred to Leeds Welfare Rights',
    });
    expect(declined).toMatchObject({ status: 'declined', decidedByName: 'Anna Kowalska', decidedOn: '2026-11-24' });
    expect((await t.fail('incoming.waitlist', { id: b.id, version: declined.version })).fields).toEqual({
      id: 'incomingDecided',
    });
    expect((await t.ok('incoming.list', { show: 'closed' })).items.map((x) => x.firstName)).toEqual(['Urgent late']);
    expect(c.atRisk).toBe(true);
  });

  it('offers a place freed on a programme to the next person waiting, who is taken in and registered', async () => {
    const t = startCore();
    await setUp(t);
    const p = await workshop(t);
    const [x, y] = [
      await addNewPerson(t, { firstName: 'Xena', lastName: 'One', intakeDate: '2026-10-01' }),
      await addNewPerson(t, { firstName: 'Yuri', lastName: 'Two', intakeDate: '2026-10-01' }),
    ];
    for (const c of [x, y])
      await t.ok('programmes.register', { programmeId: p.id, clientId: c.id, registeredOn: '2026-10-01' });
    const ewa = await t.ok('incoming.log', referral('Ewa', { urgency: 'soon' }));
    const jan = await t.ok('incoming.log', referral('Jan'));
    const onList = await t.ok('incoming.waitlist', { id: ewa.id, version: ewa.version, programmeId: p.id });
    await t.ok('incoming.waitlist', { id: jan.id, version: jan.version, programmeId: p.id });
    expect(onList).toMatchObject({
      status: 'waiting',
      programmeName: 'Money skills workshop',
      waitingSince: '2026-11-23',
    });
    expect(await t.ok('incoming.forProgramme', { programmeId: p.id })).toMatchObject({ placesFree: 0 });
    // Full: nobody can be offered a place yet.
    expect((await t.fail('incoming.offer', { id: ewa.id, version: onList.version })).fields).toEqual({
      id: 'noPlaceFree',
    });
    // Yuri leaves: a place is free, and Ewa (soon, before Jan's routine) is next.
    await t.ok('programmes.unregister', { programmeId: p.id, clientId: y.id });
    const list = await t.ok('incoming.forProgramme', { programmeId: p.id });
    expect([list.placesFree, list.waiting.map((w) => w.firstName)]).toEqual([1, ['Ewa', 'Jan']]);
    const offered = await t.ok('incoming.offer', { id: ewa.id, version: onList.version });
    expect(offered).toMatchObject({ status: 'offered', offeredOn: '2026-11-23' });
    // The place is held for her: none is free for Jan, even before she is registered.
    expect((await t.ok('incoming.forProgramme', { programmeId: p.id })).placesFree).toBe(0);

    // She accepts: an intake from the referral's details makes her a client, registered on the programme.
    const client = await t.ok('clients.intake', {
      details: { firstName: 'Ewa', lastName: 'Test', intakeDate: '2026-11-23', referredBy: 'Dr Patel' },
      incomingId: ewa.id,
    });
    const accepted = await t.ok('incoming.get', { id: ewa.id });
    expect(accepted).toMatchObject({ status: 'accepted', clientId: client.id, clientReference: client.reference });
    expect((await t.ok('programmes.get', { id: p.id })).members.map((m) => m.name)).toContain('Ewa Test');
    // A referral already taken in cannot be taken in again: nothing is saved.
    expect(
      (
        await t.fail('clients.intake', {
          details: { firstName: 'Someone', lastName: 'Else', intakeDate: '2026-11-23' },
          incomingId: ewa.id,
        })
      ).fields,
    ).toEqual({ id: 'incomingDecided' });
    expect((await t.ok('clients.count', { query: 'someone' })).total).toBe(0);
    // The funder report: referrals in by source, and how long people waited (days from referral).
    const report = await t.ok('reports.funder', { from: '2026-11-01', to: '2026-11-23' });
    expect(report.incoming).toEqual({
      bySource: [{ source: 'gp', received: 2, accepted: 1, declined: 0, open: 1 }],
      takenIn: { people: 1, medianDays: 21, longestDays: 21 },
      stillWaiting: { people: 1, medianDays: 21, longestDays: 21 },
    });
    // Before Ewa was taken in, both were waiting at the end of that period.
    const earlier = await t.ok('reports.funder', { from: '2026-11-01', to: '2026-11-20' });
    expect(earlier.incoming.stillWaiting).toEqual({ people: 2, medianDays: 18, longestDays: 18 });
    const audit = (await t.ok('audit.list', {})).items.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['incoming.logged', 'incoming.offered', 'incoming.accepted']));

    // The referral is in her subject access pack, with the reason in the referrer's words.
    const [request] = await t.ok('subjectAccess.record', { clientId: client.id, receivedOn: '2026-11-23' });
    const { pdfPath, jsonPath } = await t.ok('subjectAccess.savePack', { id: request!.id });
    const pack = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
      referralsIn: { reason: string; source: string }[];
    };
    expect(pack.referralsIn).toEqual([
      expect.objectContaining({ reason: 'Rent arrears and an eviction notice', source: 'gp' }),
    ]);
    expect(pdfText(pdfPath).replace(/\s+/g, ' ')).toContain('How you came to us');

    // Erased, the client takes the referral with them.
    await t.ok('erasure.eraseClient', {
      id: client.id,
      mode: 'erase',
      reason: 'Asked us to',
      confirmation: client.reference,
    });
    expect((await t.fail('incoming.get', { id: ewa.id })).code).toBe('NOT_FOUND');
  });

  it('asks someone waiting long whether they still need us, after the charity’s chosen time', async () => {
    const t = startCore();
    await setUp(t);
    const r = await t.ok('incoming.log', referral('Ewa'));
    const waiting = await t.ok('incoming.waitlist', { id: r.id, version: r.version });
    expect(waiting.stillNeedDue).toBe(false);
    t.clock.now += 42 * DAY;
    const due = await t.ok('incoming.get', { id: r.id });
    expect(due.stillNeedDue).toBe(true);
    const asked = await t.ok('incoming.stillNeed', { id: r.id, version: due.version, stillNeeds: true });
    expect(asked).toMatchObject({ stillNeedDue: false, checkedOn: '2027-01-04', status: 'waiting' });
    // The administrator asks sooner: 30 days after the last contact.
    expect((await t.fail('incoming.setStillNeedDays', { days: 3 })).fields).toEqual({ days: 'stillNeedDaysRange' });
    await t.ok('incoming.setStillNeedDays', { days: 30 });
    t.clock.now += 30 * DAY;
    const again = await t.ok('incoming.get', { id: r.id });
    expect(again.stillNeedDue).toBe(true);
    const gone = await t.ok('incoming.stillNeed', {
      id: r.id,
      version: again.version,
      stillNeeds: false,
      note: 'Found help elsewhere',
    });
    expect(gone).toMatchObject({ status: 'withdrawn', declineReason: 'Found help elsewhere', daysWaited: 93 });
  });
});

describe('migration 27', () => {
  it('keeps a referral in only with consent to hold it, and it goes with the client it became', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 26) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 27) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(27);
    const insert = (consent: number) =>
      x.exec(`INSERT INTO incoming_referrals (received_on, first_name, last_name, reason, source, urgency, consent_to_hold, client_id, created_at, updated_at)
        VALUES ('2026-11-01', 'Ewa', 'K', 'Rent', 'gp', 'routine', ${consent}, 1, 'x', 'x')`);
    x.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, intake_date, created_at, updated_at) VALUES (1, 'CB-00001', 'Ewa', 'K', 'k ewa', '2026-01-01', 'x', 'x')`,
    );
    expect(() => insert(0)).toThrow(/CHECK/);
    insert(1);
    x.exec(`DELETE FROM clients WHERE id = 1`);
    expect(x.prepare(`SELECT count(*) FROM incoming_referrals`).pluck().get()).toBe(0);
    closeDatabase(db);
  });
});

describe('the letter back to the referrer', () => {
  it('is written from a template once a referral is declined, reworded if need be, kept with it, and saved or printed', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await t.ok('incoming.log', referral('Ewa'));
    const templates = (await t.ok('templates.list', {})).filter((x) => x.kind === 'referralReply');
    expect(templates.map((x) => x.language).sort()).toEqual(['en', 'pl']);
    const en = templates.find((x) => x.language === 'en')!;
    const pl = templates.find((x) => x.language === 'pl')!;
    // Not before it is declined.
    expect((await t.fail('incoming.replyPreview', { id: ewa.id, templateId: en.id })).fields).toEqual({
      templateId: 'replyNotDeclined',
    });
    const declined = await t.ok('incoming.decline', {
      id: ewa.id,
      version: ewa.version,
      reason: 'We only work with people living in Leeds.',
    });
    expect(declined.reply).toBeNull();
    const letter = await t.ok('incoming.replyPreview', { id: ewa.id, templateId: en.id });
    expect(letter.recipient).toEqual([
      'Dr Patel, Hyde Park Surgery',
      'Hyde Park Surgery',
      '4 Hyde Park Road',
      'Leeds LS6 1AB',
    ]);
    expect(letter.subject).toBe('Your referral of Ewa Test');
    expect(letter.body).toContain('Dear Dr Patel, Hyde Park Surgery,');
    expect(letter.body).toContain('Our reason: We only work with people living in Leeds.');
    expect(letter.body).toContain(`quoting our reference IN${ewa.id}`);
    expect(letter.emptyFields).toEqual(
      ['charity.phone', 'charity.email'].filter((f) => letter.emptyFields.includes(f)),
    );
    // A letter template of another kind is not a reply.
    const general = (await t.ok('templates.list', {})).find((x) => x.kind === 'general')!;
    expect((await t.fail('incoming.replyPreview', { id: ewa.id, templateId: general.id })).fields).toEqual({
      templateId: 'invalid',
    });
    // Kept as reworded; saved as a PDF and printed.
    const kept = await t.ok('incoming.replyKeep', {
      id: ewa.id,
      templateId: en.id,
      edits: { subject: letter.subject, body: `${letter.body}\n\nWith best wishes to Ewa.` },
    });
    expect(kept.reply!.body).toContain('With best wishes to Ewa.');
    const { path } = await t.ok('incoming.replySavePdf', { id: ewa.id });
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain('Your referral of Ewa Test');
    expect(text).toContain('With best wishes to Ewa.');
    await t.ok('incoming.replyPrint', { id: ewa.id });
    const audit = (await t.ok('audit.list', {})).items.map((e) => e.action);
    // (Printing is recorded once the print dialog has printed it.)
    expect(audit).toEqual(expect.arrayContaining(['incoming.replied', 'incoming.replySaved']));
    expect(JSON.stringify((await t.ok('audit.list', {})).items)).not.toContain('Leeds');

    // In Polish, to someone who referred themselves: to them, by name.
    const jan = await t.ok(
      'incoming.log',
      referral('Jan', { source: 'self', referrerName: null, referrerContact: null, postcode: 'LS6 2AB' }),
    );
    await t.ok('incoming.decline', { id: jan.id, version: jan.version, reason: 'Brak miejsc.' });
    const polish = await t.ok('incoming.replyPreview', { id: jan.id, templateId: pl.id });
    expect(polish.recipient).toEqual(['Jan Test', 'LS6 2AB']);
    expect(polish.body).toContain('Powód: Brak miejsc.');
    expect(polish.body).toContain('Z poważaniem');
  });
});

describe('migration 30', () => {
  it('gives templates the reply kind, and every letter keeps the template it was written from', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    const before = openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 29) });
    const x = before.$client;
    x.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, intake_date, created_at, updated_at) VALUES (1, 'CB-00001', 'Ewa', 'K', 'k ewa', '2026-01-01', 'x', 'x')`,
    );
    const general = x.prepare(`SELECT id FROM letter_templates WHERE kind = 'general' LIMIT 1`).pluck().get() as number;
    x.exec(`INSERT INTO letters (id, client_id, template_id, template_name, kind, language, letter_date, content, written_at)
      VALUES (1, 1, ${general}, 'General letter', 'general', 'en', '2026-01-02', '{}', 'x')`);
    expect(() => x.exec(`UPDATE letter_templates SET kind = 'referralReply' WHERE id = ${general}`)).toThrow(/CHECK/);
    closeDatabase(before);
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 30) });
    const y = db.$client;
    expect(y.prepare(`SELECT template_id FROM letters WHERE id = 1`).pluck().get()).toBe(general);
    expect(
      y.prepare(`SELECT language FROM letter_templates WHERE kind = 'referralReply' ORDER BY language`).pluck().all(),
    ).toEqual(['en', 'pl']);
    expect(y.pragma('foreign_key_check')).toEqual([]);
    // A template removed still leaves its letters (the link kept as before: ON DELETE SET NULL).
    y.exec(`DELETE FROM letter_templates WHERE id = ${general}`);
    expect(y.prepare(`SELECT template_id FROM letters WHERE id = 1`).pluck().get()).toBeNull();
    closeDatabase(db);
  });
});
