import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_MAX_BYTES } from '../../shared/domain/document';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { randomBytes } from 'node:crypto';
import { addNewPerson, setUp, signInAsNewUser, startCore, tempDir, type TestCore } from './helpers';
import { everyFile, photoPng, scannedPdf, telltales } from './sampleDocuments';
import { decryptedCopy } from '../bench/encryption';
import { pdfText } from './pdfCheck';

const MARKER = 'TENANCY-NOTICE-QX7731-KOWALCZYK';

/** A folder of files as a scanner or a phone leaves them. */
function scans(files: Record<string, Buffer>): Record<string, string> {
  const dir = tempDir('casebook-scans-');
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return [name, path];
    }),
  );
}

const details = { kind: 'letterReceived' as const, title: 'Notice from the council', documentDate: '2026-11-02' };

function decryptedRecords(t: TestCore): Buffer {
  const copy = t.cb.read((db, s) => decryptedCopy(db, s.dbKey, t.cb.paths.database, tempDir('casebook-plain-')));
  return readFileSync(copy);
}

async function withClient(t: TestCore, firstName = 'Ewa', lastName = 'Kowalczyk') {
  return addNewPerson(t, { firstName, lastName, intakeDate: '2026-03-01' });
}

describe('documents on file', () => {
  it('takes in a scanned PDF and a photo, keeps them inside the encrypted records only, and shows them from memory', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const pdf = scannedPdf(MARKER);
    const photo = photoPng(7731);
    const files = scans({ 'scan0012.pdf': pdf, 'IMG_2041.PNG': photo });

    const added = await t.ok('documents.add', { clientId: ewa.id, path: files['scan0012.pdf']!, ...details });
    expect(added.alreadyOnFile).toBe(false);
    expect(added.document).toMatchObject({
      kind: 'letterReceived',
      title: 'Notice from the council',
      documentDate: '2026-11-02',
      fileName: 'scan0012.pdf',
      mime: 'application/pdf',
      view: 'pdf',
      bytes: pdf.length,
      addedByName: 'Anna Kowalska',
      link: null,
      version: 1,
    });
    const id = (
      await t.ok('documents.add', {
        clientId: ewa.id,
        path: files['IMG_2041.PNG']!,
        kind: 'id',
        title: 'Passport, photo page',
      })
    ).document;
    expect([id.view, id.mime, id.documentDate]).toEqual(['image', 'image/png', null]);
    const list = await t.ok('documents.forClient', { clientId: ewa.id });
    expect(list.items.map((d) => d.title)).toEqual(['Passport, photo page', 'Notice from the council']);
    expect(list.totalBytes).toBe(pdf.length + photo.length);

    // The files the person dropped are left where they were.
    expect(readFileSync(files['scan0012.pdf']!)).toEqual(pdf);

    // Opened: the very bytes, for the window to draw; who opened which is audited, never the content.
    const opened = await t.ok('documents.open', { id: added.document.id });
    expect(Buffer.from(opened.base64, 'base64')).toEqual(pdf);
    expect(opened).toMatchObject({ view: 'pdf', mime: 'application/pdf', title: 'Notice from the council' });
    const audit = [
      ...(await t.ok('audit.list', { action: 'document.added' })).items,
      ...(await t.ok('audit.list', { action: 'document.opened' })).items,
    ];
    expect(audit.map((e) => [e.action, e.detail])).toEqual([
      ['document.added', { documentId: id.id, kind: 'id', bytes: photo.length }],
      ['document.added', { documentId: added.document.id, kind: 'letterReceived', bytes: pdf.length }],
      ['document.opened', { documentId: added.document.id }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Notice from the council');

    // Nothing of either file is in the clear anywhere in the data folder; the decrypted records hold both.
    const plain = decryptedRecords(t);
    expect(plain.includes(MARKER)).toBe(true);
    for (const piece of telltales(photo)) expect(plain.includes(piece)).toBe(true);
    for (const f of everyFile(t.dataDir)) {
      expect(f.bytes.includes(MARKER), f.path).toBe(false);
      for (const piece of telltales(photo)) expect(f.bytes.includes(piece), f.path).toBe(false);
    }
  });

  it('recognises the same file by its hash: not twice on one client, stored once for two', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const jan = await withClient(t, 'Jan', 'Kowalczyk');
    const pdf = scannedPdf(MARKER);
    const files = scans({ 'tenancy.pdf': pdf, 'tenancy copy.pdf': pdf });
    const first = await t.ok('documents.add', { clientId: ewa.id, path: files['tenancy.pdf']!, ...details });
    const again = await t.ok('documents.add', {
      clientId: ewa.id,
      path: files['tenancy copy.pdf']!,
      ...details,
      title: 'Another title',
    });
    expect(again).toEqual({ document: first.document, alreadyOnFile: true });
    expect((await t.ok('documents.forClient', { clientId: ewa.id })).items).toHaveLength(1);
    // The household's shared tenancy agreement, filed for Jan too: a document of his own, the bytes once.
    const his = await t.ok('documents.add', { clientId: jan.id, path: files['tenancy copy.pdf']!, ...details });
    expect(his.alreadyOnFile).toBe(false);
    const stored = () =>
      t.cb.read((db) => db.$client.prepare('SELECT count(*) FROM document_contents').pluck().get() as number);
    expect(stored()).toBe(1);
    // Deleting hers keeps his bytes; deleting his too lets the bytes go.
    await t.ok('documents.remove', { id: first.document.id, version: 1 });
    expect(Buffer.from((await t.ok('documents.open', { id: his.document.id })).base64, 'base64')).toEqual(pdf);
    expect(stored()).toBe(1);
    expect(await t.ok('documents.remove', { id: his.document.id, version: 1 })).toEqual({ items: [], totalBytes: 0 });
    expect(stored()).toBe(0);
    expect((await t.ok('audit.list', { action: 'document.deleted' })).items).toHaveLength(2);
  });

  it('refuses, in words, what it cannot keep, and keeps a file that is not what its name says only as a copy', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const dir = tempDir('casebook-odd-');
    const big = join(dir, 'whole-file-scanned-at-1200dpi.pdf');
    writeFileSync(big, '%PDF-1.4\n');
    truncateSync(big, DOCUMENT_MAX_BYTES + 1);
    const exactly = join(dir, 'just-fits.pdf');
    writeFileSync(exactly, '%PDF-1.4\n');
    truncateSync(exactly, DOCUMENT_MAX_BYTES);
    const empty = join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    const program = join(dir, 'setup.exe');
    writeFileSync(program, 'MZ');
    const fake = join(dir, 'not really.pdf');
    writeFileSync(fake, 'Just some words, not a PDF at all.');
    const refusal = async (path: string) =>
      (await t.fail('documents.add', { clientId: ewa.id, path, ...details })).fields;
    expect(await refusal(big)).toEqual({ file: 'fileTooLarge' });
    expect(await refusal(empty)).toEqual({ file: 'fileEmpty' });
    expect(await refusal(program)).toEqual({ file: 'fileKindNotKept' });
    expect(await refusal(join(dir, 'gone.pdf'))).toEqual({ file: 'fileUnreadable' });
    expect(await refusal(dir)).toEqual({ file: 'fileKindNotKept' });
    expect((await t.ok('documents.add', { clientId: ewa.id, path: exactly, ...details })).document.bytes).toBe(
      DOCUMENT_MAX_BYTES,
    );
    expect((await t.ok('documents.add', { clientId: ewa.id, path: fake, ...details })).document.view).toBe('none');
    // Details are checked as any form's are.
    expect(
      (
        await t.fail('documents.add', {
          clientId: ewa.id,
          path: fake,
          kind: 'id',
          title: '  ',
          documentDate: '2026-13-01',
        })
      ).fields,
    ).toEqual({ title: 'required', documentDate: 'invalidDate' });
    expect((await t.fail('documents.add', { clientId: 9999, path: fake, ...details })).code).toBe('NOT_FOUND');
  });

  it('links a document to a note, referral or letter of the same client only, and changes details by version', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const jan = await withClient(t, 'Jan', 'Kowalczyk');
    const note = {
      date: '2026-11-20',
      time: '10:00',
      kind: 'officeVisit' as const,
      body: 'Brought the council’s letter.',
    };
    const hers = await t.ok('notes.save', { clientId: ewa.id, note });
    const his = await t.ok('notes.save', { clientId: jan.id, note });
    const files = scans({ 'letter.pdf': scannedPdf(MARKER) });
    const doc = (
      await t.ok('documents.add', {
        clientId: ewa.id,
        path: files['letter.pdf']!,
        ...details,
        link: { kind: 'caseNote', id: hers.id },
      })
    ).document;
    expect(doc.link).toEqual({ kind: 'caseNote', id: hers.id, label: '', on: '2026-11-20' });
    expect(
      (await t.fail('documents.update', { id: doc.id, version: 1, ...details, link: { kind: 'caseNote', id: his.id } }))
        .fields,
    ).toEqual({ link: 'invalid' });
    const changed = await t.ok('documents.update', { id: doc.id, version: 1, ...details, kind: 'proofOfAddress' });
    expect([changed.kind, changed.link, changed.version]).toEqual(['proofOfAddress', null, 2]);
    expect((await t.fail('documents.update', { id: doc.id, version: 1, ...details })).code).toBe('CONFLICT');
    expect((await t.fail('documents.remove', { id: doc.id, version: 1 })).code).toBe('CONFLICT');
  });

  it('saves a copy only where the person says, remembers it for erasure, and deletes the original only if unchanged', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const pdf = scannedPdf(MARKER);
    const files = scans({ 'scan.pdf': pdf, 'photo.png': photoPng(1) });
    const doc = (await t.ok('documents.add', { clientId: ewa.id, path: files['scan.pdf']!, ...details })).document;
    t.platform.cancelNext = true;
    expect((await t.fail('documents.saveCopy', { id: doc.id })).code).toBe('CANCELLED');
    const { path } = await t.ok('documents.saveCopy', { id: doc.id });
    expect(path.endsWith('scan.pdf')).toBe(true);
    expect(readFileSync(path)).toEqual(pdf);
    expect((await t.ok('erasure.savedFiles', { clientId: ewa.id })).aboutClient).toEqual([
      { what: 'document', path, savedAt: expect.any(String) },
    ]);
    expect((await t.ok('audit.list', { action: 'document.copied' })).items).toHaveLength(1);

    // Only the file the document came from, and only while it still holds the same bytes.
    expect((await t.fail('documents.deleteOriginal', { id: doc.id, path: files['photo.png']! })).fields).toEqual({
      file: 'originalChanged',
    });
    expect(existsSync(files['photo.png']!)).toBe(true);
    expect(await t.ok('documents.deleteOriginal', { id: doc.id, path: files['scan.pdf']! })).toEqual({ deleted: true });
    expect(existsSync(files['scan.pdf']!)).toBe(false);
    expect((await t.fail('documents.deleteOriginal', { id: doc.id, path: files['scan.pdf']! })).fields).toEqual({
      file: 'originalGone',
    });
    expect((await t.ok('audit.list', { action: 'document.originalDeleted' })).items).toHaveLength(1);
  });

  it('shows documents to caseworkers, not to volunteers; a caseworker kept to their own clients sees only theirs', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const files = scans({ 'scan.pdf': scannedPdf(MARKER) });
    const doc = (await t.ok('documents.add', { clientId: ewa.id, path: files['scan.pdf']!, ...details })).document;
    await t.ok('settings.setOwnClientsOnly', { ownClientsOnly: true });
    await signInAsNewUser(t, 'Carl Caseworker', 'caseworker');
    expect((await t.fail('documents.open', { id: doc.id })).code).toBe('NOT_YOUR_CLIENT');
    expect((await t.fail('documents.forClient', { clientId: ewa.id })).code).toBe('NOT_YOUR_CLIENT');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Anna Kowalska', password: 'correct horse battery' });
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    expect((await t.fail('documents.forClient', { clientId: ewa.id })).code).toBe('FORBIDDEN');
    expect((await t.fail('documents.open', { id: doc.id })).code).toBe('FORBIDDEN');
  });

  it('is in every backup, encrypted and checked, and comes back when the backup is restored on a new computer', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const pdf = scannedPdf(MARKER);
    const photo = photoPng(2041);
    const files = scans({ 'scan.pdf': pdf, 'photo.png': photo });
    const doc = (await t.ok('documents.add', { clientId: ewa.id, path: files['scan.pdf']!, ...details })).document;
    await t.ok('documents.add', { clientId: ewa.id, path: files['photo.png']!, kind: 'id', title: 'ID card' });
    expect((await t.ok('backup.status', {})).documents).toEqual({ count: 2, bytes: pdf.length + photo.length });
    const usb = tempDir('casebook-usb-');
    const made = await t.ok('backup.create', { targetDir: usb });
    for (const f of everyFile(usb)) {
      expect(f.bytes.includes(MARKER), f.path).toBe(false);
      for (const piece of telltales(photo)) expect(f.bytes.includes(piece), f.path).toBe(false);
    }
    const fresh = startCore();
    await fresh.ok('backup.restore', {
      path: made.path,
      credentials: { name: 'Anna Kowalska', password: 'correct horse battery' },
    });
    await fresh.ok('signIn.unlock', { name: 'Anna Kowalska', password: 'correct horse battery' });
    expect((await fresh.ok('documents.forClient', { clientId: ewa.id })).items.map((d) => d.title)).toEqual([
      'ID card',
      'Notice from the council',
    ]);
    expect(Buffer.from((await fresh.ok('documents.open', { id: doc.id })).base64, 'base64')).toEqual(pdf);
  });

  it('is in the subject access pack: listed in the PDF and the JSON, and given as files in a folder beside it', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const pdf = scannedPdf(MARKER);
    const photo = photoPng(5);
    const files = scans({ 'scan.pdf': pdf, 'photo.png': photo });
    await t.ok('documents.add', { clientId: ewa.id, path: files['scan.pdf']!, ...details });
    await t.ok('documents.add', { clientId: ewa.id, path: files['photo.png']!, kind: 'id', title: 'ID card: front' });
    const [request] = await t.ok('subjectAccess.record', { clientId: ewa.id, receivedOn: '2026-11-20' });
    const saved = await t.ok('subjectAccess.savePack', { id: request!.id });
    const folder = saved.pdfPath.replace(/\.pdf$/, ' - documents');
    expect(readdirSync(folder).sort()).toEqual(['01 ID card front.png', '02 Notice from the council.pdf']);
    expect(readFileSync(join(folder, '01 ID card front.png'))).toEqual(photo);
    expect(readFileSync(join(folder, '02 Notice from the council.pdf'))).toEqual(pdf);
    const flat = pdfText(saved.pdfPath).replace(/\s+/g, ' ');
    expect(flat).toContain('Documents on file');
    // The file column wraps: its words are there, in order.
    expect(flat).toMatch(/02 Notice from the .*council\.pdf/);
    expect(flat).toContain('Letter received');
    const json = JSON.parse(readFileSync(saved.jsonPath, 'utf8')) as {
      documents: { title: string; fileInPack: string }[];
    };
    expect(json.documents.map((d) => [d.title, d.fileInPack])).toEqual([
      ['ID card: front', '01 ID card front.png'],
      ['Notice from the council', '02 Notice from the council.pdf'],
    ]);
    // The copies name her: erasing her lists them among the files saved outside Casebook.
    const remembered = (await t.ok('erasure.savedFiles', { clientId: ewa.id })).aboutClient.map((f) => f.path);
    expect(remembered).toEqual(expect.arrayContaining([join(folder, '01 ID card front.png'), saved.pdfPath]));
  });

  it('goes when the client is anonymised, unless an administrator keeps it, saying why', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const jan = await withClient(t, 'Jan', 'Nowak');
    const files = scans({ 'ewa.pdf': scannedPdf(MARKER), 'jan.pdf': scannedPdf('JAN-NOWAK-PROOF-OF-ELIGIBILITY') });
    await t.ok('documents.add', { clientId: ewa.id, path: files['ewa.pdf']!, ...details });
    await t.ok('documents.add', { clientId: jan.id, path: files['jan.pdf']!, ...details, kind: 'incomeBenefit' });
    const anonymise = (c: { id: number; reference: string }, keepDocumentsBecause?: string) =>
      t.ok('erasure.eraseClient', {
        id: c.id,
        mode: 'anonymise',
        reason: 'Retention period passed',
        confirmation: c.reference,
        ...(keepDocumentsBecause ? { keepDocumentsBecause } : {}),
      });
    await anonymise(ewa);
    await anonymise(jan, 'The funder audits proof of eligibility until 2030');
    expect((await t.ok('documents.forClient', { clientId: ewa.id })).items).toEqual([]);
    expect((await t.ok('documents.forClient', { clientId: jan.id })).items.map((d) => d.kind)).toEqual([
      'incomeBenefit',
    ]);
    const plain = decryptedRecords(t);
    expect(plain.includes(MARKER)).toBe(false);
    expect(plain.includes('JAN-NOWAK-PROOF-OF-ELIGIBILITY')).toBe(true);
    const audit = (await t.ok('audit.list', { action: 'client.anonymised' })).items.map((e) => e.detail);
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          reference: jan.reference,
          reason: 'Retention period passed',
          documentsKeptBecause: 'The funder audits proof of eligibility until 2030',
        },
      ]),
    );
  });

  it('goes with the client when they are erased, leaving nothing of the file behind', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const photo = photoPng(99);
    const files = scans({ 'scan.pdf': scannedPdf(MARKER), 'photo.png': photo });
    await t.ok('documents.add', { clientId: ewa.id, path: files['scan.pdf']!, ...details });
    await t.ok('documents.add', { clientId: ewa.id, path: files['photo.png']!, kind: 'id', title: 'ID card' });
    await t.ok('erasure.eraseClient', {
      id: ewa.id,
      mode: 'erase',
      reason: 'Asked us to delete her data',
      confirmation: ewa.reference,
    });
    const plain = decryptedRecords(t);
    expect(plain.includes(MARKER)).toBe(false);
    for (const piece of telltales(photo)) expect(plain.includes(piece)).toBe(false);
    expect(t.cb.read((db) => db.$client.prepare('SELECT count(*) FROM document_contents').pluck().get())).toBe(0);
  });
});

