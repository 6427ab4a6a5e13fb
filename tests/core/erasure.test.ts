import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readErasures } from '../../electron/core/erasure/journal';
import { addNewPerson, ADMIN, setUp, startCore, tempDir, type TestCore } from './helpers';
import { withZofia, ZOFIA_WORDS } from './zofia';
import { decryptedCopy } from '../bench/encryption';

/** The whole database file, decrypted: a copy is opened with the key and re-keyed to nothing. */
function decryptedFile(t: TestCore): Buffer {
  const copy = t.cb.read((db, s) => decryptedCopy(db, s.dbKey, t.cb.paths.database, tempDir('casebook-plain-')));
  const plain = readFileSync(copy);
  expect(plain.subarray(0, 15).toString()).toBe('SQLite format 3');
  return plain;
}

const found = (file: Buffer, words: string[]) => words.filter((w) => file.includes(Buffer.from(w, 'utf8')));

describe('erasing and anonymising a client', () => {
  it('erases every trace of the person from the file, leaves others, and records only who, when and which', async () => {
    const t = startCore();
    await setUp(t);
    const zofia = await withZofia(t);
    const other = await addNewPerson(t, { firstName: 'Adam', lastName: 'Brown', intakeDate: '2026-03-01' });
    // Before: her details are in the decrypted file (so the search below can fail).
    expect(found(decryptedFile(t), ZOFIA_WORDS)).toEqual(ZOFIA_WORDS);

    expect(
      (
        await t.fail('erasure.eraseClient', {
          id: zofia.id,
          mode: 'erase',
          reason: 'Asked us to delete her data',
          confirmation: 'CB-99999',
        })
      ).fields,
    ).toEqual({ confirmation: 'confirmationMismatch' });
    expect(
      (await t.fail('erasure.eraseClient', { id: zofia.id, mode: 'erase', reason: '', confirmation: zofia.reference }))
        .fields,
    ).toEqual({ reason: 'required' });
    expect(
      await t.ok('erasure.eraseClient', {
        id: zofia.id,
        mode: 'erase',
        reason: 'Asked us to delete her data',
        confirmation: zofia.reference.toLowerCase(),
      }),
    ).toEqual({ reference: zofia.reference, mode: 'erase' });

    expect(found(decryptedFile(t), ZOFIA_WORDS)).toEqual([]);
    expect((await t.ok('clients.search', { query: 'lecka' })).total).toBe(0);
    expect((await t.fail('clients.get', { id: zofia.id })).code).toBe('NOT_FOUND');
    expect((await t.ok('clients.get', { id: other.id })).client.lastName).toBe('Brown');
    const entry = (await t.ok('audit.list', { action: 'client.erased' })).items[0]!;
    expect(entry.detail).toEqual({ reference: zofia.reference, reason: 'Asked us to delete her data' });
    const journal = t.cb.read((_, s) => readErasures(t.cb.paths.erasureJournal, s.dbKey));
    expect(journal.map((e) => [e.clientId, e.reference, e.mode])).toEqual([[zofia.id, zofia.reference, 'erase']]);
    expect(readFileSync(t.cb.paths.erasureJournal, 'utf8')).not.toContain(zofia.reference);
  });

  it('never gives an erased client’s reference to someone new (paper and the audit trail still name it)', async () => {
    const t = startCore();
    await setUp(t);
    const first = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk' });
    await t.ok('erasure.eraseClient', { id: first.id, mode: 'erase', reason: 'Asked', confirmation: first.reference });
    const next = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
    expect(next.reference).not.toBe(first.reference);
    expect(next.id).toBe(first.id + 1);
    // Her erasure's events are not his: his subject access pack's trail starts with his intake.
    expect((await t.ok('audit.list', { client: String(next.id) })).items.map((e) => e.action)).toEqual([
      'client.created',
    ]);
  });

  it('anonymises: who she was goes, every count in the funder report stays the same', async () => {
    const t = startCore();
    await setUp(t);
    const zofia = await withZofia(t);
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const before = await t.ok('reports.funder', period);
    await t.ok('erasure.eraseClient', {
      id: zofia.id,
      mode: 'anonymise',
      reason: 'Retention period passed',
      confirmation: zofia.reference,
    });
    const after = await t.ok('reports.funder', period);
    for (const key of [
      'cases',
      'closedByReason',
      'contacts',
      'referrals',
      'needsAtIntake',
      'outcomes',
      'goals',
      'helpGiven',
      'attendance',
      'demographics',
    ] as const)
      expect(after[key], key).toEqual(before[key]);
    expect(found(decryptedFile(t), ZOFIA_WORDS)).toEqual([]);
    const kept = (await t.ok('clients.get', { id: zofia.id })).client;
    expect([
      kept.firstName,
      kept.lastName,
      kept.dateOfBirth,
      kept.estimatedBirthYear,
      kept.phone,
      kept.address,
    ]).toEqual(['Anonymised', zofia.reference, null, 1984, null, null]);
    // Her open case closed with it, for that reason (the period counted above ended before today).
    expect([kept.status, kept.closureReason, kept.statusSince]).toEqual(['closed', 'anonymised', '2026-11-23']);
    // An administrator may keep a case open (another is anonymised without closing).
    const other = await addNewPerson(t, { firstName: 'Adam', lastName: 'Brown' });
    await t.ok('erasure.eraseClient', {
      id: other.id,
      mode: 'anonymise',
      reason: 'Asked to be forgotten',
      confirmation: other.reference,
      closeCase: false,
    });
    expect((await t.ok('clients.get', { id: other.id })).client.status).toBe('open');
    expect((await t.ok('clients.search', { query: 'zofia' })).total).toBe(0);
    expect((await t.ok('clients.search', { query: zofia.reference })).items.map((c) => c.firstName)).toEqual([
      'Anonymised',
    ]);
  });

  it('lists the files saved outside Casebook that may name her, and keeps no path of them once she is anonymised', async () => {
    const t = startCore();
    await setUp(t);
    t.platform.nextSaveName = 'Clients before.csv';
    const listBefore = await t.ok('clients.exportCsv', {
      query: '',
      status: null,
      caseworkerId: null,
      riskFlag: null,
      sort: 'name',
      descending: false,
    });
    t.clock.now += 60_000;
    const zofia = await withZofia(t);
    const template = (await t.ok('templates.list', {})).find((x) => x.kind === 'general' && x.language === 'en')!;
    const request = { clientId: zofia.id, templateId: template.id, text: 'See you soon.' };
    const preview = await t.ok('letters.preview', request);
    const letter = await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });
    // Someone names the file after her.
    t.platform.nextSaveName = 'Zofia Wiśniewska-Łęcka letter.pdf';
    const letterPdf = (await t.ok('letters.savePdf', { id: letter.id })).path;
    const safety = (await t.ok('safetyPlans.savePdf', { clientId: zofia.id })).path;
    const [request1] = await t.ok('subjectAccess.record', { clientId: zofia.id, receivedOn: '2026-11-20' });
    const pack = await t.ok('subjectAccess.savePack', { id: request1!.id });
    const programme = await t.ok('programmes.save', {
      programme: {
        name: 'Cooking',
        kind: 'groupSupport',
        startsOn: '2026-10-01',
        endsOn: null,
        capacity: null,
        facilitators: [],
        venue: null,
      },
    });
    const added = await t.ok('sessions.add', {
      programmeId: programme.programme.id,
      pattern: {
        firstOn: '2026-11-05',
        startsAt: '18:00',
        endsAt: null,
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
    const register = (await t.ok('sessions.registerPdf', { id: added.detail.sessions[0]!.id })).path;
    const listAfter = await t.ok('clients.exportCsv', {
      query: '',
      status: null,
      caseworkerId: null,
      riskFlag: null,
      sort: 'name',
      descending: false,
    });
    // Saved about someone else: not hers.
    const other = await addNewPerson(t, { firstName: 'Adam', lastName: 'Brown' });
    await t.ok('safetyPlans.save', {
      clientId: other.id,
      plan: {
        warningSigns: 'x',
        copingSteps: 'y',
        agreedOn: '2026-11-01',
        reviewOn: '2026-12-01',
        contacts: [{ name: 'Ola', role: 'sister', phone: '07700 111222' }],
      },
    });
    await t.ok('safetyPlans.savePdf', { clientId: other.id });

    const files = await t.ok('erasure.savedFiles', { clientId: zofia.id });
    expect(files.aboutClient.map((f) => [f.what, f.path])).toEqual([
      ['letter', letterPdf],
      ['safetyPlan', safety],
      ['accessPack', pack.pdfPath],
      ['accessPack', pack.jsonPath],
      ['register', register],
    ]);
    // The client list saved before she was taken in does not name her; the one after does.
    expect(files.clientLists.map((f) => f.path)).toEqual([listAfter.path]);
    expect(listBefore.path).not.toBe(listAfter.path);
    expect(letterPdf).toContain('Wiśniewska-Łęcka');

    await t.ok('erasure.eraseClient', {
      id: zofia.id,
      mode: 'anonymise',
      reason: 'Asked to be forgotten',
      confirmation: zofia.reference,
    });
    expect((await t.ok('erasure.savedFiles', { clientId: zofia.id })).aboutClient).toEqual([]);
    expect(found(decryptedFile(t), ['Wiśniewska-Łęcka letter'])).toEqual([]);
  });

  it('is applied again when a backup made before it is restored', async () => {
    const t = startCore();
    await setUp(t);
    const zofia = await withZofia(t);
    const adam = await addNewPerson(t, {
      firstName: 'Adam',
      lastName: 'Brown',
      phone: '07700 111222',
      intakeDate: '2026-03-01',
    });
    const made = await t.ok('backup.create', { targetDir: tempDir('casebook-usb-') });
    t.clock.now += 60_000;
    await t.ok('erasure.eraseClient', {
      id: zofia.id,
      mode: 'erase',
      reason: 'Asked us to delete her data',
      confirmation: zofia.reference,
    });
    await t.ok('erasure.eraseClient', {
      id: adam.id,
      mode: 'anonymise',
      reason: 'Retention period passed',
      confirmation: adam.reference,
    });
    t.clock.now += 60_000;
    await t.ok('backup.restore', { path: made.path, credentials: null });
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('clients.search', { query: 'lecka' })).total).toBe(0);
    expect((await t.ok('clients.get', { id: adam.id })).client).toMatchObject({ firstName: 'Anonymised', phone: null });
    expect((await t.ok('audit.list', { action: 'backup.restored' })).items[0]!.detail).toMatchObject({
      erasuresApplied: 2,
    });
    expect(found(decryptedFile(t), ZOFIA_WORDS)).toEqual([]);
  });

  it('is for administrators only', async () => {
    const t = startCore();
    await setUp(t);
    const zofia = await withZofia(t);
    const { signInAsNewUser } = await import('./helpers');
    await signInAsNewUser(t, 'Carol Caseworker', 'caseworker');
    expect(
      (await t.fail('erasure.eraseClient', { id: zofia.id, mode: 'erase', reason: 'x', confirmation: zofia.reference }))
        .code,
    ).toBe('FORBIDDEN');
  });
});
