import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdfCheck';
import type { ChannelInput } from '../../shared/contract';
import { agencyInputSchema } from '../../shared/domain/agency';
import {
  ALL_MERGE_FIELDS,
  fieldsForKind,
  LETTER_KINDS,
  mergeText,
  tidyLetterBody,
  templateProblems,
} from '../../shared/domain/letter';
import {
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  referralStatusInputSchema,
  type Referral,
} from '../../shared/domain/referral';
import { fieldIssues } from '../../shared/domain/validation';
import { addNewPerson, onDay, setUp, signInAsNewUser, startCore, tempDir, type TestCore } from './helpers';
import { png } from './png';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

const AGENCY = {
  name: 'Łódź Housing Advice',
  services: 'Housing advice, homelessness prevention',
  address: '4 Park Row\nLeeds LS1 5HD',
  phone: '0113 222 3333',
  email: 'referrals@housing.example.org',
  website: 'www.housing.example.org',
  referralRoutes: ['letter', 'email'] as ('letter' | 'email')[],
  contacts: [{ name: 'Grażyna Wójcik', role: 'Housing officer', phone: '0113 222 3334' }],
};

const REFERRAL = {
  reason: 'Notice to quit; needs advice on rights and rehousing',
  urgency: 'soon' as const,
  sharedInfo: 'Name, date of birth, address and the notice',
};

const CONSENT_ANY: ChannelInput<'consent.record'>['consent'] = {
  storeData: true,
  shareScope: 'any',
  givenOn: '2026-11-01',
  method: 'written',
};

async function clientAndAgency(t: TestCore) {
  const client = await addNewPerson(t, {
    firstName: 'Zofia',
    lastName: 'Wiśniewska-Łęcka',
    dateOfBirth: '1984-05-17',
    address: 'ul. Żółkiewskiego 5\nLeeds',
    postcode: 'LS6 2AB',
    phone: '07700 900123',
    intakeDate: '2026-11-01',
  });
  const agency = await t.ok('agencies.save', { agency: AGENCY });
  return { client, agency };
}

async function draftReferral(
  t: TestCore,
  clientId: number,
  agencyId: number,
  extra: Partial<ChannelInput<'referrals.create'>['referral']> = {},
): Promise<Referral> {
  const list = await t.ok('referrals.create', { clientId, referral: { agencyId, ...REFERRAL, ...extra } });
  return list[0]!;
}

const send = (t: TestCore, r: Referral, on = '2026-11-23') =>
  t.call('referrals.setStatus', { id: r.id, version: r.version, status: 'sent', on, followUpOn: '2026-12-07' });

describe('the agency directory', () => {
  it('keeps agencies with contacts, finds them by any word without accents, and refuses a second of the same name', async () => {
    const t = await ready();
    const a = await t.ok('agencies.save', { agency: AGENCY });
    expect(a).toMatchObject({
      name: 'Łódź Housing Advice',
      referralRoutes: ['letter', 'email'],
      active: true,
      openReferrals: 0,
      version: 1,
    });
    expect(a.contacts.map((c) => c.name)).toEqual(['Grażyna Wójcik']);
    await t.ok('agencies.save', {
      agency: { name: 'StepChange Debt Charity', services: 'Debt advice', referralRoutes: ['phone', 'form'] },
    });

    expect((await t.ok('agencies.search', { query: 'lodz' })).map((x) => x.name)).toEqual(['Łódź Housing Advice']);
    expect((await t.ok('agencies.search', { query: 'debt' })).map((x) => x.name)).toEqual(['StepChange Debt Charity']);
    expect((await t.ok('agencies.search', { query: 'wojcik' })).map((x) => x.name)).toEqual(['Łódź Housing Advice']);
    expect((await t.ok('agencies.search', { query: 'advice housing' })).map((x) => x.name)).toEqual([
      'Łódź Housing Advice',
    ]);
    expect((await t.ok('agencies.search', { query: '100%_' })).length).toBe(0);
    expect((await t.ok('agencies.search', { query: '' })).map((x) => x.name)).toEqual([
      'Łódź Housing Advice',
      'StepChange Debt Charity',
    ]);

    expect((await t.fail('agencies.save', { agency: { ...AGENCY, name: 'lodz housing ADVICE' } })).fields).toEqual({
      'agency.name': 'agencyNameTaken',
    });
    expect(
      fieldIssues(agencyInputSchema.safeParse({ name: 'X', website: 'not a website', email: 'nope' }).error!),
    ).toEqual({ website: 'invalidWebsite', email: 'invalidEmail' });

    // Changing a contact keeps its id (referrals naming it keep it); one left out is removed.
    const changed = await t.ok('agencies.save', {
      target: { id: a.id, version: a.version },
      agency: {
        ...AGENCY,
        contacts: [
          { id: a.contacts[0]!.id, name: 'Grażyna Wójcik', role: 'Senior housing officer' },
          { name: 'Piotr Nowak' },
        ],
      },
    });
    expect(changed.contacts.map((c) => [c.id === a.contacts[0]!.id, c.role])).toEqual([
      [true, 'Senior housing officer'],
      [false, null],
    ]);
    expect((await t.fail('agencies.save', { target: { id: a.id, version: a.version }, agency: AGENCY })).code).toBe(
      'CONFLICT',
    );

    // Archived: still readable, not offered, and no new referral can name it.
    const archived = await t.ok('agencies.setActive', { id: a.id, active: false });
    expect(archived.active).toBe(false);
    expect((await t.ok('agencies.search', { query: '' })).map((x) => x.name)).toEqual(['StepChange Debt Charity']);
    expect(
      (await t.ok('agencies.search', { query: '', includeArchived: true })).map((x) => [x.name, x.active]),
    ).toEqual([
      ['StepChange Debt Charity', true],
      ['Łódź Housing Advice', false],
    ]);
    const c = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
    expect(
      (await t.fail('referrals.create', { clientId: c.id, referral: { agencyId: a.id, ...REFERRAL } })).fields,
    ).toEqual({ 'referral.agencyId': 'agencyArchived' });
  });
});

