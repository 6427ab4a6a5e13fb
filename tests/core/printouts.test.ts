import { describe, expect, it } from 'vitest';
import type { AuditAction } from '../../shared/domain/audit';
import type { Printout } from '../../shared/domain/printout';
import { ADMIN, CHARITY, addNewPerson, setUp, startCore, type TestCore } from './helpers';
import { pdfText } from './pdfCheck';
import { withZofia } from './zofia';

/**
 * Every printable thing reaches the system's print dialog, with the very pages "Save as PDF"
 * writes; the trail records a printout only once the dialog says it was printed.
 */
const pagesOf = (p: Printout) => pdfText(Buffer.from(p.pdf, 'base64'));

async function timesRecorded(t: TestCore, action: AuditAction): Promise<number> {
  return (await t.ok('audit.list', { action })).items.length;
}

/** Cancelled, then refused by the printer, then printed: only the last is recorded. */
async function printThrough(t: TestCore, p: Printout, action: AuditAction | null) {
  const before = action ? await timesRecorded(t, action) : 0;
  t.platform.nextPrint = 'cancelled';
  expect((await t.fail('printouts.print', { printId: p.printId })).code).toBe('CANCELLED');
  t.platform.nextPrint = 'fails';
  expect((await t.fail('printouts.print', { printId: p.printId })).code).toBe('PRINT_FAILED');
  if (action) expect(await timesRecorded(t, action), `${action} before printing`).toBe(before);
  const dialogs = t.platform.printed;
  await t.ok('printouts.print', { printId: p.printId });
  expect(t.platform.printed).toBe(dialogs + 1);
  if (action) expect(await timesRecorded(t, action), `${action} once printed`).toBe(before + 1);
}

