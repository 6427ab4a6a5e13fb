import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_MAX_BYTES } from '../../shared/domain/document';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { everyFile, scannedPdf } from '../core/sampleDocuments';
import {
  byPerson,
  callCore,
  closeAll,
  launchChromium,
  openPage,
  openSignedIn,
  pdfText,
  pdfToPng,
  setUpThroughCore,
  shot,
  unlockAs,
} from './browser';

const now = clockFrom('2026-11-23T10:00');
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
const MARKER = 'RENT-ARREARS-NOTICE-ZX4410';

let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
let clientId: number;
let usb: string;
const { visible, dialog, tab, quiet } = byPerson(() => page);

/** Drops files on the documents area as a person drags them from the desktop (the files are in the bridge's drop folder). */
async function drop(names: string[]) {
  const transfer = await page.evaluateHandle((names) => {
    const dt = new DataTransfer();
    for (const name of names) dt.items.add(new File(['(the file as dragged)'], name));
    return dt;
  }, names);
  await page.getByTestId('document-drop').dispatchEvent('drop', { dataTransfer: transfer });
}

/** A phone photo of a paper: a JPEG the browser itself encodes, of a page with printed-looking noise. */
async function phonePhoto(): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 640;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#f4f1e8';
    g.fillRect(0, 0, 480, 640);
    g.fillStyle = '#222';
    g.font = '28px serif';
    g.fillText('IDENTITY CARD', 40, 80);
    let x = 12345;
    for (let i = 0; i < 4000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      g.fillRect(40 + (x % 400), 120 + ((x >> 8) % 480), 2, 2);
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-documents-'));
  usb = join(root, 'usb');
  mkdirSync(usb);
  bridge = await startBridge({
    dataDir: join(root, 'data'),
    saveDir: join(root, 'saved'),
    drives: [{ path: usb, label: 'KINGSTON (E:)', removable: true }],
    now,
  });
  await setUpThroughCore(bridge, ADMIN);
  const client = await callCore<{ id: number }>(bridge, 'clients.intake', {
    details: { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-10-01' },
  });
  clientId = client.id;
  await callCore(bridge, 'notes.save', {
    clientId,
    note: { date: '2026-11-20', time: '10:00', kind: 'officeVisit', body: 'Brought the council’s letter about rent.' },
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
  await page.getByRole('button', { name: 'Clients' }).click();
  await page
    .getByRole('button', { name: /Kowalczyk/ })
    .first()
    .click();
  await tab('Documents');
});

afterAll(() => closeAll(browser, bridge, root));

describe('documents on file, end to end', () => {
  it('takes in a dropped scan and phone photo, described, and offers to delete the originals', async () => {
    await expect.poll(() => visible('No documents on file yet.')).toBe(true);
    writeFileSync(join(bridge.droppedDir, 'scan0012.pdf'), scannedPdf(MARKER));
    const jpeg = await phonePhoto();
    writeFileSync(join(root, 'photo.jpg'), jpeg);
    writeFileSync(join(bridge.droppedDir, 'IMG_2041.jpg'), jpeg);
    await drop(['scan0012.pdf', 'IMG_2041.jpg', 'holiday.mov']);
    await expect.poll(() => visible('Casebook does not keep this kind of file: holiday.mov')).toBe(true);
    await dialog().getByText('File: scan0012.pdf').waitFor();
    const scan = dialog().getByRole('region', { name: 'scan0012.pdf' });
    const photo = dialog().getByRole('region', { name: 'IMG_2041.jpg' });
    // Nothing is filed without saying what it is.
    await dialog().getByRole('button', { name: 'Add to file' }).click();
    await expect.poll(() => scan.getByText('Please fill this in.').first().isVisible()).toBe(true);
    await scan.getByLabel('Kind of document').first().click();
    await page.getByRole('option', { name: 'Letter received' }).click();
    await scan.getByLabel('Title').first().fill('Notice of rent arrears');
    await scan.getByRole('textbox', { name: 'Date on the document' }).fill('02/11/2026');
    await scan.getByLabel('Goes with').first().click();
    await page.getByRole('option', { name: /Case note of 20 Nov 2026/ }).click();
    await photo.getByLabel('Kind of document').first().click();
    await page.getByRole('option', { name: 'Proof of identity' }).click();
    await photo.getByLabel('Title').first().fill('ID card, front');
    await shot(page, 'doc-01-add');
    await dialog().getByRole('button', { name: 'Add to file' }).click();

    await dialog().getByText('The original files are still on this computer').waitFor();
    expect(await dialog().getByText(join(bridge.droppedDir, 'scan0012.pdf')).isVisible()).toBe(true);
    await shot(page, 'doc-02-originals');
    await dialog().getByRole('button', { name: 'Delete the originals' }).click();
    await expect.poll(() => visible('2 original files were deleted.')).toBe(true);
    expect(existsSync(join(bridge.droppedDir, 'scan0012.pdf'))).toBe(false);
    expect(existsSync(join(bridge.droppedDir, 'IMG_2041.jpg'))).toBe(false);

    const table = page.getByRole('table', { name: 'Documents on file' });
    await expect.poll(() => table.getByText('Notice of rent arrears').isVisible()).toBe(true);
    expect(await table.getByText('Case note of 20 Nov 2026').isVisible()).toBe(true);
    expect(await table.getByText('2 Nov 2026', { exact: true }).isVisible()).toBe(true);
    expect(await visible(/^2 documents, \d/)).toBe(true);
    await quiet();
    await shot(page, 'doc-03-list');
  });

  it('shows a PDF and a photo from memory, in the window', async () => {
    await page.getByRole('button', { name: 'View: Notice of rent arrears' }).click();
    const pages = dialog().getByTestId('document-pages').getByRole('img');
    await expect.poll(() => pages.count(), { timeout: 20_000 }).toBe(1);
    // A picture drawn in memory (an object URL), not a file.
    expect(await pages.first().getAttribute('src')).toMatch(/^blob:/);
    expect(await pages.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(1000);
    await shot(page, 'doc-04-view-pdf');
    await dialog().getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.getByRole('button', { name: 'View: ID card, front' }).click();
    await expect
      .poll(() =>
        dialog()
          .getByRole('img', { name: 'ID card, front' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(480);
    await shot(page, 'doc-05-view-photo');
    await dialog().getByRole('button', { name: 'Close', exact: true }).last().click();
    const opened = await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', { action: 'document.opened' });
    expect(opened.items).toHaveLength(2);
  });

  it('links a document to an eligibility check recorded against a service’s checklist', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Eligibility checklists' });
    await section.getByRole('button', { name: 'Add a service' }).click();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().getByText('Please fill this in.').first().isVisible()).toBe(true);
    await dialog().getByLabel('Service (English)').fill('Food bank');
    await dialog().getByLabel('Service (Polish)').fill('Bank żywności');
    await dialog().getByLabel('Check again after (months)').fill('6');
    await dialog().getByLabel('Criterion 1 (English)').fill('Lives in the borough');
    await dialog().getByLabel('Criterion 1 (Polish)').fill('Mieszka w dzielnicy');
    await dialog().getByRole('button', { name: 'Add a criterion' }).click();
    await dialog().getByLabel('Criterion 2 (English)').fill('Aged 18 or over');
    await dialog().getByLabel('Criterion 2 (Polish)').fill('Ma ukończone 18 lat');
    await shot(page, 'doc-13-eligibility-service');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => section.getByText('2 criteria').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Clients' }).click();
    await page
      .getByRole('button', { name: /Kowalczyk/ })
      .first()
      .click();
    await tab('Eligibility');
    await page.getByRole('button', { name: 'Record an eligibility check' }).click();
    const borough = dialog().getByRole('group', { name: 'Lives in the borough' });
    const adult = dialog().getByRole('group', { name: 'Aged 18 or over' });
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().getByRole('alert').first().isVisible()).toBe(true);
    await borough.getByText('Met', { exact: true }).click();
    await borough.getByLabel('Shown by a document').first().click();
    await page.getByRole('option', { name: /Notice of rent arrears/ }).click();
    await adult.getByText('Not met', { exact: true }).click();
    await adult.getByLabel('Or what was seen or said').fill('Passport seen: 17 years old');
    await dialog().getByRole('radiogroup', { name: 'Decision' }).getByText('Eligible', { exact: true }).click();
    await expect
      .poll(() => visible('Not every criterion is met. Check the decision is right before saving.'))
      .toBe(true);
    await dialog().getByRole('radiogroup', { name: 'Decision' }).getByText('Not eligible', { exact: true }).click();
    // The date to check again follows the service's six months.
    expect(await dialog().getByRole('textbox', { name: 'Check again on' }).inputValue()).toBe('23/05/2027');
    await shot(page, 'doc-14-eligibility-check');
    await dialog().getByRole('button', { name: 'Save' }).click();
    const card = page.getByRole('article', { name: 'Food bank, 23 Nov 2026' });
    await expect.poll(() => card.getByText('Not eligible').isVisible()).toBe(true);
    expect(await card.getByText('Notice of rent arrears').isVisible()).toBe(true);
    expect(await card.getByText('Passport seen: 17 years old').isVisible()).toBe(true);

    // The photo of the ID goes with the check.
    await tab('Documents');
    await page.getByRole('button', { name: 'More actions: ID card, front' }).click();
    await page.getByRole('menuitem', { name: 'Change details' }).click();
    await dialog().getByLabel('Goes with').first().click();
    await page.getByRole('option', { name: /Eligibility check: Food bank/ }).click();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Documents on file' })
          .getByText('Eligibility check: Food bank, 23 Nov 2026')
          .isVisible(),
      )
      .toBe(true);
    await quiet();
  });

  it('keeps a Word file as a copy only, warns that a copy is not encrypted, and refuses a file too large', async () => {
    const word = join(root, 'letters', 'Support letter.docx');
    const big = join(root, 'letters', 'whole file at 1200 dpi.pdf');
    mkdirSync(join(root, 'letters'));
    writeFileSync(word, 'PK\u0003\u0004 a Word document');
    writeFileSync(big, '%PDF-1.4\n');
    truncateSync(big, DOCUMENT_MAX_BYTES + 1);
    bridge.platform.nextFiles = [word, big];
    await page.getByRole('button', { name: 'Choose files…' }).click();
    for (const name of ['Support letter.docx', 'whole file at 1200 dpi.pdf']) {
      const region = dialog().getByRole('region', { name });
      await region.getByLabel('Kind of document').first().click();
      await page.getByRole('option', { name: 'Other' }).click();
    }
    await dialog().getByRole('button', { name: 'Add to file' }).click();
    // The Word file is filed; the big one stays in the dialog with the reason.
    await expect
      .poll(() => visible('This file is larger than 25 MB. Scan it at a lower resolution, or split it into parts.'))
      .toBe(true);
    expect(await dialog().getByText('File: Support letter.docx').count()).toBe(0);
    await shot(page, 'doc-06-too-large');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().getByRole('button', { name: 'Keep them' }).click();
    expect(existsSync(word)).toBe(true);

    await page.getByRole('button', { name: 'Save a copy…: Support letter' }).click();
    await dialog().getByText('The copy will not be encrypted').waitFor();
    await shot(page, 'doc-07-copy-warning');
    await dialog().getByRole('button', { name: 'Choose where to save' }).click();
    await expect.poll(() => visible(/A copy was saved to .*Support letter\.docx/)).toBe(true);
    expect(readFileSync(join(root, 'saved', 'Support letter.docx'))).toEqual(readFileSync(word));
  });

  it('deletes a document after asking, and shows the tab in Polish', async () => {
    await page.getByRole('button', { name: 'More actions: Support letter' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await dialog().getByRole('button', { name: 'Delete the document' }).click();
    await expect.poll(() => visible('The document was deleted.')).toBe(true);
    await expect.poll(() => page.getByText('Support letter', { exact: true }).count()).toBe(0);
    await quiet();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await page.getByRole('button', { name: 'Podopieczni' }).click();
    await page
      .getByRole('button', { name: /Kowalczyk/ })
      .first()
      .click();
    await tab('Dokumenty');
    await expect.poll(() => visible('Notatka z dnia 20 lis 2026')).toBe(true);
    expect(await visible('Sprawdzenie uprawnień: Bank żywności, 23 lis 2026')).toBe(true);
    expect(await visible('Dokument tożsamości')).toBe(true);
    expect(await visible(/^2 dokumenty, \d/)).toBe(true);
    await shot(page, 'doc-08-list-pl');
    await page.getByRole('button', { name: 'Pokaż: Notice of rent arrears' }).click();
    await expect
      .poll(() => dialog().getByTestId('document-pages').getByRole('img').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await visible('Wyświetlane z zaszyfrowanych danych Casebook')).toBe(true);
    await dialog().getByRole('button', { name: 'Zamknij', exact: true }).last().click();
    await tab('Uprawnienia');
    await expect.poll(() => visible('Mieszka w dzielnicy')).toBe(true);
    expect(await visible('Nieuprawniony')).toBe(true);
    await shot(page, 'doc-15-eligibility-pl');
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
    await page.getByRole('button', { name: 'Clients' }).waitFor();
  });

  it('goes into the backup, comes back on a new PC, goes into the subject access pack, and goes with the client; never in the clear', async () => {
    const photo = readFileSync(join(root, 'photo.jpg'));
    // Backed up to the USB stick: the page says what the documents add.
    await page.getByRole('button', { name: 'Backup' }).click();
    await expect.poll(() => visible(/^2 documents on file \(\d+ kB\) are in every backup, encrypted/)).toBe(true);
    await expect.poll(() => page.getByRole('radio', { name: /KINGSTON \(E:\)/ }).isChecked()).toBe(true);
    await page.getByRole('region', { name: 'Back up now' }).getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => visible(/^Backup verified: 1 client and 1 user/), { timeout: 30_000 }).toBe(true);
    await shot(page, 'doc-09-backup');
    const backupFile = join(
      usb,
      readdirSync(usb).find((f) => f.endsWith('.casebook-backup'))!,
    );

    // Restored on a new PC, the documents are there and open.
    const newPc = await startBridge({ dataDir: join(root, 'new-pc'), saveDir: join(root, 'new-pc-saved'), now });
    const other = await openPage(browser, now);
    try {
      newPc.platform.nextFile = backupFile;
      await other.goto(newPc.url);
      await other.getByRole('button', { name: 'Restore from a backup' }).click();
      const restore = other.getByRole('dialog', { name: 'Restore a backup' });
      await restore.getByRole('button', { name: 'Choose a backup file…' }).click();
      await restore.getByLabel('Your name').fill(ADMIN.name);
      await restore.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
      await restore.getByRole('button', { name: 'Open the backup' }).click();
      await restore.getByRole('button', { name: 'Restore this backup' }).click();
      // The confirmation opens over the first dialog: its words must be there before its button is pressed.
      const confirm = other.getByRole('dialog', { name: 'Restore a backup' }).last();
      await expect
        .poll(() => confirm.innerText())
        .toContain('Casebook will be set up on this computer with the records in this backup');
      await confirm.getByRole('button', { name: 'Restore this backup' }).click();
      await other.getByRole('heading', { name: 'Unlock Casebook' }).waitFor({ timeout: 30_000 });
      await unlockAs(other, ADMIN.name, ADMIN.password);
      await other.getByRole('button', { name: 'Clients' }).click();
      await other
        .getByRole('button', { name: /Kowalczyk/ })
        .first()
        .click();
      await other.getByRole('tab', { name: 'Documents', exact: true }).click();
      await other.getByRole('button', { name: 'View: ID card, front' }).click();
      await expect
        .poll(() =>
          other
            .getByRole('dialog')
            .getByRole('img', { name: 'ID card, front' })
            .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        )
        .toBe(480);
      await shot(other, 'doc-10-restored-new-pc');
    } finally {
      await other.close();
      await newPc.close();
    }

    // In the subject access pack: listed in the PDF, each given as a file beside it.
    await page.getByRole('button', { name: 'Clients' }).click();
    await page
      .getByRole('button', { name: /Kowalczyk/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Subject access', exact: true }).click();
    const form = page.getByRole('region', { name: 'Record a subject access request' });
    await form.getByLabel(/^Request received on/).fill('2026-11-20');
    await form.getByRole('button', { name: 'Record request' }).click();
    await expect.poll(() => visible(/^Request recorded/)).toBe(true);
    await page.getByRole('button', { name: 'Make the pack (PDF and JSON)' }).click();
    await expect.poll(() => visible(/^The pack was saved as .*\.pdf/), { timeout: 30_000 }).toBe(true);
    const saved = join(root, 'saved');
    const pack = readdirSync(saved).find((f) => f.startsWith('Subject access') && f.endsWith('.pdf'))!;
    const folder = join(saved, pack.replace(/\.pdf$/, ' - documents'));
    expect(readdirSync(folder).sort()).toEqual(['01 ID card, front.jpg', '02 Notice of rent arrears.pdf']);
    expect(pdfText(join(saved, pack)).replace(/\s+/g, ' ')).toContain('Checks of whether you qualify for a service');
    expect(readFileSync(join(folder, '01 ID card, front.jpg'))).toEqual(photo);
    expect(pdfText(join(saved, pack)).replace(/\s+/g, ' ')).toContain('Documents on file');
    pdfToPng(join(saved, pack), 'doc-11-access-pack', 2);

    // Kept by kind: a copy of ID for 30 days after it was added unless the charity says otherwise.
    await page.getByRole('button', { name: 'Retention review' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Proof of identity' }).inputValue()).toBe('30');
    expect(await visible('No document is past its keeping time.')).toBe(true);
    await shot(page, 'doc-12-retention', { fullPage: true });

    // Erased with the client.
    await page.getByRole('button', { name: 'Clients' }).click();
    await page
      .getByRole('button', { name: /Kowalczyk/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Erase or anonymise' }).click();
    const d = dialog();
    await d.getByRole('radio', { name: 'Erase everything' }).check();
    await d.getByLabel(/^Why/).first().fill('Asked us to delete her data');
    await d.getByLabel(/^Type the reference CB-00001 to confirm/).fill('CB-00001');
    await d.getByRole('button', { name: 'Erase or anonymise now' }).click();
    await expect.poll(() => visible('CB-00001 has been erased.')).toBe(true);

    // A byte scan: the scan's words and the photo's bytes are nowhere in the clear, in the data
    // folder (records, write-ahead log, key file, logs) or on the USB stick.
    const telltale = photo.subarray(Math.floor(photo.length / 2), Math.floor(photo.length / 2) + 64);
    for (const dir of [join(root, 'data'), usb, join(root, 'new-pc')])
      for (const f of everyFile(dir)) {
        expect(f.bytes.includes(MARKER), f.path).toBe(false);
        expect(f.bytes.includes(telltale), f.path).toBe(false);
      }
  });

  it('files what the office scanner saved against a client, and takes it out of the scanner’s folder', async () => {
    await callCore(bridge, 'clients.intake', {
      details: { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-10-01' },
    });
    const scanner = join(root, 'scanner');
    mkdirSync(scanner);
    writeFileSync(join(scanner, 'SCAN_0007.pdf'), scannedPdf('BENEFIT-DECISION-LETTER-7Q'));
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Scanner inbox' });
    bridge.platform.nextFolder = scanner;
    await section.getByRole('button', { name: 'Choose the scanner’s folder…' }).click();
    await expect.poll(() => section.getByText(scanner).isVisible()).toBe(true);

    await page.getByRole('navigation').getByRole('button', { name: 'Scanner inbox' }).click();
    await expect.poll(() => visible('SCAN_0007.pdf')).toBe(true);
    await shot(page, 'doc-16-inbox');
    await page.getByRole('button', { name: 'View: SCAN_0007.pdf' }).click();
    await expect
      .poll(() => dialog().getByTestId('document-pages').getByRole('img').count(), { timeout: 20_000 })
      .toBe(1);
    await dialog().getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.getByRole('button', { name: 'File against a client…: SCAN_0007.pdf' }).click();
    await dialog().getByLabel('Whose document is it?').fill('nowak');
    await dialog().getByRole('button', { name: 'Choose Jan Nowak' }).click();
    await dialog().getByLabel('Kind of document').first().click();
    await page.getByRole('option', { name: 'Income or benefit' }).click();
    await dialog().getByLabel('Title').first().fill('Benefit decision');
    await shot(page, 'doc-17-inbox-file');
    await dialog().getByRole('button', { name: 'Add to file' }).click();
    await expect
      .poll(() => visible('“SCAN_0007.pdf” is on Jan Nowak’s file and was removed from the scanner’s folder.'))
      .toBe(true);
    expect(existsSync(join(scanner, 'SCAN_0007.pdf'))).toBe(false);
    await expect.poll(() => visible('Nothing is waiting: the scanner’s folder is empty.')).toBe(true);
  });
});