describe('the consent gate', () => {
  it('refuses to send when consent is missing, withdrawn, expired, refuses sharing, or names other agencies; allows a valid one', async () => {
    const t = await ready();
    const { client, agency } = await clientAndAgency(t);
    const r = await draftReferral(t, client.id, agency.id);
    expect(r).toMatchObject({
      status: 'draft',
      agencyName: 'Łódź Housing Advice',
      clientName: 'Zofia Wiśniewska-Łęcka',
    });

    const refused = async (reason: string) => {
      const res = await send(t, r);
      expect(res.ok).toBe(false);
      expect(!res.ok && res.error).toMatchObject({ code: 'CONSENT_REQUIRED', reason });
      // Nothing changed: still a draft at the same version.
      expect((await t.ok('referrals.forClient', { clientId: client.id }))[0]).toMatchObject({
        status: 'draft',
        version: r.version,
      });
    };

    await refused('missing');

    const rec = await t.ok('consent.record', {
      clientId: client.id,
      consent: { ...CONSENT_ANY, givenOn: '2026-11-02' },
    });
    await t.ok('consent.withdraw', { consentId: rec.consents[0]!.id, on: '2026-11-20', note: 'Changed her mind' });
    await refused('withdrawn');

    await t.ok('consent.record', {
      clientId: client.id,
      consent: { ...CONSENT_ANY, givenOn: '2026-11-03', expiresOn: '2026-11-22' },
    });
    await refused('expired');

    await t.ok('consent.record', {
      clientId: client.id,
      consent: { ...CONSENT_ANY, givenOn: '2026-11-04', shareScope: 'none' },
    });
    await refused('notShared');

    await t.ok('consent.record', {
      clientId: client.id,
      consent: { ...CONSENT_ANY, givenOn: '2026-11-05', shareScope: 'named', shareAgencies: ['Citizens Advice'] },
    });
    await refused('agencyNotNamed');

    // Named, written differently (capitals, no Polish letters): it is the same agency.
    await t.ok('consent.record', {
      clientId: client.id,
      consent: {
        ...CONSENT_ANY,
        givenOn: '2026-11-06',
        shareScope: 'named',
        shareAgencies: ['Citizens Advice', 'LODZ housing advice'],
      },
    });
    const sent = await send(t, r);
    expect(sent.ok).toBe(true);
    expect(sent.ok && sent.value[0]).toMatchObject({ status: 'sent', sentOn: '2026-11-23', followUpOn: '2026-12-07' });
  });

  it('a valid consent to share with any agency lets the referral go, and the referral letter too', async () => {
    const t = await ready();
    const { client, agency } = await clientAndAgency(t);
    const r = await draftReferral(t, client.id, agency.id);
    const template = (await t.ok('templates.list', {})).find((x) => x.kind === 'referral' && x.language === 'en')!;
    expect(
      (await t.fail('letters.preview', { clientId: client.id, templateId: template.id, referralId: r.id })).reason,
    ).toBe('missing');
    await t.ok('consent.record', { clientId: client.id, consent: CONSENT_ANY });
    expect((await send(t, r)).ok).toBe(true);
    expect(
      (await t.ok('letters.preview', { clientId: client.id, templateId: template.id, referralId: r.id })).subject,
    ).toBe('Referral: Zofia Wiśniewska-Łęcka (' + client.reference + ')');
  });
});

