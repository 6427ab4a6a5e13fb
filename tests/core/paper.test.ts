import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { LETTER_LAYOUT } from '../../electron/core/letters/letterPdf';
import { MM } from '../../electron/core/pdf/pdfDocument';
import { catalogs, createTranslator } from '../../shared/i18n';
import { reportTables } from '../../shared/domain/reportTables';
import { DEFAULT_TEMPLATES } from '../../electron/core/letters/defaultTemplates';
import { addNewPerson, setUp, startCore, type TestCore } from './helpers';
import { expectNoOverlaps, pageEndings, pdfLines, pdfText } from './pdfCheck';
import { withZofia } from './zofia';

/**
 * Every PDF Casebook makes, in English and in Polish, with the longest names a charity meets: no
 * text drawn over other text (one shared check on the PDF's text boxes), and a letter's address
 * inside the envelope window.
 */
const LONG = {
  charity: 'Stowarzyszenie Pomocy Wzajemnej „Przystań” im. Świętej Jadwigi Śląskiej w Łodzi',
  agency: 'Miejski Ośrodek Pomocy Społecznej w Łodzi',
  contact: 'Małgorzata Dąbrowska',
  role: 'kierowniczka działu pomocy',
  longRole: 'zastępczyni kierownika działu pomocy środowiskowej i świadczeń niepieniężnych dla rodzin',
};

async function charity(language: 'en' | 'pl') {
  const t = startCore();
  await setUp(t);
  await t.ok('app.setLanguage', { language });
  await t.ok('charity.update', {
    name: LONG.charity,
    address: 'ul. Piotrkowska 104 lok. 12\n90-001 Łódź',
    charityNumber: '0000123456',
    phone: '42 630 11 22',
    email: 'biuro@przystan.example.org',
  });
  return t;
}

async function referralLetter(
  t: TestCore,
  language: 'en' | 'pl',
  contact: { name: string; role: string },
  clientId: number,
  agencyName: string,
) {
  const agency = await t.ok('agencies.save', {
    agency: {
      name: agencyName,
      services: 'Pomoc społeczna',
      address: 'ul. Piotrkowska 175\n90-447 Łódź',
      referralRoutes: ['letter'],
      contacts: [{ name: contact.name, role: contact.role }],
    },
  });
  await t.ok('consent.record', {
    clientId,
    consent: { storeData: true, shareScope: 'any', givenOn: '2026-11-01', method: 'written' },
  });
  const [referral] = await t.ok('referrals.create', {
    clientId,
    referral: {
      agencyId: agency.id,
      contactId: agency.contacts[0]!.id,
      reason: 'Zadłużenie czynszowe i groźba eksmisji',
      urgency: 'soon',
    },
  });
  const template = (await t.ok('templates.list', { includeArchived: false })).find(
    (x) => x.kind === 'referral' && x.language === language,
  )!;
  const request = { clientId, templateId: template.id, referralId: referral!.id, text: '' };
  const preview = await t.ok('letters.preview', request);
  const letter = await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });
  return { preview, pdf: (await t.ok('letters.savePdf', { id: letter.id })).path };
}

/** With CASEBOOK_PAPER_OUT set, every PDF is kept there too, to be looked at (rendered with pdftoppm). */
function keep(path: string, name: string): void {
  const out = process.env['CASEBOOK_PAPER_OUT'];
  if (!out) return;
  mkdirSync(out, { recursive: true });
  copyFileSync(path, join(out, `${name}.pdf`));
}

/** Where the report's and the pack's footers begin: their bottom margin is 20 mm of the A4 page's 842 points. */
const A4_FOOTER = 842 - 20 * MM;

const inWindow = (l: { xMin: number; yMin: number; xMax: number; yMax: number }) => {
  const w = LETTER_LAYOUT.window;
  return (
    l.xMin >= w.left * MM - 1 &&
    l.xMax <= (w.left + w.width) * MM + 1 &&
    l.yMin >= w.top * MM - 1 &&
    l.yMax <= (w.top + w.height) * MM + 1
  );
};