describe('the scanner inbox', () => {
  it('lists what the scanner saved, shows it, files it against a client and removes it from the folder', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    expect(await t.ok('documents.inbox', {})).toEqual({ folder: null, unreachable: false, files: [] });
    const folder = tempDir('casebook-scanner-');
    const pdf = scannedPdf(MARKER);
    writeFileSync(join(folder, 'SCAN_0001.pdf'), pdf);
    writeFileSync(join(folder, 'SCAN_0002.pdf.part'), 'still being written');
    writeFileSync(join(folder, '.DS_Store'), 'the system’s own');
    writeFileSync(join(folder, 'Thumbs.db'), 'the system’s own');
    writeFileSync(join(folder, 'fax.xps'), 'a kind not kept');
    // Newest first: the scan came after the fax.
    utimesSync(join(folder, 'fax.xps'), new Date('2026-11-20T09:00:00Z'), new Date('2026-11-20T09:00:00Z'));
    utimesSync(join(folder, 'SCAN_0001.pdf'), new Date('2026-11-23T09:00:00Z'), new Date('2026-11-23T09:00:00Z'));
    mkdirSync(join(folder, 'old'));
    t.platform.cancelNext = true;
    expect((await t.fail('documents.setScannerFolder', { choose: true })).code).toBe('CANCELLED');
    t.platform.nextFolder = folder;
    const inbox = await t.ok('documents.setScannerFolder', { choose: true });
    expect(inbox.folder).toBe(folder);
    expect(inbox.files.map((f) => [f.name, f.accepted, f.view])).toEqual([
      ['SCAN_0001.pdf', true, 'pdf'],
      ['fax.xps', false, 'none'],
    ]);
    expect(Buffer.from((await t.ok('documents.inboxView', { name: 'SCAN_0001.pdf' })).base64, 'base64')).toEqual(pdf);
    // Only a name in the folder, never a path elsewhere.
    expect((await t.fail('documents.inboxView', { name: '../secret.pdf' })).fields).toEqual({ name: 'invalid' });
    expect(
      (await t.fail('documents.fileFromInbox', { clientId: ewa.id, name: 'gone.pdf', ...details })).fields,
    ).toEqual({ file: 'fileUnreadable' });
    const filed = await t.ok('documents.fileFromInbox', { clientId: ewa.id, name: 'SCAN_0001.pdf', ...details });
    expect(filed.document).toMatchObject({ fileName: 'SCAN_0001.pdf', title: 'Notice from the council' });
    expect(existsSync(join(folder, 'SCAN_0001.pdf'))).toBe(false);
    expect((await t.ok('documents.inbox', {})).files.map((f) => f.name)).toEqual(['fax.xps']);
    expect((await t.ok('audit.list', { action: 'document.added' })).items[0]!.detail).toMatchObject({
      fromScanner: true,
    });
    // A folder that went away (a network drive not connected) is said so; stopping uses none.
    rmSync(folder, { recursive: true, force: true });
    expect(await t.ok('documents.inbox', {})).toEqual({ folder, unreachable: true, files: [] });
    expect((await t.ok('documents.setScannerFolder', { choose: false })).folder).toBeNull();
  });
});

