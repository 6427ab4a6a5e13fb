import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/domain/user';
import { ADMIN, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';
import { withZofia } from './zofia';

/**
 * Who may call what. Typed as a Record over every channel, so a new channel does not compile until
 * somebody decides its rule here, and the test checks the contract says the same.
 */
const A: Role[] = ['admin'];
const CW: Role[] = ['admin', 'caseworker'];
const ALL: Role[] = ['admin', 'caseworker', 'volunteer'];
const EXPECTED: Record<Channel, 'open' | Role[]> = {
  'app.status': 'open',
  'app.setLanguage': 'open',
  'app.about': 'open',
  'app.openFolder': 'open',
  'setup.prepare': 'open',
  'setup.saveRecoverySheet': 'open',
  'setup.printRecoverySheet': 'open',
  'setup.finish': 'open',
  'signIn.unlock': 'open',
  'signIn.unlockWithRecoveryKey': 'open',
  'signIn.lock': 'open',
  'signIn.touch': 'open',
  'signIn.setNewPassword': ALL,
  'signIn.changePassword': ALL,
  'charity.get': ALL,
  'charity.update': A,
  'charity.logo': ALL,
  'charity.chooseLogo': A,
  'charity.removeLogo': A,
  'settings.update': A,
  'settings.setOwnClientsOnly': A,
  'users.list': A,
  'users.create': A,
  'users.update': A,
  'users.deactivate': A,
  'users.resetPassword': A,
  'recovery.prepare': A,
  'recovery.saveSheet': A,
  'recovery.printSheet': A,
  'recovery.confirm': A,
  'audit.list': A,
  'audit.exportCsv': A,
  'fullExport.everything': A,
  'audit.verify': A,
  'backup.status': ALL,
  'backup.updateSettings': A,
  'backup.drives': A,
  'backup.chooseFolder': A,
  'backup.create': A,
  'backup.chooseFile': 'open',
  'backup.inspect': 'open',
  'backup.restore': 'open',
  'signIn.acceptRecordsAsTheyAre': A,
  'jobs.progress': 'open',
  'jobs.cancel': 'open',
  'settings.setVolunteersSeeContactDetails': A,
  'erasure.savedFiles': A,
  'printouts.print': 'open',
  'clients.search': ALL,
  'clients.count': ALL,
  'clients.get': ALL,
  'clients.findDuplicates': CW,
  'clients.intake': CW,
  'clients.update': CW,
  'clients.setStatus': CW,
  'clients.merge': A,
  'clients.caseworkers': ALL,
  'clients.share': CW,
  'consent.record': CW,
  'consent.withdraw': CW,
  'household.save': CW,
  'household.remove': CW,
  'household.saveContact': CW,
  'household.removeContact': CW,
  'riskFlags.raise': CW,
  'riskFlags.remove': CW,
  'assessments.save': CW,
  'needAreas.list': ALL,
  'needAreas.save': A,
  'reviews.record': CW,
  'reviews.interval': ALL,
  'reviews.setInterval': A,
  'plans.get': ALL,
  'plans.agree': CW,
  'plans.update': CW,
  'plans.end': CW,
  'goals.save': CW,
  'goals.update': CW,
  'tasks.save': CW,
  'tasks.setDone': ALL,
  'tasks.assignees': ALL,
  'notes.save': ALL,
  'notes.get': ALL,
  'notes.history': ALL,
  'timeline.get': ALL,
  'safetyPlans.get': ALL,
  'safetyPlans.save': CW,
  'safetyPlans.savePdf': ALL,
  'safetyPlans.print': ALL,
  'caseload.get': ALL,
  'diary.list': ALL,
  'diary.get': ALL,
  'diary.book': ALL,
  'diary.change': ALL,
  'diary.cancel': ALL,
  'diary.setOutcome': ALL,
  'diary.forClient': ALL,
  'diary.safetyAlerts': ALL,
  'diary.backSafely': ALL,
  'diary.setLoneWorkingSteps': A,
  'diary.myDetails': ALL,
  'diary.textsToSend': ALL,
  'diary.daySheetPdf': ALL,
  'diary.daySheetPrint': ALL,
  'diary.markTexted': ALL,
  'digest.get': ALL,
  'digest.markAllRead': ALL,
  'handover.write': ALL,
  'handover.markRead': ALL,
  'diary.setMyDetails': ALL,
  'agencies.search': ALL,
  'agencies.get': ALL,
  'agencies.save': CW,
  'agencies.setActive': CW,
  'referrals.forClient': CW,
  'referrals.create': CW,
  'referrals.update': CW,
  'referrals.setStatus': CW,
  'referrals.list': CW,
  'templates.list': CW,
  'templates.save': A,
  'templates.setActive': A,
  'documents.forClient': CW,
  'signposting.list': ALL,
  'signposting.get': ALL,
  'signposting.record': ALL,
  'signposting.agencySheetPdf': ALL,
  'signposting.agencySheetPrint': ALL,
  'incoming.list': CW,
  'incoming.get': CW,
  'incoming.log': CW,
  'incoming.change': CW,
  'incoming.waitlist': CW,
  'incoming.offer': CW,
  'incoming.decline': CW,
  'incoming.stillNeed': CW,
  'incoming.forProgramme': CW,
  'incoming.setStillNeedDays': A,
  'customFields.list': ALL,
  'customFields.save': A,
  'customFields.setActive': A,
  'customFields.move': A,
  'customFields.answer': CW,
  'incoming.replyPreview': CW,
  'incoming.replyKeep': CW,
  'incoming.replySavePdf': CW,
  'incoming.replyPrint': CW,
  'retention.setNonClientMonths': A,
  'retention.forgetNonClients': A,
  'forms.list': ALL,
  'forms.save': A,
  'forms.setActive': A,
  'forms.entries': ALL,
  'forms.fill': CW,
  'eligibility.services': CW,
  'eligibility.saveService': A,
  'eligibility.setServiceActive': A,
  'eligibility.forClient': CW,
  'eligibility.record': CW,
  'eligibility.rechecksDue': CW,
  'documents.chooseFiles': CW,
  'documents.add': CW,
  'documents.update': CW,
  'documents.open': CW,
  'documents.saveCopy': CW,
  'documents.remove': CW,
  'documents.deleteOriginal': CW,
  'documents.inbox': CW,
  'documents.setScannerFolder': A,
  'documents.inboxView': CW,
  'documents.fileFromInbox': CW,
  'letters.preview': CW,
  'letters.keep': CW,
  'letters.forClient': CW,
  'letters.get': CW,
  'letters.savePdf': CW,
  'letters.print': CW,
  'programmes.list': ALL,
  'programmes.get': ALL,
  'programmes.save': CW,
  'programmes.figures': CW,
  'programmes.register': ALL,
  'programmes.answerRegistration': ALL,
  'programmes.unregister': CW,
  'programmes.forClient': ALL,
  'sessions.add': CW,
  'sessions.update': CW,
  'sessions.setCancelled': CW,
  'sessions.remove': CW,
  'sessions.register': ALL,
  'sessions.registerPdf': ALL,
  'sessions.registerPrint': ALL,
  'attendance.mark': ALL,
  'attendance.headcount': ALL,
  'helpTypes.list': ALL,
  'helpTypes.save': A,
  'helpGiven.forClient': ALL,
  'helpGiven.check': ALL,
  'helpGiven.give': ALL,
  'helpGiven.remove': CW,
  'helpGiven.list': CW,
  'helpGiven.totals': CW,
  'reports.funder': CW,
  'erasure.eraseClient': A,
  'retention.get': A,
  'retention.setYears': A,
  'retention.keep': A,
  'retention.setDocumentDays': A,
  'retention.keepDocument': A,
  'clients.exportCsv': CW,
  'reports.savePdf': CW,
  'reports.print': CW,
  'reports.saveCsv': CW,
  'subjectAccess.record': CW,
  'subjectAccess.forClient': CW,
  'subjectAccess.open': CW,
  'subjectAccess.savePack': CW,
  'subjectAccess.printPack': CW,
  'subjectAccess.answered': CW,
  'imports.choose': A,
  'imports.preview': A,
  'imports.run': A,
  'imports.list': A,
  'imports.undo': A,
};

describe('role rules', () => {
  it('the contract gives every channel the rule decided here', () => {
    for (const ch of CHANNELS) {
      const access = contract[ch].access;
      expect(access === 'open' ? 'open' : [...access].sort(), ch).toEqual(
        EXPECTED[ch] === 'open' ? 'open' : [...EXPECTED[ch]].sort(),
      );
    }
  });

  describe('enforced in the core for every channel and every role', () => {
    const sessions = {} as Record<Role, TestCore>;
    beforeAll(async () => {
      const admin = startCore({ lifetime: 'file' });
      await setUp(admin);
      await admin.ok('clients.intake', { details: { firstName: 'Jan', lastName: 'Nowak' } });
      const shared = admin.dataDir;
      const passwords: Record<Role, [string, string]> = {
        admin: [ADMIN.name, ADMIN.password],
        caseworker: ['', ''],
        volunteer: ['', ''],
      };
      for (const role of ['caseworker', 'volunteer'] as const) {
        const { password } = await signInAsNewUser(admin, `Test ${role}`, role);
        passwords[role] = [`Test ${role}`, password];
        await admin.ok('signIn.lock', {});
        await admin.ok('signIn.unlock', ADMIN);
      }
      admin.cb.dispose();
      for (const role of ROLES) {
        const t = startCore({ dataDir: shared, lifetime: 'file' });
        await t.ok('signIn.unlock', { name: passwords[role][0], password: passwords[role][1] });
        sessions[role] = t;
      }
    }, 60_000);

    for (const ch of CHANNELS.filter((c) => EXPECTED[c] !== 'open')) {
      it(`${ch}`, async () => {
        for (const role of ROLES) {
          // Input is deliberately empty: the role is checked before anything else is looked at.
          const r = await sessions[role].call(ch, {} as never);
          const refused = !r.ok && r.error.code === 'FORBIDDEN';
          expect(refused, `${role} on ${ch}: ${JSON.stringify(r)}`).toBe(!(EXPECTED[ch] as Role[]).includes(role));
        }
      });
    }
  });
});

describe('what a volunteer sees of a client', () => {
  it('names, references, risk flags and groups; contact details, household and safety plan only when the charity allows it', async () => {
    const t = startCore();
    await setUp(t);
    const zofia = await withZofia(t);
    const { password } = await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');

    const record = await t.ok('clients.get', { id: zofia.id });
    expect(record.contactDetailsWithheld).toBe(true);
    expect(record.client).toMatchObject({
      firstName: 'Zofia',
      reference: zofia.reference,
      dateOfBirth: null,
      phone: null,
      email: null,
      address: null,
      postcode: null,
    });
    expect([record.household, record.contacts]).toEqual([[], []]);
    expect(record.riskFlags.map((f) => f.kind)).toEqual(['violence']);
    const listed = (await t.ok('clients.search', { query: 'zofia' })).items[0]!;
    expect([listed.reference, listed.dateOfBirth, listed.phone, listed.postcode]).toEqual([
      zofia.reference,
      null,
      null,
      null,
    ]);
    for (const refused of [
      await t.fail('safetyPlans.get', { clientId: zofia.id }),
      await t.fail('safetyPlans.savePdf', { clientId: zofia.id }),
      await t.fail('safetyPlans.print', { clientId: zofia.id }),
    ])
      expect(refused.code).toBe('CONTACT_DETAILS_WITHHELD');
    // Nothing about her contact details in the words the core sends back at all.
    expect(JSON.stringify(record)).not.toMatch(/07700 900123|Żółkiewskiego|zofia@example\.org|Kasia Łęcka|Dr Nowicki/);

    // The charity allows it: the same volunteer sees them (without signing in again).
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.fail('settings.setVolunteersSeeContactDetails', {} as never)).code).toBe('BAD_INPUT');
    expect(
      (await t.ok('settings.setVolunteersSeeContactDetails', { volunteersSeeContactDetails: true }))
        .volunteersSeeContactDetails,
    ).toBe(true);
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Vera Volunteer', password });
    const full = await t.ok('clients.get', { id: zofia.id });
    expect(full).toMatchObject({ contactDetailsWithheld: false, client: { phone: '07700 900123' } });
    expect(full.household.map((m) => m.name)).toEqual(['Kasia Łęcka']);
    expect(await t.ok('safetyPlans.get', { clientId: zofia.id })).not.toBeNull();
  });
});