describe('printing', () => {
  it('a letter, a safety plan, a register, a funder report and a subject access pack print the pages their PDF has', async () => {
    const t = startCore();
    await setUp(t);
    const zofia = await withZofia(t);

    const template = (await t.ok('templates.list', {})).find((x) => x.kind === 'general' && x.language === 'en')!;
    const request = { clientId: zofia.id, templateId: template.id, text: 'See you on Monday.' };
    const preview = await t.ok('letters.preview', request);
    const letter = await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });

    const programme = await t.ok('programmes.save', {
      programme: {
        name: 'Money skills',
        kind: 'workshop',
        startsOn: '2026-10-01',
        endsOn: '2026-12-31',
        capacity: null,
        facilitators: [],
        venue: 'Hall',
      },
    });
    const added = await t.ok('sessions.add', {
      programmeId: programme.programme.id,
      pattern: {
        firstOn: '2026-11-05',
        startsAt: '18:00',
        endsAt: '20:00',
        repeat: 'once',
        weekdays: [],
        until: null,
        count: null,
      },
    });
    await t.ok('programmes.register', {
      programmeId: programme.programme.id,
      clientId: zofia.id,
      registeredOn: '2026-11-01',
    });
    const session = added.detail.sessions[0]!;
    const period = { from: '2026-01-01', to: '2026-11-23' };
    const [accessRequest] = await t.ok('subjectAccess.record', { clientId: zofia.id, receivedOn: '2026-11-20' });

    const printables: { what: string; printout: Printout; saved: string; recorded: AuditAction }[] = [
      {
        what: 'letter',
        printout: await t.ok('letters.print', { id: letter.id }),
        saved: (await t.ok('letters.savePdf', { id: letter.id })).path,
        recorded: 'letter.printed',
      },
      {
        what: 'safety plan',
        printout: await t.ok('safetyPlans.print', { clientId: zofia.id }),
        saved: (await t.ok('safetyPlans.savePdf', { clientId: zofia.id })).path,
        recorded: 'safetyPlan.printed',
      },
      {
        what: 'register',
        printout: await t.ok('sessions.registerPrint', { id: session.id }),
        saved: (await t.ok('sessions.registerPdf', { id: session.id })).path,
        recorded: 'session.registerPrinted',
      },
      {
        what: 'funder report',
        printout: await t.ok('reports.print', period),
        saved: (await t.ok('reports.savePdf', period)).path,
        recorded: 'report.printed',
      },
      {
        what: 'subject access pack',
        printout: await t.ok('subjectAccess.printPack', { id: accessRequest!.id }),
        saved: (await t.ok('subjectAccess.savePack', { id: accessRequest!.id })).pdfPath,
        recorded: 'access.packPrinted',
      },
    ];
    for (const { what, printout, saved, recorded } of printables) {
      expect(pagesOf(printout), what).toBe(pdfText(saved));
      // The print queue shows the document by the name its file would have.
      expect(printout.title, what).toMatch(/CB-0000\d|Money skills|Funder report|Subject access/);
      await printThrough(t, printout, recorded);
    }
    // A printout can be printed again (a second copy), and each copy is recorded.
    await t.ok('printouts.print', { printId: printables[1]!.printout.printId });
    expect(await timesRecorded(t, 'safetyPlan.printed')).toBe(2);
    // The pack printed counts as made, as a saved one does.
    expect((await t.ok('subjectAccess.forClient', { clientId: zofia.id }))[0]!.packSavedOn).toBe('2026-11-23');
  }, 60_000);

  it('there is nothing to print without a safety plan; a printout is forgotten when Casebook locks, and one never made cannot be printed', async () => {
    const t = startCore();
    await setUp(t);
    const client = await addNewPerson(t, { firstName: 'Jan', lastName: 'Kowalski' });
    expect((await t.fail('safetyPlans.print', { clientId: client.id })).code).toBe('NOT_FOUND');
    await t.ok('safetyPlans.save', {
      clientId: client.id,
      plan: {
        warningSigns: 'Shouting',
        copingSteps: 'Leave',
        agreedOn: '2026-11-01',
        reviewOn: '2026-12-01',
        contacts: [{ name: 'Ola', role: 'sister', phone: '07700 111222' }],
      },
    });
    const printout = await t.ok('safetyPlans.print', { clientId: client.id });
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.fail('printouts.print', { printId: printout.printId })).code).toBe('NOT_FOUND');
    expect((await t.fail('printouts.print', { printId: 'made-up' })).code).toBe('NOT_FOUND');
    expect(t.platform.printDialogs).toBe(0);
  });

  it('a recovery sheet that was printed keeps the key as a saved one does, at setup and when it is replaced', async () => {
    const t = startCore();
    const shown = await t.ok('setup.prepare', { charity: CHARITY, admin: ADMIN });
    const right = shown.groups[shown.confirmGroup - 1]!;
    const sheet = await t.ok('setup.printRecoverySheet', {});
    for (const group of shown.groups) expect(pagesOf(sheet)).toContain(group);
    t.platform.nextPrint = 'cancelled';
    await t.fail('printouts.print', { printId: sheet.printId });
    expect((await t.fail('setup.finish', { confirmation: right })).fields).toEqual({
      confirmation: 'recoverySheetNotSaved',
    });
    await t.ok('printouts.print', { printId: sheet.printId });
    expect((await t.ok('setup.finish', { confirmation: right })).state).toBe('unlocked');

    const replacing = await t.ok('recovery.prepare', {});
    const newSheet = await t.ok('recovery.printSheet', {});
    for (const group of replacing.groups) expect(pagesOf(newSheet)).toContain(group);
    expect(
      (await t.fail('recovery.confirm', { confirmation: replacing.groups[replacing.confirmGroup - 1]! })).fields,
    ).toEqual({ confirmation: 'recoverySheetNotSaved' });
    await t.ok('printouts.print', { printId: newSheet.printId });
    await t.ok('recovery.confirm', { confirmation: replacing.groups[replacing.confirmGroup - 1]! });
  });
});