describe('keeping documents by kind', () => {
  it('lists a copy of ID 30 days after it was added, keeps one for a reason until a date, and follows the charity’s own rules', async () => {
    const t = startCore();
    await setUp(t);
    const ewa = await withClient(t);
    const files = scans({ 'id.png': photoPng(3), 'letter.pdf': scannedPdf(MARKER) });
    const id = (
      await t.ok('documents.add', { clientId: ewa.id, path: files['id.png']!, kind: 'id', title: 'Passport' })
    ).document;
    await t.ok('documents.add', { clientId: ewa.id, path: files['letter.pdf']!, ...details });
    const day = 86_400_000;
    const due = async () => (await t.ok('retention.get', {})).documentsDue.map((d) => [d.title, d.dueOn]);
    expect((await t.ok('retention.get', {})).documentDays).toMatchObject({ id: 30, letterReceived: null });
    t.clock.now += 29 * day;
    expect(await due()).toEqual([]);
    t.clock.now += day;
    expect(await due()).toEqual([['Passport', '2026-12-23']]);

    // Kept for a reason: off the list until the date to look again, then back with the reason.
    expect(
      (await t.fail('retention.keepDocument', { documentId: id.id, reason: 'Checking', reviewOn: '2026-12-23' }))
        .fields,
    ).toEqual({ reviewOn: 'reviewNotInFuture' });
    await t.ok('retention.keepDocument', {
      documentId: id.id,
      reason: 'Housing appeal still open',
      reviewOn: '2027-01-10',
    });
    expect(await due()).toEqual([]);
    expect((await t.ok('audit.list', { action: 'document.retentionKept' })).items[0]!.detail).toEqual({
      documentId: id.id,
      reviewOn: '2027-01-10',
    });
    t.clock.now += 18 * day;
    expect((await t.ok('retention.get', {})).documentsDue.map((d) => d.lastKeptReason)).toEqual([
      'Housing appeal still open',
    ]);

    // The charity's own rules: letters for 30 days, ID as long as the case.
    expect((await t.fail('retention.setDocumentDays', { kind: 'letterReceived', days: 0 })).fields).toEqual({
      days: 'documentDaysRange',
    });
    await t.ok('retention.setDocumentDays', { kind: 'letterReceived', days: 30 });
    const view = await t.ok('retention.setDocumentDays', { kind: 'id', days: null });
    expect(view.documentDays).toMatchObject({ id: null, letterReceived: 30 });
    expect(view.documentsDue.map((d) => d.title)).toEqual(['Notice from the council']);
    // Deleted from the review, it is gone.
    const [letter] = view.documentsDue;
    await t.ok('documents.remove', { id: letter!.documentId, version: letter!.version });
    expect(await due()).toEqual([]);
  });
});