describe('what goes on paper', () => {
  it('no Polish template or PDF sentence puts a name where Polish would decline it', () => {
    // A merge field gives the name as it is (nominative); after "od", "dla", "do", "z", "u" Polish
    // needs another case ("od Stowarzyszenia…"), so such sentences are written to need none.
    const declining =
      /\b(od|dla|do|z|ze|u|przez|wobec|w|we|o) \{\{\s*(charity\.name|client\.name|client\.firstName|client\.lastName|agency\.name|agency\.contact|caseworker\.name|name|charity)\s*\}\}/i;
    for (const template of DEFAULT_TEMPLATES.filter((x) => x.language === 'pl'))
      expect(`${template.subject}\n${template.body}`, template.name).not.toMatch(declining);
    const pl =
      JSON.stringify(createTranslator('pl').t('subjectAccess', { returnObjects: true })) +
      JSON.stringify(createTranslator('pl').t('letters', { returnObjects: true }));
    expect(pl).not.toMatch(declining);
  });

  it('no Polish string or template guesses a gender with "(a)" or "jego/jej", and a number is rung "pod numer"', () => {
    // Casebook does not know a reader's grammatical gender: sentences are impersonal ("Zapisano"),
    // or name the person by a label ("Osoba zapisująca: …"). PWN's advice: "dzwonić pod numer".
    const everything = [
      JSON.stringify(catalogs.pl),
      ...DEFAULT_TEMPLATES.filter((x) => x.language === 'pl').map((x) => `${x.subject}\n${x.body}`),
    ].join('\n');
    expect(everything.match(/\p{L}\((a|-a|ła|na)\)|jego\/jej|jej\/jego/gu) ?? []).toEqual([]);
    expect(everything.match(/na numer|telefon pod numer|dzwoń pod \d/g) ?? []).toEqual([]);
  });

  for (const language of ['en', 'pl'] as const) {
    it(`every PDF in ${language === 'en' ? 'English' : 'Polish'}, with long names, has no text over other text`, async () => {
      const t = await charity(language);
      const zofia = await withZofia(t);
      const other = await addNewPerson(t, {
        firstName: 'Maria-Magdalena Aleksandra',
        lastName: 'Konstantynopolitańczykiewicz-Wiśniewska',
        address: 'ul. Żółkiewskiego 5 m. 12\nŁódź',
        postcode: '90-001',
      });

      // Letters: the contact, and a longer role still.
      for (const [i, contact] of [
        { name: LONG.contact, role: LONG.role },
        { name: `${LONG.contact}-Konstantynopolitańczykiewicz`, role: LONG.longRole },
      ].entries()) {
        const { preview, pdf } = await referralLetter(
          t,
          language,
          contact,
          i === 0 ? zofia.id : other.id,
          i === 0 ? LONG.agency : `${LONG.agency} – Filia nr 2 na Bałutach`,
        );
        keep(pdf, `${language}-letter-${i + 1}`);
        expectNoOverlaps(pdf, `letter ${i + 1}`);
        const lines = pdfLines(pdf).filter((l) => l.page === 1);
        // Every line of the recipient is in the window, and the window holds at least the name and the agency.
        const recipient = lines.filter(
          (l) =>
            l.yMin >= LETTER_LAYOUT.window.top * MM + 10 &&
            l.yMax <= (LETTER_LAYOUT.window.top + LETTER_LAYOUT.window.height) * MM + 12 &&
            l.xMin < 110 * MM,
        );
        expect(recipient.length, `letter ${i + 1}`).toBeGreaterThanOrEqual(3);
        for (const l of recipient) expect(inWindow(l), `${l.text} in the window`).toBe(true);
        const windowText = recipient.map((l) => l.text).join(' ');
        expect(windowText).toContain('Łodzi');
        expect(preview.addressShortened ?? false).toBe(i === 1);
        // The reference in the body is the one beside the address; no sentence is left broken by an
        // empty field (the second client has no date of birth), and a Polish address has its postcode before the town.
        expect(preview.body).toContain(preview.reference);
        expect(preview.body).not.toMatch(/: \.|: ,| \.|,\s*\./);
        if (i === 1)
          expect(preview.droppedText ?? []).toContain(language === 'pl' ? ', data urodzenia: …' : ', born …,');
        if (language === 'pl') {
          expect(preview.body).toContain('zwracamy się do Państwa z prośbą o objęcie wsparciem osoby:');
          expect(preview.body).not.toContain('wsparciem Miejski');
          if (i === 1) expect(preview.body).toContain('90-001 Łódź');
        }
      }

      const safety = await t.ok('safetyPlans.savePdf', { clientId: zofia.id });
      keep(safety.path, `${language}-safety-plan`);
      expectNoOverlaps(safety.path, 'safety plan');

      const programme = await t.ok('programmes.save', {
        programme: {
          name: 'Warsztaty gospodarowania budżetem domowym dla rodzin wielodzietnych',
          kind: 'workshop',
          startsOn: '2026-10-01',
          endsOn: '2026-12-31',
          capacity: null,
          facilitators: ['Ewa Zając'],
          venue: 'Sala konferencyjna, ul. Piotrkowska 104',
        },
      } as ChannelInput<'programmes.save'>);
      const added = await t.ok('sessions.add', {
        programmeId: programme.programme.id,
        pattern: {
          firstOn: '2026-11-05',
          startsAt: '18:00',
          endsAt: '20:00',
          repeat: 'weekly',
          weekdays: [],
          until: '2026-11-19',
          count: null,
        },
      });
      for (const c of [zofia, other])
        await t.ok('programmes.register', {
          programmeId: programme.programme.id,
          clientId: c.id,
          registeredOn: '2026-11-01',
        });
      const session = added.detail.sessions[0]!;
      await t.ok('attendance.mark', { sessionId: session.id, clientId: zofia.id, present: true });
      // Someone who came without being on the list (printed "walked in" / "bez zapisu" under the reference).
      const walkIn = await addNewPerson(t, { firstName: 'Bartłomiej', lastName: 'Szczebrzeszyński-Grzegorzewski' });
      await t.ok('attendance.mark', { sessionId: session.id, clientId: walkIn.id, present: true, register: false });
      const register = await t.ok('sessions.registerPdf', { id: session.id });
      keep(register.path, `${language}-register`);
      expectNoOverlaps(register.path, 'register');
      expect(pdfText(register.path)).toContain(language === 'pl' ? 'bez zapisu' : 'walk-in');

      // The diary's day sheet: a family with long names, a long note, and enough appointments to turn the page.
      const me = (await t.ok('app.status', {})).user!.id;
      for (let i = 0; i < 14; i++)
        await t.ok('diary.book', {
          appointment: {
            kind: i % 3 === 0 ? 'homeVisit' : 'office',
            clientIds: i % 2 ? [zofia.id, other.id] : [other.id],
            staffIds: [me],
            date: '2026-11-24',
            startsAt: `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
            endsAt: `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '55' : '25'}`,
            backBy: i % 3 === 0 ? '18:00' : null,
            room: i % 3 === 0 ? null : 'Sala konferencyjna nr 2 na pierwszym piętrze',
            place: i % 3 === 0 ? 'ul. Żółkiewskiego 5 m. 12\n90-001 Łódź' : null,
            note: 'Proszę przynieść decyzję z MOPS, umowę najmu i ostatnie rachunki za prąd oraz gaz; tłumacz ukraińskiego potrzebny.',
          },
          despiteClashes: true,
        });
      const daySheet = await t.ok('diary.daySheetPdf', { date: '2026-11-24' });
      keep(daySheet.path, `${language}-day-sheet`);
      expectNoOverlaps(daySheet.path, 'day sheet');
      const sheetText = pdfText(daySheet.path);
      expect(sheetText).toContain(createTranslator(language).t('diary.confidential').slice(0, 40));
      // The page is turned across: the longest surname fits its column whole.
      expect(sheetText).toContain('Konstantynopolitańczykiewicz-Wiśniewska');
      expect(Math.max(...pdfLines(daySheet.path).map((l) => l.page))).toBeGreaterThan(1);

      const report = await t.ok('reports.savePdf', { from: '2026-01-01', to: '2026-11-23' });
      keep(report.path, `${language}-report`);
      expectNoOverlaps(report.path, 'funder report');
      // Every column heading's words are whole in the PDF (set smaller, not broken mid-word), and no
      // table's title ends a page.
      const shown = await t.ok('reports.funder', { from: '2026-01-01', to: '2026-11-23' });
      const reportWords = new Set(pdfText(report.path).split(/\s+/));
      const tables = reportTables(shown, createTranslator(language).t, language);
      for (const table of tables)
        for (const word of table.columns
          .join(' ')
          .split(/\s+/)
          .filter((w) => w.length > 3))
          expect(reportWords.has(word), `${table.title}: "${word}"`).toBe(true);
      // The charts are in the PDF, drawn as shapes: their titles are text, and there is no picture in it.
      const tr = createTranslator(language).t;
      for (const title of [tr('report.chartContacts'), tr('report.chartOutcomes')])
        expect(pdfText(report.path)).toContain(title);
      expect(
        execFileSync('pdfimages', ['-list', report.path], { encoding: 'utf8' }).trim().split('\n').length,
        'images in the report',
      ).toBe(2);
      const tableTitles = new Set(tables.map((x) => x.title));
      for (const end of pageEndings(report.path, A4_FOOTER))
        expect(tableTitles.has(end.text), `report page ${end.page} ends with a title`).toBe(false);

      // Every CSV export opens in a spreadsheet of the interface's language: Polish Excel takes ";"
      // between cells and "," in numbers. Read back, every row has its heading's number of cells.
      const delimiter = language === 'pl' ? ';' : ',';
      for (const saved of [
        await t.ok('reports.saveCsv', { from: '2026-01-01', to: '2026-11-23' }),
        await t.ok('clients.exportCsv', {
          query: '',
          status: null,
          caseworkerId: null,
          riskFlag: null,
          sort: 'name',
          descending: false,
        }),
        await t.ok('audit.exportCsv', {}),
      ]) {
        const rows = parse(readFileSync(saved.path, 'utf8'), {
          bom: true,
          delimiter,
          relax_column_count: true,
          skip_empty_lines: true,
        }) as string[][];
        expect(rows.length, saved.path).toBeGreaterThan(1);
        if (!saved.path.includes(language === 'pl' ? 'Sprawozdanie' : 'Funder report'))
          for (const row of rows) expect(row.length, `${saved.path}: ${row.join('|')}`).toBe(rows[0]!.length);
      }
      const reportCsv = parse(
        readFileSync((await t.ok('reports.saveCsv', { from: '2026-01-01', to: '2026-11-23' })).path, 'utf8'),
        { bom: true, delimiter, relax_column_count: true },
      ) as string[][];
      const hoursRow = reportCsv.find((r) => r[0] === (language === 'pl' ? 'Razem' : 'Total') && r.length === 3)!;
      expect(hoursRow[2]).toBe(language === 'pl' ? '0,3' : '0.3');

      const [request] = await t.ok('subjectAccess.record', { clientId: zofia.id, receivedOn: '2026-11-20' });
      const pack = await t.ok('subjectAccess.savePack', { id: request!.id });
      keep(pack.pdfPath, `${language}-subject-access`);
      expectNoOverlaps(pack.pdfPath, 'subject access pack');

      // The letters' own words are in the pack; no section heading is left alone at the foot of a
      // page (more notes each time move every heading down the pages).
      const packText = pdfText(pack.pdfPath).replace(/\s+/g, ' ');
      expect(packText).toContain(language === 'pl' ? 'Treść pisma' : 'What the letter said');
      expect(packText).toContain('Zadłużenie czynszowe i groźba eksmisji');
      const titles = new Set(
        Object.values(
          createTranslator(language).t('subjectAccess.sections', { returnObjects: true }) as Record<string, string>,
        ),
      );
      let openRequest = request!.id;
      for (let extra = 0; extra < 8; extra++) {
        await t.ok('notes.save', {
          clientId: zofia.id,
          note: {
            date: '2026-11-02',
            time: '09:00',
            kind: 'phone',
            body: `Rozmowa ${extra}. ${'Omówiono sytuację mieszkaniową i plan spłaty zadłużenia. '.repeat(3 + extra * 2)}`,
          },
        });
        await t.ok('subjectAccess.answered', { id: openRequest, answeredOn: '2026-11-23' });
        openRequest = (await t.ok('subjectAccess.record', { clientId: zofia.id, receivedOn: '2026-11-21' })).find(
          (r) => !r.answeredOn,
        )!.id;
        const again = await t.ok('subjectAccess.savePack', { id: openRequest });
        for (const end of pageEndings(again.pdfPath, A4_FOOTER))
          expect(titles.has(end.text), `page ${end.page} ends with the heading "${end.text}"`).toBe(false);
      }

      await t.ok('recovery.prepare', {});
      const sheet = await t.ok('recovery.saveSheet', {});
      keep(sheet.path, `${language}-recovery-sheet`);
      expectNoOverlaps(sheet.path, 'recovery sheet');
    }, 120_000);
  }
});