describe('referral status', () => {
  it('moves only along draft → sent → accepted/declined → completed (or withdrawn), each change dated and kept', async () => {
    const t = await ready();
    const { client, agency } = await clientAndAgency(t);
    await t.ok('consent.record', { clientId: client.id, consent: CONSENT_ANY });
    t.clock.now = Date.parse('2026-11-21T10:00:00Z');
    let r = await draftReferral(t, client.id, agency.id);
    const setStatus = (status: Referral['status'], extra: Partial<ChannelInput<'referrals.setStatus'>> = {}) =>
      t.call('referrals.setStatus', { id: r.id, version: r.version, status, on: '2026-11-21', ...extra });
    const refusedWith = async (
      status: Referral['status'],
      fields: Record<string, string>,
      extra: Partial<ChannelInput<'referrals.setStatus'>> = {},
    ) => {
      const res = await setStatus(status, extra);
      expect(res.ok, status).toBe(false);
      expect(!res.ok && res.error.fields, status).toEqual(fields);
    };

    // Every pair the table does not allow is refused with the same clear code.
    for (const from of REFERRAL_STATUSES)
      for (const to of REFERRAL_STATUSES)
        if (!(REFERRAL_TRANSITIONS[from] as readonly string[]).includes(to))
          expect(REFERRAL_TRANSITIONS[from]).not.toContain(to);
    await refusedWith('accepted', { status: 'transitionNotAllowed' });
    await refusedWith('completed', { status: 'transitionNotAllowed' }, { outcome: 'Housed' });
    await refusedWith('sent', { on: 'dateInFuture' }, { on: '2026-11-22' });
    await refusedWith('sent', { on: 'beforeLastChange' }, { on: '2026-11-20' });

    t.clock.now = Date.parse('2026-11-23T10:00:00Z');
    r = (
      await t.ok('referrals.setStatus', {
        id: r.id,
        version: r.version,
        status: 'sent',
        on: '2026-11-22',
        followUpOn: '2026-12-08',
      })
    )[0]!;
    await refusedWith('completed', { status: 'transitionNotAllowed' }, { outcome: 'Housed' });
    await refusedWith('declined', { note: 'reasonRequired' });
    await refusedWith('sent', { status: 'transitionNotAllowed' });
    r = (
      await t.ok('referrals.setStatus', {
        id: r.id,
        version: r.version,
        status: 'accepted',
        on: '2026-11-23',
        note: 'Appointment on 2 Dec',
        followUpOn: '2026-12-03',
      })
    )[0]!;
    expect(r).toMatchObject({
      status: 'accepted',
      statusOn: '2026-11-23',
      sentOn: '2026-11-22',
      followUpOn: '2026-12-03',
    });
    await refusedWith('completed', { outcome: 'outcomeRequired' });
    expect(
      (
        await t.fail('referrals.setStatus', {
          id: r.id,
          version: r.version - 1,
          status: 'withdrawn',
          on: '2026-11-23',
          note: 'x',
        })
      ).code,
    ).toBe('CONFLICT');
    r = (
      await t.ok('referrals.setStatus', {
        id: r.id,
        version: r.version,
        status: 'completed',
        on: '2026-11-23',
        outcome: 'Rehoused in a housing association flat',
        followUpOn: '2026-12-10',
      })
    )[0]!;
    // Finished: no follow-up, no further changes, nothing more to edit.
    expect(r).toMatchObject({
      status: 'completed',
      followUpOn: null,
      outcome: 'Rehoused in a housing association flat',
    });
    for (const to of REFERRAL_STATUSES)
      await refusedWith(to, { status: 'transitionNotAllowed' }, { note: 'n', outcome: 'o' });
    expect(
      (
        await t.fail('referrals.update', {
          id: r.id,
          version: r.version,
          referral: { agencyId: agency.id, ...REFERRAL },
        })
      ).fields,
    ).toEqual({ status: 'referralFinished' });
    expect(r.changes.map((c) => [c.fromStatus, c.status, c.on, c.note])).toEqual([
      [null, 'draft', '2026-11-21', null],
      ['draft', 'sent', '2026-11-22', null],
      ['sent', 'accepted', '2026-11-23', 'Appointment on 2 Dec'],
      ['accepted', 'completed', '2026-11-23', null],
    ]);
    expect(r.changes.every((c) => c.byName === 'Anna Kowalska')).toBe(true);
  });

  it('form rules: declined and withdrawn need a reason, completed an outcome, the follow-up not before the change', () => {
    const base = { id: 1, version: 1, on: '2026-11-20' };
    const issues = (v: object) => {
      const r = onDay('2026-11-23', () => referralStatusInputSchema.safeParse({ ...base, ...v }));
      return r.success ? {} : fieldIssues(r.error);
    };
    expect(issues({ status: 'declined' })).toEqual({ note: 'reasonRequired' });
    expect(issues({ status: 'withdrawn', note: '  ' })).toEqual({ note: 'reasonRequired' });
    expect(issues({ status: 'completed' })).toEqual({ outcome: 'outcomeRequired' });
    expect(issues({ status: 'sent', followUpOn: '2026-11-19' })).toEqual({ followUpOn: 'followUpBeforeChange' });
    expect(issues({ status: 'sent', followUpOn: '2026-12-04' })).toEqual({});
  });

  it('the agency of a sent referral is fixed; an agency contact must be that agency’s; a draft can change agency', async () => {
    const t = await ready();
    const { client, agency } = await clientAndAgency(t);
    const other = await t.ok('agencies.save', { agency: { name: 'StepChange', contacts: [{ name: 'Ola' }] } });
    expect(
      (
        await t.fail('referrals.create', {
          clientId: client.id,
          referral: { agencyId: agency.id, contactId: other.contacts[0]!.id, ...REFERRAL },
        })
      ).fields,
    ).toEqual({ 'referral.contactId': 'invalid' });
    let r = await draftReferral(t, client.id, agency.id, { contactId: agency.contacts[0]!.id });
    expect(r.contactName).toBe('Grażyna Wójcik');
    r = (
      await t.ok('referrals.update', { id: r.id, version: r.version, referral: { agencyId: other.id, ...REFERRAL } })
    )[0]!;
    expect(r.agencyName).toBe('StepChange');
    await t.ok('consent.record', { clientId: client.id, consent: CONSENT_ANY });
    r = (await t.ok('referrals.setStatus', { id: r.id, version: r.version, status: 'sent', on: '2026-11-23' }))[0]!;
    expect(
      (
        await t.fail('referrals.update', {
          id: r.id,
          version: r.version,
          referral: { agencyId: agency.id, ...REFERRAL },
        })
      ).fields,
    ).toEqual({ 'referral.agencyId': 'agencyFixedOnceSent' });
    r = (
      await t.ok('referrals.update', {
        id: r.id,
        version: r.version,
        referral: { agencyId: other.id, ...REFERRAL, reason: 'Debts as well', followUpOn: '2026-12-01' },
      })
    )[0]!;
    expect(r).toMatchObject({ reason: 'Debts as well', followUpOn: '2026-12-01', status: 'sent' });
  });

  it('lists: open and overdue across clients, only mine, and the home screen reminders', async () => {
    const t = await ready();
    const { client, agency } = await clientAndAgency(t);
    await t.ok('consent.record', { clientId: client.id, consent: CONSENT_ANY });
    const a = await draftReferral(t, client.id, agency.id, { followUpOn: '2026-11-20' });
    const b = await draftReferral(t, client.id, agency.id, { followUpOn: '2026-11-28' });
    const c = await draftReferral(t, client.id, agency.id, { followUpOn: '2027-01-10' });
    await t.ok('referrals.setStatus', {
      id: c.id,
      version: c.version,
      status: 'withdrawn',
      on: '2026-11-23',
      note: 'No longer needed',
    });

    const ids = (r: { items: { id: number }[] }) => r.items.map((x) => x.id);
    expect(ids(await t.ok('referrals.list', {}))).toEqual([a.id, b.id]);
    expect(ids(await t.ok('referrals.list', { show: 'overdue' }))).toEqual([a.id]);
    expect((await t.ok('referrals.list', { show: 'all' })).total).toBe(3);
    expect((await t.ok('agencies.get', { id: agency.id })).openReferrals).toBe(2);

    const home = await t.ok('caseload.get', {});
    expect(home.referralsToFollowUp.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(home.referralsOverdue).toBe(1);

    await signInAsNewUser(t, 'Piotr Caseworker', 'caseworker');
    expect((await t.ok('referrals.list', { mine: true })).total).toBe(0);
    expect((await t.ok('referrals.list', {})).total).toBe(2);
    const theirs = await t.ok('caseload.get', {});
    expect(theirs).toMatchObject({ referralsToFollowUp: [], referralsOverdue: 0 });
  });
});

describe('letter templates', () => {
  it('come in English and Polish for every kind, and use only fields their kind can fill', async () => {
    const t = await ready();
    const templates = await t.ok('templates.list', {});
    for (const kind of LETTER_KINDS)
      for (const language of ['en', 'pl'])
        expect(
          templates.filter((x) => x.kind === kind && x.language === language),
          `${kind} ${language}`,
        ).toHaveLength(1);
    for (const x of templates)
      expect(templateProblems(x.kind, x.subject, x.body), x.name).toEqual({
        unknown: [],
        notForKind: [],
        unclosed: false,
      });
  });

  it('flags unknown fields, fields from another kind of letter and unclosed braces before saving', async () => {
    expect(templateProblems('general', 'Dear {{client.name}}, {{ client.nmae }}')).toEqual({
      unknown: ['client.nmae'],
      notForKind: [],
      unclosed: false,
    });
    expect(templateProblems('general', '{{agency.name}}')).toEqual({
      unknown: [],
      notForKind: ['agency.name'],
      unclosed: false,
    });
    expect(templateProblems('general', 'Dear {{client.name}, hello')).toMatchObject({ unclosed: true });
    expect(templateProblems('general', 'stray }} here')).toMatchObject({ unclosed: true });

    const t = await ready();
    const tpl = {
      kind: 'general' as const,
      language: 'en' as const,
      name: 'Letter to a landlord',
      subject: 'About {{client.name}}',
      body: 'Dear Sir or Madam,\n\n{{letter.text}}',
    };
    expect((await t.fail('templates.save', { template: { ...tpl, body: 'Hello {{client.nmae}}' } })).fields).toEqual({
      'template.body': 'templateUnknownField',
    });
    expect((await t.fail('templates.save', { template: { ...tpl, subject: 'For {{agency.name}}' } })).fields).toEqual({
      'template.subject': 'templateFieldNotForKind',
    });
    expect((await t.fail('templates.save', { template: { ...tpl, body: 'Hello {{client.name' } })).fields).toEqual({
      'template.body': 'templateUnclosedField',
    });
    const saved = await t.ok('templates.save', { template: tpl });
    const mine = saved.templates.find((x) => x.id === saved.id)!;
    expect(mine).toMatchObject({
      name: 'Letter to a landlord',
      builtinKey: null,
      active: true,
      updatedByName: 'Anna Kowalska',
    });
    const builtin = saved.templates.find((x) => x.builtinKey === 'general.en')!;
    expect(
      (
        await t.fail('templates.save', {
          target: { id: builtin.id, version: builtin.version },
          template: { ...tpl, kind: 'appointment' },
        })
      ).fields,
    ).toEqual({ 'template.kind': 'templateKindFixed' });
    expect((await t.fail('templates.setActive', { id: builtin.id, active: false })).fields).toEqual({
      active: 'builtinTemplate',
    });
    const afterArchive = await t.ok('templates.setActive', { id: mine.id, active: false });
    expect(afterArchive.find((x) => x.id === mine.id)!.active).toBe(false);
    expect((await t.ok('templates.list', {})).some((x) => x.id === mine.id)).toBe(false);
    expect(
      (
        await t.fail('templates.save', {
          template: { kind: 'safetyPlan', language: 'en', name: 'Another', subject: 'x', body: 'y' },
        })
      ).fields,
    ).toEqual({ 'template.language': 'safetyPlanPageExists' });
  });

  it('merges every field, leaving nothing as {{field}}, and lists fields with nothing to fill them', () => {
    const values = Object.fromEntries(ALL_MERGE_FIELDS.map((f) => [f, `<${f}>`]));
    const every = ALL_MERGE_FIELDS.map((f) => `${f}: {{${f}}}`).join('\n');
    const merged = mergeText(every, values);
    expect(merged.text).not.toContain('{{');
    for (const f of ALL_MERGE_FIELDS) expect(merged.text).toContain(`${f}: <${f}>`);
    expect(merged.empty).toEqual([]);
    expect(mergeText('A {{client.phone}} B {{ client.phone }}', { 'client.phone': null })).toEqual({
      text: '',
      empty: ['client.phone'],
      dropped: ['A … B …'],
    });
    // A line that is only a label and empty fields is left out rather than printed bare.
    expect(mergeText('Urgency: {{referral.urgency}}\n{{referral.sharedInfo}}\nThanks', {})).toEqual({
      text: 'Thanks',
      empty: ['referral.urgency', 'referral.sharedInfo'],
      dropped: [],
    });
  });

  it('never prints a sentence around an empty field: the sentence, or the optional part [[…]], is left out and the preview says which', () => {
    // The issue's example: no phone number.
    expect(mergeText('If you have any questions, please ring us on {{charity.phone}}.', {})).toEqual({
      text: '',
      empty: ['charity.phone'],
      dropped: ['If you have any questions, please ring us on ….'],
    });
    // Only the sentence with the empty field goes; field names' full stops do not cut sentences.
    expect(
      mergeText('Thank you. Ring {{charity.phone}} today! Yours, {{caseworker.name}}.', { 'caseworker.name': 'Anna' })
        .text,
    ).toBe('Thank you. Yours, Anna.');
    // An optional part goes alone; the sentence around it stays whole.
    const reach =
      'You can reach {{caseworker.name}}[[ on {{charity.phone}}]][[ or at {{charity.email}}]]; please quote {{letter.reference}}.';
    expect(
      mergeText(reach, {
        'caseworker.name': 'Anna',
        'charity.email': 'help@example.org',
        'letter.reference': 'CB-00001/R1',
      }),
    ).toEqual({
      text: 'You can reach Anna or at help@example.org; please quote CB-00001/R1.',
      empty: ['charity.phone'],
      dropped: ['on …'],
    });
    expect(
      mergeText(reach, { 'caseworker.name': 'Anna', 'charity.phone': '0113 496 0000', 'letter.reference': 'R' }).text,
    ).toBe('You can reach Anna on 0113 496 0000; please quote R.');
    // A heading over lines that all went goes with them.
    const shared = mergeText('Hello.\n\nWhat we are sharing with you:\n{{referral.sharedInfo}}\n\nThank you.', {});
    expect(tidyLetterBody(shared.text)).toBe('Hello.\n\nThank you.');
    expect(shared.dropped).toEqual(['What we are sharing with you:']);
  });
});

describe('letters', () => {
  async function sentReferral(t: TestCore) {
    const { client, agency } = await clientAndAgency(t);
    await t.ok('consent.record', { clientId: client.id, consent: CONSENT_ANY });
    const housing = (await t.ok('needAreas.list', {})).find((a) => a.builtinKey === 'housing')!;
    let r = await draftReferral(t, client.id, agency.id, {
      contactId: agency.contacts[0]!.id,
      areaId: housing.id,
      followUpOn: '2026-12-07',
    });
    r = (
      await t.ok('referrals.setStatus', {
        id: r.id,
        version: r.version,
        status: 'sent',
        on: '2026-11-23',
        followUpOn: '2026-12-07',
      })
    )[0]!;
    return { client, agency, referral: r };
  }

  it('fills every field a referral letter can use from the records', async () => {
    const t = await ready();
    await t.ok('charity.update', {
      name: 'Przystań Community Aid',
      address: '12 High Street\nLeeds LS1 4AB',
      charityNumber: '1234567',
      phone: '0113 496 0000',
      email: 'help@przystan.example.org',
    });
    const { client, referral } = await sentReferral(t);
    const every = fieldsForKind('referral')
      .map((f) => `${f} = {{${f}}}`)
      .join('\n');
    const saved = await t.ok('templates.save', {
      template: {
        kind: 'referral',
        language: 'en',
        name: 'Every field',
        subject: 'All of {{client.name}}',
        body: every,
      },
    });
    const letter = await t.ok('letters.preview', {
      clientId: client.id,
      templateId: saved.id,
      referralId: referral.id,
      text: 'Typed for this letter',
    });
    expect(letter.emptyFields).toEqual([]);
    expect(letter.body).not.toContain('{{');
    const got = Object.fromEntries(
      letter.body
        .split('\n')
        .filter((l) => l.includes(' = '))
        .map((l) => l.split(' = ') as [string, string]),
    );
    expect(got).toEqual({
      'charity.name': 'Przystań Community Aid',
      'charity.address': '12 High Street',
      'charity.number': '1234567',
      'charity.phone': '0113 496 0000',
      'charity.email': 'help@przystan.example.org',
      'client.name': 'Zofia Wiśniewska-Łęcka',
      'client.firstName': 'Zofia',
      'client.lastName': 'Wiśniewska-Łęcka',
      'client.reference': client.reference,
      'client.dateOfBirth': '17 May 1984',
      'client.address': 'ul. Żółkiewskiego 5',
      'client.phone': '07700 900123',
      'caseworker.name': 'Anna Kowalska',
      'letter.date': '23 November 2026',
      'letter.reference': `${client.reference}/R${referral.id}`,
      'letter.text': 'Typed for this letter',
      'agency.name': 'Łódź Housing Advice',
      'agency.contact': 'Grażyna Wójcik',
      'agency.address': '4 Park Row',
      'agency.phone': '0113 222 3333',
      'agency.email': 'referrals@housing.example.org',
      'referral.reason': REFERRAL.reason,
      'referral.needArea': 'Housing',
      'referral.urgency': 'Soon',
      'referral.sharedInfo': REFERRAL.sharedInfo,
      'referral.date': '23 November 2026',
      'referral.followUpOn': '7 December 2026',
    });
    // Multi-line values keep their lines (the rest of each address follows on the next line).
    expect(letter.body).toContain('client.address = ul. Żółkiewskiego 5\nLeeds\nLS6 2AB');
    expect(letter).toMatchObject({
      recipient: ['Grażyna Wójcik, Housing officer', 'Łódź Housing Advice', '4 Park Row', 'Leeds LS1 5HD'],
      reference: `${client.reference}/R${referral.id}`,
      signatureName: 'Anna Kowalska',
      date: '2026-11-23',
    });
    // Same request, same letter.
    expect(
      await t.ok('letters.preview', {
        clientId: client.id,
        templateId: saved.id,
        referralId: referral.id,
        text: 'Typed for this letter',
      }),
    ).toEqual(letter);
  });

  it('a letter in the client’s language (Polish) whatever the screen’s, kept, saved as PDF with Polish letters intact', async () => {
    const t = await ready();
    const { client, referral } = await sentReferral(t);
    const pl = (await t.ok('templates.list', {})).find((x) => x.kind === 'referral' && x.language === 'pl')!;
    const request = { clientId: client.id, templateId: pl.id, referralId: referral.id };
    const preview = await t.ok('letters.preview', request);
    expect(preview.subject).toBe(`Skierowanie: Zofia Wiśniewska-Łęcka (${client.reference})`);
    expect(preview.body).toContain('data urodzenia: 17 maja 1984');
    expect(preview.emptyFields).toEqual(['charity.email']);

    const kept = await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });
    expect(kept).toMatchObject({
      clientId: client.id,
      templateName: 'Skierowanie',
      kind: 'referral',
      language: 'pl',
      referralId: referral.id,
      writtenByName: 'Anna Kowalska',
    });
    expect((await t.ok('letters.forClient', { clientId: client.id })).map((l) => l.id)).toEqual([kept.id]);

    const { path } = await t.ok('letters.savePdf', { id: kept.id });
    const text = pdfText(path);
    expect(text).toContain('Zofia Wiśniewska-Łęcka');
    expect(text).toContain('Grażyna Wójcik');
    expect(text).toContain('Łódź Housing Advice');
    expect(text).toContain('ul. Żółkiewskiego 5');
    expect(text).toContain('Przystań Community Aid');
    expect(text).toContain('Nasz znak');
    expect(text).toContain(`${client.reference}/R${referral.id}`);
    expect(text).toContain('23 listopada 2026');
    expect(text).toMatch(/Strona 1 z [12]/);
    expect(text).not.toMatch(/\{\{|\}\}/);

    // Printed again later: the same words.
    const again = await t.ok('letters.savePdf', { id: kept.id });
    expect(pdfText(again.path)).toBe(text);
    const audit = await t.ok('audit.list', { client: client.reference });
    expect(audit.items.map((a) => a.action)).toEqual(expect.arrayContaining(['letter.written', 'letter.saved']));
    // Printed: the same pages again.
    expect(pdfText(Buffer.from((await t.ok('letters.print', { id: kept.id })).pdf, 'base64'))).toBe(text);
  });

  it('a three-page letter numbers its pages and repeats the reference on the pages after the first', async () => {
    const t = await ready();
    const client = await addNewPerson(t, { firstName: 'Łukasz', lastName: 'Żak', address: '1 Long Lane\nLeeds' });
    const general = (await t.ok('templates.list', {})).find((x) => x.kind === 'general' && x.language === 'en')!;
    const paragraph =
      'Gęślą jaźń. This paragraph is long enough to take several lines on an A4 page, so that a long letter runs onto more pages. '.repeat(
        3,
      );
    const request = {
      clientId: client.id,
      templateId: general.id,
      text: Array.from({ length: 16 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n\n'),
    };
    const preview = await t.ok('letters.preview', request);
    const kept = await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });
    const { path } = await t.ok('letters.savePdf', { id: kept.id });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]);
    expect(pages).toBe(3);
    expect(pdfText(path, 1)).toContain('Page 1 of 3');
    for (const p of [2, 3]) {
      const text = pdfText(path, p);
      expect(text).toContain(`Page ${p} of 3`);
      expect(text).toContain(`Our reference ${client.reference}`);
    }
    expect(pdfText(path, 3)).toContain('Anna Kowalska');
    expect(pdfText(path)).toContain('Gęślą jaźń');
  });

  it('an appointment letter needs its appointment; a referral letter its referral; the letter can be reworded before keeping', async () => {
    const t = await ready();
    const client = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
    const templates = await t.ok('templates.list', {});
    const appt = templates.find((x) => x.kind === 'appointment' && x.language === 'en')!;
    const ref = templates.find((x) => x.kind === 'referral' && x.language === 'en')!;
    expect((await t.fail('letters.preview', { clientId: client.id, templateId: appt.id })).fields).toEqual({
      'appointment.date': 'required',
    });
    expect((await t.fail('letters.preview', { clientId: client.id, templateId: ref.id })).fields).toEqual({
      referralId: 'required',
    });
    const request = {
      clientId: client.id,
      templateId: appt.id,
      appointment: { date: '2026-12-02', time: '14:30', place: 'Our office, 12 High Street' },
    };
    const preview = await t.ok('letters.preview', request);
    expect(preview.subject).toBe('Your appointment on 2 December 2026');
    expect(preview.body).toContain('Time: 14:30');
    expect(preview.body).not.toMatch(/\n{3,}/);
    expect(preview.recipient).toEqual(['Jan Nowak']);
    const kept = await t.ok('letters.keep', {
      request,
      edits: { subject: 'Your appointment', body: `${preview.body}\n\nPS: bring your tenancy agreement.` },
    });
    expect(kept.content.body).toContain('PS: bring your tenancy agreement.');
    expect(kept.content.subject).toBe('Your appointment');
    const audit = await t.ok('audit.list', { client: client.reference, action: 'letter.written' });
    expect(audit.items[0]!.detail).toMatchObject({ reworded: true });
  });

  it('the letterhead logo: a PNG or JPEG only, printed on the letter', async () => {
    const t = await ready();
    const dir = tempDir();
    const logo = join(dir, 'logo.png');
    writeFileSync(logo, png(120, 40, [28, 79, 124]));
    const notPicture = join(dir, 'logo.png.txt');
    writeFileSync(notPicture, 'hello');
    t.platform.nextFile = notPicture;
    expect((await t.fail('charity.chooseLogo', {})).fields).toEqual({ logo: 'logoNotAPicture' });
    t.platform.nextFile = join(dir, 'gone-with-the-usb-stick.png');
    expect((await t.fail('charity.chooseLogo', {})).fields).toEqual({ logo: 'fileUnreadable' });
    t.platform.nextFile = logo;
    const set = await t.ok('charity.chooseLogo', {});
    expect(set.dataUrl).toMatch(/^data:image\/png;base64,iVBOR/);
    expect((await t.ok('charity.logo', {})).dataUrl).toBe(set.dataUrl);

    const client = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
    const general = (await t.ok('templates.list', {})).find((x) => x.kind === 'general' && x.language === 'en')!;
    const request = { clientId: client.id, templateId: general.id, text: 'Hello.' };
    const preview = await t.ok('letters.preview', request);
    const kept = await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });
    const { path } = await t.ok('letters.savePdf', { id: kept.id });
    expect(execFileSync('pdfimages', ['-list', path]).toString()).toMatch(/\n\s*1\s+0\s+image\s+120\s+40/);
    expect((await t.ok('charity.removeLogo', {})).dataUrl).toBeNull();
  });

  it('the safety plan page uses the charity’s template, in the client’s language', async () => {
    const t = await ready();
    const client = await addNewPerson(t, { firstName: 'Ola', lastName: 'Żak', preferredLanguage: 'pl' });
    await t.ok('safetyPlans.save', {
      clientId: client.id,
      plan: {
        warningSigns: 'Nie śpię',
        copingSteps: 'Spacer',
        contacts: [{ name: 'Samaritans', phone: '116 123' }],
        agreedOn: '2026-11-20',
        reviewOn: '2027-02-20',
      },
    });
    const page = (await t.ok('templates.list', {})).find((x) => x.kind === 'safetyPlan' && x.language === 'pl')!;
    await t.ok('templates.save', {
      target: { id: page.id, version: page.version },
      template: {
        kind: 'safetyPlan',
        language: 'pl',
        name: page.name,
        subject: 'Plan bezpieczeństwa: {{client.firstName}}',
        body: 'W nagłym wypadku dzwoń 112.\n{{charity.name}} · {{charity.phone}}\nPrzegląd: {{safetyPlan.reviewOn}}',
      },
    });
    const { path } = await t.ok('safetyPlans.savePdf', { clientId: client.id });
    const text = pdfText(path);
    expect(text).toContain('Plan bezpieczeństwa: Ola');
    expect(text).toContain('W nagłym wypadku dzwoń 112.');
    expect(text).toContain('Przegląd: 20 lutego 2027');
    expect(text).not.toContain('{{');
  });

  it('referrals and letters move with a merged client and go with an erased one', async () => {
    const t = await ready();
    const { client, referral } = await sentReferral(t);
    const general = (await t.ok('templates.list', {})).find((x) => x.kind === 'general' && x.language === 'en')!;
    const request = { clientId: client.id, templateId: general.id, text: 'Hello.' };
    const preview = await t.ok('letters.preview', request);
    await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });
    const keep = await addNewPerson(t, { firstName: 'Zofia', lastName: 'Wiśniewska' });
    await t.ok('clients.merge', { keepId: keep.id, mergeId: client.id });
    expect((await t.ok('referrals.forClient', { clientId: keep.id })).map((r) => r.id)).toEqual([referral.id]);
    expect(await t.ok('letters.forClient', { clientId: keep.id })).toHaveLength(1);
    t.cb.write((db) => db.run(sql`DELETE FROM clients WHERE id = ${keep.id}`));
    const left = t.cb.read((db) =>
      db.get<{ n: number }>(
        sql`SELECT (SELECT count(*) FROM referrals) + (SELECT count(*) FROM referral_changes) + (SELECT count(*) FROM letters) AS n`,
      ),
    );
    expect(left!.n).toBe(0);
  });
});