describe('migration 20', () => {
  it('keeps a document’s bytes once, lets them go with their last document, and lets a link go with its record', () => {
    const dir = tempDir('casebook-migration-');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 19) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 20) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(20);
    x.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Ewa', 'K', 'k ewa', 'x', 'x'), (2, 'CB-00002', 'Jan', 'K', 'k jan', 'x', 'x')`,
    );
    x.exec(
      `INSERT INTO case_notes (id, client_id, occurred_at, kind, body, created_at) VALUES (1, 1, 'x', 'officeVisit', 'b', 'x')`,
    );
    x.exec(`INSERT INTO document_contents (id, sha256, size, bytes) VALUES (1, 'aa', 1, x'01')`);
    const add = (id: number, client: number, note: number | null) =>
      x.exec(
        `INSERT INTO documents (id, client_id, content_id, kind, title, file_name, mime, view, case_note_id, added_at, updated_at) VALUES (${id}, ${client}, 1, 'id', 't', 'f.pdf', 'application/pdf', 'pdf', ${note ?? 'NULL'}, 'x', 'x')`,
      );
    add(1, 1, 1);
    add(2, 2, null);
    expect(() => x.exec(`INSERT INTO document_contents (sha256, size, bytes) VALUES ('aa', 1, x'01')`)).toThrow(
      /UNIQUE/,
    );
    expect(() =>
      x.exec(
        `INSERT INTO documents (client_id, content_id, kind, title, file_name, mime, view, added_at, updated_at) VALUES (1, 1, 'passport', 't', 'f', 'm', 'pdf', 'x', 'x')`,
      ),
    ).toThrow(/CHECK/);
    x.exec(`DELETE FROM case_notes WHERE id = 1`);
    expect(x.prepare(`SELECT case_note_id FROM documents WHERE id = 1`).pluck().get()).toBeNull();
    // Erasing a client takes their documents (cascade); the bytes stay while another document uses them.
    x.exec(`DELETE FROM clients WHERE id = 1`);
    expect(x.prepare(`SELECT count(*) FROM document_contents`).pluck().get()).toBe(1);
    x.exec(`DELETE FROM clients WHERE id = 2`);
    expect(x.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(0);
    expect(x.prepare(`SELECT count(*) FROM document_contents`).pluck().get()).toBe(0);
    // Saved copies of documents can be remembered now, with the other kinds of saved file.
    x.exec(
      `INSERT INTO saved_files (what, path, saved_at) VALUES ('document', '/tmp/a.pdf', 'x'), ('letter', '/tmp/b.pdf', 'x')`,
    );
    expect(() => x.exec(`INSERT INTO saved_files (what, path, saved_at) VALUES ('photo', '/tmp/c', 'x')`)).toThrow(
      /CHECK/,
    );
    closeDatabase(db);
  });
});

describe('migration 21', () => {
  it('lets an administrator keep a document past its time, and finds documents by kind and age from an index', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 20) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 21) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(21);
    expect(x.prepare(`SELECT name FROM pragma_table_info('documents') WHERE name LIKE 'kept_%'`).pluck().all()).toEqual(
      ['kept_until', 'kept_reason'],
    );
    const plan = (
      x.prepare(`EXPLAIN QUERY PLAN SELECT id FROM documents WHERE kind = 'id' AND added_at <= '2026-11-01'`).all() as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/documents_kind/);
    closeDatabase(db);
  });
});
